import Desks
import Domain
import HTTP
import Routing
import Secrets
import Storage
import WebUI
import Words

/// Sign-in and sign-out, the password page, and the session API (`/api/v1/session`, `/api/v1/me`).
struct AccountRoutes {
    let database: Database
    let signIn: SignInDesk

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/login", .open) { visit in
                if visit.actor != nil { return .redirect(to: "/") }
                let token = visit.request.cookie(Gate.formCookie) ?? Random.token(bytes: 16)
                var response = loginPage(visit, csrf: token, login: "", error: nil, status: 200)
                if visit.request.cookie(Gate.formCookie) == nil {
                    response.headers.add("Set-Cookie", Cookie.set(Gate.formCookie, token, for: visit.request))
                }
                return response
            },
            AppRoute(.post, "/login", .open, slow: .computes) { visit in
                let form = try visit.request.form()
                let login = (form["login"] ?? "").trimmingWhitespace
                let csrf = visit.request.cookie(Gate.formCookie) ?? ""
                let w = visit.words
                guard !login.isEmpty else { return loginPage(visit, csrf: csrf, login: login, error: w.enterLogin, status: 400) }
                switch try signIn.attempt(login: login, password: form["password"] ?? "", address: visit.request.remoteAddress,
                                          via: .page, now: visit.now) {
                case let .signedIn(token, session, _):
                    var response = Response.redirect(to: session.mustChangePassword ? "/password" : safeNext(form["next"]))
                    response.headers.add("Set-Cookie", Cookie.set(Gate.sessionCookie, token, for: visit.request))
                    return response
                case .refused:
                    return loginPage(visit, csrf: csrf, login: login, error: w.wrongCredentials, status: 401)
                case let .throttled(seconds):
                    var response = loginPage(visit, csrf: csrf, login: login, error: w.tooManyAttempts(wait: w.wait(seconds)), status: 429)
                    response.headers.add("Retry-After", String(seconds))
                    return response
                case .locked:
                    return loginPage(visit, csrf: csrf, login: login, error: w.accountLocked, status: 403)
                }
            },
            AppRoute(.post, "/logout", .school(.viewOwnAccount)) { visit in
                if let session = visit.session { try AccountsDesk(database: database).signOut(session: session.id, at: visit.now) }
                var response = Response.redirect(to: "/login")
                response.headers.add("Set-Cookie", Cookie.clear(Gate.sessionCookie, for: visit.request))
                return response
            },
            // The language switch of every page: an account keeps its choice, a visitor before
            // signing in keeps it in a cookie. Back to the page it was pressed on.
            AppRoute(.post, "/language", .open) { visit in
                let language = Language(rawValue: try visit.request.form()["language"] ?? "") ?? .russian
                var response = Response.redirect(to: backPath(visit.request))
                if visit.actor != nil {
                    try AccountsDesk(database: database).setLanguage(language, by: visit.editor)
                } else {
                    response.headers.add("Set-Cookie", Cookie.set(Cookie.language, language.rawValue, for: visit.request, maxAge: 365 * 86400))
                }
                return response
            },
            AppRoute(.get, "/password", .school(.changeOwnPassword)) { visit in
                passwordPage(visit, errors: [:], status: 200)
            },
            AppRoute(.post, "/password", .school(.changeOwnPassword), slow: .computes) { visit in
                let form = try visit.request.form()
                let new = form["new"] ?? ""
                guard new == (form["repeat"] ?? "") else {
                    return passwordPage(visit, errors: ["repeat": visit.words.passwordsDiffer], status: 422)
                }
                do {
                    let (token, _) = try signIn.changePassword(actor: visit.actor!, session: visit.session!, current: form["current"] ?? "",
                                                               new: new, address: visit.request.remoteAddress, via: .page, now: visit.now)
                    var response = Response.redirect(to: "/?password=changed")
                    response.headers.add("Set-Cookie", Cookie.set(Gate.sessionCookie, token, for: visit.request))
                    return response
                } catch let error as DeskError where error.field != nil {
                    return passwordPage(visit, errors: [error.field!: error.message(in: visit.words)], status: 422)
                }
            },
            AppRoute(.post, "/api/v1/session", .open, slow: .computes) { visit in
                struct Credentials: Decodable { let login: String; let password: String }
                let body = try JSONBody.decode(Credentials.self, from: visit.request)
                switch try signIn.attempt(login: body.login, password: body.password, address: visit.request.remoteAddress,
                                          via: .api, now: visit.now) {
                case let .signedIn(token, session, account):
                    let person = try database.read { try $0.personSummary(account.personID, year: -1) }
                    let actor = try database.read { try $0.actor(account: account, session: session, today: visit.today) }
                    var response = JSONBody.response(SessionBody(
                        user: UserBody(id: account.personID, login: account.login, fullName: person?.card.fullName ?? "",
                                       roles: actor.roles.map(\.rawValue).sorted()),
                        mustChangePassword: session.mustChangePassword))
                    response.headers.add("Set-Cookie", Cookie.set(Gate.sessionCookie, token, for: visit.request))
                    return response
                case .refused:
                    throw HTTPError(status: 401, message: visit.words.wrongCredentials, code: "invalid_credentials")
                case let .throttled(seconds):
                    throw HTTPError(status: 429, message: visit.words.tooManyAttemptsShort, code: "too_many_attempts", retryAfter: seconds)
                case .locked:
                    throw HTTPError(status: 403, message: visit.words.accountLockedShort, code: "account_locked")
                }
            },
            AppRoute(.delete, "/api/v1/session", .school(.viewOwnAccount)) { visit in
                if let session = visit.session { try AccountsDesk(database: database).signOut(session: session.id, at: visit.now) }
                var response = Response(status: 204)
                response.headers.add("Set-Cookie", Cookie.clear(Gate.sessionCookie, for: visit.request))
                return response
            },
            AppRoute(.get, "/api/v1/me", .school(.viewOwnAccount)) { visit in
                let actor = visit.actor!
                let (account, person) = try database.read { c in
                    (try c.account(id: actor.accountID), try c.personSummary(actor.personID, year: -1))
                }
                return JSONBody.response(MeBody(
                    id: actor.personID, login: account?.login ?? "", fullName: person?.card.fullName ?? "",
                    roles: actor.roles.map(\.rawValue).sorted(), mustChangePassword: actor.mustChangePassword,
                    assignments: actor.roles.contains(.teacher) || actor.roles.contains(.psychologist)
                        ? actor.assignments.map { AssignmentBody(class: $0.classID, subject: $0.subjectID, group: $0.groupID) } : nil,
                    class: actor.classTeacherOf.min(),
                    students: actor.roles.contains(.student) || actor.roles.contains(.guardian) ? actor.students.sorted() : nil))
            },
            AppRoute(.post, "/api/v1/me/password", .school(.changeOwnPassword), slow: .computes) { visit in
                struct Change: Decodable { let current: String; let new: String }
                let body = try JSONBody.decode(Change.self, from: visit.request)
                let (token, _) = try signIn.changePassword(actor: visit.actor!, session: visit.session!, current: body.current,
                                                           new: body.new, address: visit.request.remoteAddress, via: .api, now: visit.now)
                var response = Response(status: 204)
                response.headers.add("Set-Cookie", Cookie.set(Gate.sessionCookie, token, for: visit.request))
                return response
            },
        ]
    }

    /// The path of the page a form was sent from (its `Referer`, on this site only), else home.
    func backPath(_ request: Request) -> String {
        guard let referer = request.headers["referer"], let host = request.headers["host"] else { return "/" }
        for prefix in ["http://\(host)", "https://\(host)"] where referer.hasPrefix(prefix) {
            return safeNext(String(referer.dropFirst(prefix.count)))
        }
        return "/"
    }

    /// Where to go after sign-in: a path on this site only.
    func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    func loginPage(_ visit: Visit, csrf: String, login: String, error: String?, status: Int) -> Response {
        let school = try? database.read { try $0.school() }
        let next = visit.request.query["next"] ?? ((try? visit.request.form()["next"]) ?? nil) ?? "/"
        let errorBlock: HTML = error.map { "<p class=\"form-error\" id=\"login-error\" role=\"alert\">\($0)</p>" } ?? ""
        let invalid = error == nil ? "false" : "true"
        // Described by the error only when there is one: a reference to nothing is an accessibility fault.
        let described: HTML = error == nil ? "" : " aria-describedby=\"login-error\""
        let w = visit.words
        // Before sign-in the language switch posts with the form cookie's token, like the form.
        let page = Layout.page(title: w.signInTitle, school: school ?? nil, words: w, switchToken: csrf.isEmpty ? nil : csrf, """
            <main><div class="card signin">
            <h1>\(w.signInHeading)</h1>
            <form method="post" action="/login" novalidate>
            <input type="hidden" name="_csrf" value="\(csrf)">
            <input type="hidden" name="next" value="\(safeNext(next))">
            <label for="login">\(w.loginLabel)</label>
            <input id="login" name="login" value="\(login)" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus aria-invalid="\(invalid)"\(described)>
            <label for="password">\(w.passwordLabel)</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required aria-invalid="\(invalid)"\(described)>
            \(errorBlock)
            <button type="submit">\(w.signInButton)</button>
            </form>
            <p class="muted">\(w.signInHint)</p>
            </div></main>
            """)
        return Layout.response(page, status: status)
    }

    func passwordPage(_ visit: Visit, errors: [String: String], status: Int) -> Response {
        let school = try? database.read { try $0.school() }
        let person = (try? database.read { try $0.personSummary(visit.actor!.personID, year: -1) }) ?? nil
        let first = visit.actor?.mustChangePassword == true
        let w = visit.words
        func field(_ name: String, _ label: String, _ autocomplete: String) -> HTML {
            let error = errors[name]
            return """
                <label for="\(name)">\(label)</label>
                <input id="\(name)" name="\(name)" type="password" autocomplete="\(autocomplete)" required aria-invalid="\(error == nil ? "false" : "true")"\(error == nil ? "" : " aria-describedby=\"\(name)-error\"" as HTML)>
                \(error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" as HTML })
                """
        }
        let page = Layout.page(title: w.passwordTitle, school: school ?? nil,
                               user: SignedIn(visit, name: person?.card.shortName ?? ""), """
            <main><div class="card signin">
            <h1>\(first ? w.passwordFirstTitle : w.passwordTitle)</h1>
            \(first ? "<p>\(w.passwordFirstText)</p>" as HTML : "")
            <form method="post" action="/password" novalidate>
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            \(field("current", first ? w.passwordTemporary : w.passwordCurrent, "current-password"))
            \(field("new", w.passwordNew, "new-password"))
            <p class="muted">\(w.passwordAdvice(minimumLength: PasswordPolicy.minimumLength))</p>
            \(field("repeat", w.passwordRepeat, "new-password"))
            <button type="submit">\(w.passwordSave)</button>
            </form>
            </div></main>
            """)
        return Layout.response(page, status: status)
    }
}

