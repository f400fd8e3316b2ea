import Desks
import Diary
import Domain
import HTTP
import Routing
import Secrets
import Storage
import WebUI
import Words

/// The hallway kiosk: a registered touch screen where a student or guardian signs in with
/// the kiosk code from their slip (a USB QR scanner types it) or with login and password,
/// sees only their own diary, read-only, and is signed out after a minute of inactivity.
///
/// - Important: cage and Chromium are not a security boundary. The server refuses an
///   unregistered browser, binds kiosk sessions to their screen, keeps them short, and the
///   access policy lets a kiosk session read its own diary and nothing else.
public struct KioskMode: Sendable {
    let database: Database
    let clock: SchoolClock
    /// Checks a password against a stored hash (Argon2id, with the server's cap on hashes at once).
    let verify: @Sendable (String, String) -> Bool
    let failures = FailureCounter()
    /// The diary's own pages, whose views and cached weeks the kiosk shows.
    let pages: DiaryPages

    /// A kiosk session lasts at most this long, however active.
    static let absoluteSeconds = 15 * 60

    public init(database: Database, clock: SchoolClock, verify: @escaping @Sendable (String, String) -> Bool) {
        self.database = database
        self.clock = clock
        self.verify = verify
        self.pages = DiaryPages(database: database, clock: clock)
    }

    public var routes: [AppRoute] {
        [
            AppRoute(.get, "/kiosk", .open) { visit in try home(visit, error: nil, status: 200) },
            AppRoute(.get, "/kiosk/pair/{code}", .open) { visit in try pair(visit) },
            AppRoute(.post, "/kiosk/signin", .open, slow: .computes) { visit in try signIn(visit) },
            AppRoute(.get, "/kiosk/diary", .school(.viewOwnAccount)) { visit in
                guard visit.actor?.channel == .kiosk, let first = visit.actor?.students.sorted().first else { return .redirect(to: "/kiosk") }
                return .redirect(to: "/kiosk/diary/\(first)")
            },
            AppRoute(.get, "/kiosk/diary/{id:int}", .policy(.viewDiary, resource: Self.ownStudent), hidesRefusal: true) { visit in
                try diary(visit, tab: "")
            },
            AppRoute(.get, "/kiosk/diary/{id:int}/marks", .policy(.viewDiary, resource: Self.ownStudent), hidesRefusal: true) { visit in
                try diary(visit, tab: "/marks")
            },
            AppRoute(.get, "/kiosk/diary/{id:int}/finals", .policy(.viewDiary, resource: Self.ownStudent), hidesRefusal: true) { visit in
                try diary(visit, tab: "/finals")
            },
            AppRoute(.get, "/kiosk/messages", .school(.readMessages)) { visit in try messages(visit) },
            AppRoute(.get, "/kiosk/messages/{thread:int}", .school(.readMessages)) { visit in try messages(visit) },
            AppRoute(.post, "/kiosk/signout", .school(.viewOwnAccount)) { visit in
                if let session = visit.session { try AccountsDesk(database: database).signOut(session: session.id, at: visit.now) }
                var response = Response.redirect(to: "/kiosk")
                response.headers.add("Set-Cookie", Cookie.clear(Cookie.session, for: visit.request))
                return response
            },
        ]
    }

    // MARK: Screens

    /// A kiosk screen in `words`: before sign-in the screen's cookie's language, after it the account's.
    func frame(_ title: String, school: School?, words: Words, _ content: HTML, scripts: [Asset] = [Assets.kioskScript], status: Int = 200) -> Response {
        Layout.response(Layout.page(title: title, school: school, words: words, bodyClass: "kiosk", scripts: scripts, content), status: status)
    }

    func home(_ visit: Visit, error: String?, status: Int) throws -> Response {
        let school = try database.read { try $0.school() }
        let w = visit.words
        guard visit.kioskID != nil else {
            return frame(w.kioskTitle, school: nil, words: w, """
                <main class="kiosk-unregistered"><h1>\(w.kioskUnregistered)</h1>
                <p>\(w.kioskRegisterBefore) <code>tabel kiosk register \(w.kioskNamePlaceholder)</code> \(w.kioskRegisterAfter)</p></main>
                """, scripts: [], status: 403)
        }
        if visit.actor?.channel == .kiosk { return .redirect(to: "/kiosk/diary") }
        let now = clock.now()
        let (bells, changes, holiday) = try database.read { c in
            (try c.mainBells(), try c.timetableChanges(on: now.date), try c.holiday(on: now.date))
        }
        // The school's own announcements of the coming week (nothing of a class: nobody is signed in here).
        let events = try EventsDesk(database: database).schoolWide(from: now.date, to: now.date.adding(days: 7))
        let csrf = visit.request.cookie(Cookie.form) ?? Random.token(bytes: 16)
        var response = frame(w.kioskTitle, school: school, words: w, """
            <main class="kiosk-idle">
            \(KioskIdleScreen.overview(now: now, clock: clock, school: school, bells: bells, changes: changes, holiday: holiday, w))\(events.isEmpty ? "" as HTML : "<section class=\"kiosk-panel kiosk-events\"><h2>\(w.kioskEvents)</h2>\(EventView.list(events, w))</section>")
            \(signInPanel(csrf: csrf, error: error, w))
            </main>
            """, status: status)
        if visit.request.cookie(Cookie.form) == nil { response.headers.add("Set-Cookie", Cookie.set(Cookie.form, csrf, for: visit.request)) }
        return response
    }

    func signInPanel(csrf: String, error: String?, _ w: Words) -> HTML {
        """
        <section class="kiosk-panel kiosk-signin" id="signin">
        <h2>\(w.sectionMyDiary)</h2>
        \(error.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" as HTML })
        <form method="post" action="/kiosk/signin" autocomplete="off" class="kiosk-code">
        <input type="hidden" name="_csrf" value="\(csrf)">
        <label for="code">\(w.kioskScanCode)</label>
        <input id="code" name="code" autofocus inputmode="none" autocomplete="off" spellcheck="false" data-keyboard>
        </form>
        <form method="post" action="/kiosk/signin" autocomplete="off" class="kiosk-login">
        <input type="hidden" name="_csrf" value="\(csrf)">
        <p class="muted">\(w.kioskOrLogin)</p>
        <label for="login">\(w.loginLabel)</label><input id="login" name="login" inputmode="none" autocapitalize="none" spellcheck="false" data-keyboard>
        <label for="password">\(w.passwordLabel)</label><input id="password" name="password" type="password" inputmode="none" data-keyboard>
        <button type="submit" class="big">\(w.signInButton)</button>
        </form>
        <div class="osk" id="osk" hidden></div>
        </section>
        """
    }

    func pair(_ visit: Visit) throws -> Response {
        let code = visit.request.pathParameters["code"] ?? ""
        let token = Random.token(bytes: 32)
        try KioskDesk(database: database).pair(code: code, deviceToken: token, at: visit.now, address: visit.request.remoteAddress)
        var response = Response.redirect(to: "/kiosk")
        response.headers.add("Set-Cookie", Cookie.set(Cookie.kiosk, token, for: visit.request, maxAge: 10 * 365 * 86400))
        return response
    }