// The bodies of the session API; members in alphabetical order, as the API has always written them.

struct UserBody: JSONWritable {
    let id: Int
    let login: String
    let fullName: String
    let roles: [String]

    func write(to json: inout JSONBytes) {
        json.object { j in
            j.field("fullName", fullName)
            j.field("id", id)
            j.field("login", login)
            j.key("roles")
            j.array(roles) { j, role in j.string(role) }
        }
    }
}

struct SessionBody: JSONWritable {
    let user: UserBody
    let mustChangePassword: Bool

    func write(to json: inout JSONBytes) {
        json.object { j in
            j.field("mustChangePassword", mustChangePassword)
            j.key("user")
            user.write(to: &j)
        }
    }
}

struct AssignmentBody {
    let `class`: Int
    let subject: Int
    let group: Int?
}

struct MeBody: JSONWritable {
    let id: Int
    let login: String
    let fullName: String
    let roles: [String]
    let mustChangePassword: Bool
    let assignments: [AssignmentBody]?
    let `class`: Int?
    let students: [Int]?

    func write(to json: inout JSONBytes) {
        json.object { j in
            if let assignments {
                j.key("assignments")
                j.array(assignments) { j, a in
                    j.object { j in
                        j.field("class", a.class)
                        j.field("group", a.group)
                        j.field("subject", a.subject)
                    }
                }
            }
            j.field("class", `class`)
            j.field("fullName", fullName)
            j.field("id", id)
            j.field("login", login)
            j.field("mustChangePassword", mustChangePassword)
            j.key("roles")
            j.array(roles) { j, role in j.string(role) }
            if let students {
                j.key("students")
                j.array(students) { j, student in j.int(student) }
            }
        }
    }
}