    func signIn(_ visit: Visit) throws -> Response {
        guard let kioskID = visit.kioskID else { return try home(visit, error: nil, status: 403) }
        let key = "kiosk:\(kioskID)"
        let wait = failures.retryAfter(key, now: visit.now)
        if wait > 0 {
            var r = try home(visit, error: visit.words.kioskWait(seconds: wait), status: 429)
            r.headers.add("Retry-After", String(wait))
            return r
        }
        let form = try visit.request.form()
        let code = (form["code"] ?? "").trimmingWhitespace.uppercased()
        var account: AccountRecord?
        if !code.isEmpty {
            account = try database.read { try $0.accountForKioskCode(hash: Digest.blake2b(code)) }
        } else if let login = form["login"]?.trimmingWhitespace, !login.isEmpty,
                  let found = try database.read({ try $0.account(login: login) }) {
            // Their own password, or before they have chosen one the temporary password printed
            // on their slip (typed in capitals on the on-screen keyboard). The slip stays unused:
            // the password is chosen at home.
            let password = form["password"] ?? ""
            let hashes = try found.passwordHash.map { [$0] } ?? database.read { try $0.usableSlips(account: found.id, now: visit.now).map(\.passwordHash) }
            if hashes.contains(where: { verify(password, $0) }) { account = found }
        }
        // Failures slow this kiosk down; they never count against the account.
        guard let account, account.lockedAt == nil else {
            failures.fail(key, now: visit.now)
            return try home(visit, error: code.isEmpty ? visit.words.wrongCredentials : visit.words.kioskCodeRefused, status: 401)
        }
        failures.succeed(key)
        let token = Random.token(bytes: 32)
        try KioskDesk(database: database).openSession(account: account.id, kiosk: kioskID, token: token, byCode: !code.isEmpty,
                                                      at: visit.now, expiresAt: visit.now + Self.absoluteSeconds, address: visit.request.remoteAddress)
        var response = Response.redirect(to: "/kiosk/diary")
        response.headers.add("Set-Cookie", Cookie.set(Cookie.session, token, for: visit.request))
        return response
    }

    /// The student named in the path. Only the students of this kiosk session: the policy checks ownership.
    @Sendable static func ownStudent(_ visit: Visit) throws -> Resource {
        .student(id: try visit.request.pathParameters.int("id"), classID: nil)
    }

    /// The diary on the kiosk, read-only: the week (and other weeks), marks by subject and final
    /// marks, drawn by the diary's own views with no form that writes (no wrong-mark report, no
    /// acknowledgement: those are for the family's own devices).
    func diary(_ visit: Visit, tab: String) throws -> Response {
        guard visit.actor?.channel == .kiosk else { return .redirect(to: "/kiosk") }
        let id = try visit.request.pathParameters.int("id")
        let (school, student, idle, names) = try database.read { c in
            (try c.school(), try c.diaryStudent(id, on: visit.today), try c.schoolSettings().kioskIdleSeconds,
             try c.studentNames(visit.actor!.students.sorted()))
        }
        guard let student, student.classID != nil else { throw HTTPError.notFound }
        let base = "/kiosk/diary/\(id)"
        let w = visit.words
        let monday = try DiaryPages.monday(visit)
        let content: HTML
        switch tab {
        case "/marks": content = try pages.marks(student, base: base, visit: visit)
        case "/finals": content = "<div class=\"kiosk-finals\">\(try pages.finals(student, visit: visit))</div>"
        default:
            content = """
                \(DiaryView.weekNav(base: base, monday: monday, today: visit.today, w))
                <div class="week">\(try pages.week(student, monday: monday, visit: visit))</div>
                """
        }
        let switcher: [HTML] = (names.count <= 1 ? [] : names.map {
            "<a href=\"/kiosk/diary/\($0.id)\"\($0.id == id ? " aria-current=\"page\"" as HTML : "")>\($0.name)</a>"
        }) + ["<a href=\"/kiosk/messages\">\(w.menuMessages)</a>" as HTML]
        return frame(w.menuDiary, school: school, words: w, """
            <main class="kiosk-diary" data-idle="\(idle)">
            \(bar("\(student.name), \(student.className)", links: switcher, idle: idle, visit: visit))
            <div class="diary">
            \(DiaryView.tabs(base: base, current: tab, w))
            \(content)
            </div>
            </main>
            """)
    }
}

extension KioskMode {
    /// The top bar of a signed-in kiosk screen: who, links, the countdown and the exit.
    func bar(_ title: String, links: [HTML], idle: Int, visit: Visit) -> HTML {
        let w = visit.words
        return """
            <header class="kiosk-bar">
            <div><h1>\(title)</h1></div>
            \(links.isEmpty ? "" as HTML : "<nav class=\"children\">\(each: links)</nav>")
            <p class="countdown" aria-live="polite">\(w.kioskSignOutIn) <b id="countdown">\(idle)</b> \(w.secondsShort)</p>
            <form method="post" action="/kiosk/signout" id="signout"><input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <button type="submit" class="big exit">\(w.signOut)</button></form>
            </header>
            """
    }

    /// The family's messages at the kiosk, read-only: the list, or one thread (`/kiosk/messages/{thread}`).
    /// Nothing is marked read here and nothing can be written or downloaded.
    func messages(_ visit: Visit) throws -> Response {
        guard visit.actor?.channel == .kiosk else { return .redirect(to: "/kiosk") }
        let w = visit.words, desk = MessagesDesk(database: database)
        let (school, idle, names) = try database.read { c in
            (try c.school(), try c.schoolSettings().kioskIdleSeconds, try c.studentNames(visit.actor!.students.sorted()))
        }
        let links: [HTML] = names.map { "<a href=\"/kiosk/diary/\($0.id)\">\($0.name)</a>" } + ["<a href=\"/kiosk/messages\">\(w.menuMessages)</a>" as HTML]
        let content: HTML
        if let id = visit.request.pathParameters["thread"].flatMap({ Int($0) }) {
            let view = try desk.open(thread: id, by: visit.editor)
            content = """
                <h2>\(view.thread.subject)</h2>
                \(MessageView.thread(view, me: visit.actor!.personID, offset: clock.utcOffsetMinutes, csrf: nil, w))
                <p class="muted">\(w.kioskReadOnly)</p>
                """
        } else {
            let notices = try NotificationsDesk(database: database).notifications(for: visit.actor!, limit: 20)
            content = """
                \(MessageView.list(try desk.threads(of: visit.actor!), base: "/kiosk/messages", offset: clock.utcOffsetMinutes, w))
                <h2>\(w.notificationsTitle)</h2>
                \(NotificationPages.list(notices, offset: clock.utcOffsetMinutes, w))
                """
        }
        return frame(w.messagesTitle, school: school, words: w, """
            <main class="kiosk-diary kiosk-messages" data-idle="\(idle)">
            \(bar(w.messagesTitle, links: links, idle: idle, visit: visit))
            <div class="diary">\(content)</div>
            </main>
            """)
    }
}

/// The kiosk's idle screen: the school's name, the time, today's bells and timetable changes.
/// Nothing personal is ever shown here.
enum KioskIdleScreen {
    static func overview(now: SchoolDateTime, clock: SchoolClock, school: School?, bells: [Bell],
                         changes: [TimetableChange], holiday: String?, _ w: Words) -> HTML {
        let lessonDay = holiday == nil && now.date.weekday <= 5
        let bellRows: [HTML] = bells.map { bell in
            let current = bell.startsAt <= now.time && now.time < bell.endsAt
            return """
            <tr class="\(current ? "now" : "")"><td>\(w.bell(bell.number).capitalizedFirst)</td><td>\(bell.startsAt.description)–\(bell.endsAt.description)</td></tr>
            """
        }
        let changeItems: [HTML] = changes.map {
            "<li><b>\($0.className)</b>, \(w.bell($0.bellNumber)), \($0.subject): <span class=\"kind\">\(w.changeKind($0))</span></li>"
        }
        let nowMillis = (clock.unixNow() + clock.utcOffsetMinutes * 60) * 1000
        return """
            <section>
            <h1>\(school?.name ?? "Tabel")</h1>
            <p class="kiosk-clock" id="kiosk-clock" data-now="\(nowMillis)">\(now.time.description)</p>
            <p class="kiosk-date">\(w.weekday(now.date)), \(w.longDate(now.date))\(holiday.map { " — \($0)" } ?? "")</p>
            </section>
            <section class="kiosk-panel">
            <h2>\(w.bellsTitle)</h2>
            \(lessonDay ? "<table><tbody>\(each: bellRows)</tbody></table>" as HTML : "<p>\(w.kioskNoLessonsToday)</p>")
            </section>
            <section class="kiosk-panel kiosk-changes">
            <h2>\(w.kioskChanges)</h2>
            \(changeItems.isEmpty ? "<p>\(w.kioskNoChanges)</p>" as HTML : "<ul class=\"kiosk-change-list\">\(each: changeItems)</ul>")
            </section>
            """
    }
}
