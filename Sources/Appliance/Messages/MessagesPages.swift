import Desks
import Diary
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// Messages for staff and families (issue 15): the list of one's threads (`/messages`), a
/// thread with its answer form (`/messages/{thread}`), a new message or a class teacher's
/// broadcast (`/messages/new`), files sent with messages, and the administration's search.
/// Plain forms (multipart for a file), Post/Redirect/Get; the JSON API beside them.
struct MessagesPages: Sendable {
    let database: Database
    let clock: SchoolClock
    var desk: MessagesDesk { MessagesDesk(database: database) }

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/messages", .school(.readMessages)) { visit in try list(visit) },
            AppRoute(.get, "/messages/new", .school(.sendMessage)) { visit in try newPage(visit) },
            AppRoute(.post, "/messages", .school(.sendMessage)) { visit in try create(visit) },
            AppRoute(.get, "/messages/{thread:int}", .school(.readMessages)) { visit in try threadPage(visit) },
            AppRoute(.post, "/messages/{thread:int}", .school(.sendMessage)) { visit in try answer(visit) },
            AppRoute(.post, "/messages/withdraw", .school(.sendMessage)) { visit in
                let form = try visit.request.form()
                guard let id = form["message"].flatMap({ Int($0) }) else { throw HTTPError.notFound }
                let thread = try database.read { try $0.message(id)?.threadID } ?? 0
                try desk.withdraw(message: id, by: visit.editor)
                return .redirect(to: "/messages/\(thread)?withdrawn=1")
            },
            AppRoute(.get, "/messages/files/{id:int}", .school(.readMessages)) { visit in
                let file = try desk.attachment(try visit.request.pathParameters.int("id"), by: visit.actor!)
                return Self.download(file.info, file.bytes)
            },
            AppRoute(.get, "/messages/search", .school(.searchMessages)) { visit in try searchPage(visit, text: "", hits: nil) },
            AppRoute(.post, "/messages/search", .school(.searchMessages)) { visit in
                let text = try visit.request.form()["q"] ?? ""
                do {
                    return try searchPage(visit, text: text, hits: try desk.search(text, by: visit.editor))
                } catch let error as DeskError where error.field != nil {
                    return try searchPage(visit, text: text, hits: nil, error: error, status: 422)
                }
            },
        ] + MessagesAPI(database: database, desk: desk, offset: clock.utcOffsetMinutes).routes
    }

    /// A file as a download, never shown in the page: its own type, `attachment`, `nosniff`.
    static func download(_ info: AttachmentInfo, _ bytes: [UInt8]) -> Response {
        var response = Response(status: 200, contentType: info.mediaType, body: bytes)
        let ascii = String(info.fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        response.headers.add("Content-Disposition", "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(PercentDecoding.encode(info.fileName))")
        response.headers.add("X-Content-Type-Options", "nosniff")
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    func frame(_ visit: Visit, title: String, status: Int = 200, _ content: HTML) throws -> Response {
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }
        return Layout.response(Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(label: visit.words.menuHome, href: "/")], content), status: status)
    }

    func list(_ visit: Visit) throws -> Response {
        let w = visit.words, actor = visit.actor!
        let threads = try desk.threads(of: actor)
        let write: HTML = AccessPolicy.permits(actor, .sendMessage, .school) ? "<p><a class=\"button\" href=\"/messages/new\">\(w.newMessage)</a></p>" : ""
        let search: HTML = AccessPolicy.permits(actor, .searchMessages, .school) ? "<p><a href=\"/messages/search\">\(w.searchTitle)</a></p>" : ""
        return try frame(visit, title: w.messagesTitle, """
            <main class="messages-page">
            <h1>\(w.messagesTitle)</h1>
            \(visit.request.query["sent"] != nil ? "<p class=\"notice ok\" role=\"status\">\(w.messageSent)</p>" as HTML : "")
            \(write)
            <section class="card">\(MessageView.list(threads, base: "/messages", offset: clock.utcOffsetMinutes, w))</section>
            \(search)
            </main>
            """)
    }

    /// What a failed form brings back.
    struct Typed {
        var values = Parameters()
        var error: DeskError?
    }

    func newPage(_ visit: Visit, typed: Typed = Typed(), status: Int = 200) throws -> Response {
        let w = visit.words, actor = visit.actor!
        let people = try desk.correspondents(today: visit.today, for: actor)
        let chosen = Set((typed.values.all("to") + visit.request.query.all("to")).compactMap { Int($0) })
        func note(_ p: MessageCandidate) -> String {
            if p.roles.contains(where: \.isStaff) {
                let roles = p.roles.filter(\.isStaff).sorted { $0.rawValue < $1.rawValue }.map { w.role($0) }.joined(separator: ", ")
                return p.classNames.isEmpty || !p.roles.contains(.teacher) ? roles : roles + ", " + w.classTeacherOf(p.classNames.joined(separator: ", "))
            }
            return p.roles.contains(.student) ? w.studentOf(p.classNames.joined(separator: ", ")) : w.guardianOf(p.classNames.joined(separator: ", "))
        }
        func options(_ group: [MessageCandidate]) -> [HTML] {
            group.map { "<option value=\"\($0.id)\"\(chosen.contains($0.id) ? " selected" : "")>\($0.name) — \(note($0))</option>" }
        }
        let staff = people.filter { $0.roles.contains(where: \.isStaff) }, families = people.filter { !$0.roles.contains(where: \.isStaff) }
        let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">"
        let error: HTML = typed.error.map { "<p class=\"form-error\" role=\"alert\">\($0.message(in: w))</p>" } ?? ""
        let v = typed.values
        func fields(_ prefix: String) -> HTML {
            """
            <label for="\(prefix)subject">\(w.messageSubjectLabel)</label><input id="\(prefix)subject" name="subject" maxlength="200" required value="\(v["subject"] ?? "")">
            <label for="\(prefix)body">\(w.bodyLabel)</label><textarea id="\(prefix)body" name="body" rows="8" maxlength="10000" required>\(v["body"] ?? "")</textarea>
            <label for="\(prefix)file">\(w.fileLabel)</label><input id="\(prefix)file" name="file" type="file" accept="application/pdf,image/png,image/jpeg">
            """
        }
        let direct: HTML = people.isEmpty ? "<p class=\"card muted\">\(w.nobodyToWrite)</p>" : """
            <form method="post" action="/messages" enctype="multipart/form-data" class="card message-form">\(csrf)
            <label for="to">\(w.recipientsLabel)</label>
            <select id="to" name="to" multiple size="\(min(10, max(3, people.count)))" required aria-describedby="to-hint">
            \(staff.isEmpty ? "" as HTML : "<optgroup label=\"\(w.staffGroup)\">\(each: options(staff))</optgroup>")
            \(families.isEmpty ? "" as HTML : "<optgroup label=\"\(w.familiesGroup)\">\(each: options(families))</optgroup>")
            </select>
            <p class="hint muted" id="to-hint">\(w.recipientsHint)</p>
            \(fields(""))
            \(typed.values["class"] == nil ? error : "")
            <p><button>\(w.send)</button></p>
            </form>
            """
        let classes = try database.read { c in try actor.classTeacherOf.sorted().compactMap { id in try c.className(id: id).map { (id, $0) } } }
            .filter { AccessPolicy.permits(actor, .broadcastMessages, .schoolClass($0.0)) }
        let broadcast: HTML = classes.isEmpty ? "" : """
            <form method="post" action="/messages" enctype="multipart/form-data" class="card message-form">\(csrf)
            <h2>\(w.broadcastTitle)</h2>
            <p class="muted">\(w.broadcastHint)</p>
            <label for="b-class">\(w.classLabel)</label><select id="b-class" name="class">\(each: classes.map { "<option value=\"\($0.0)\">\(w.broadcastTo($0.1))</option>" as HTML })</select>
            \(fields("b-"))
            \(typed.values["class"] != nil ? error : "")
            <p><button>\(w.send)</button></p>
            </form>
            """
        return try frame(visit, title: w.newMessage, status: status, """
            <main class="messages-page">
            <p><a href="/messages">\(w.allMessages)</a></p>
            <h1>\(w.newMessage)</h1>
            \(direct)
            \(broadcast)
            </main>
            """)
    }

    /// The files of a form (only those with a name and bytes: an empty file field sends nothing).
    static func files(_ request: Request) throws -> [MessagesDesk.Attachment] {
        guard request.headers["content-type"]?.lowercased().hasPrefix("multipart/form-data") == true else { return [] }
        return try request.multipart().compactMap { part in
            guard part.name == "file", let name = part.filename, !name.isEmpty, !part.body.isEmpty else { return nil }
            return MessagesDesk.Attachment(fileName: name, bytes: part.body)
        }
    }

    func create(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        do {
            let files = try Self.files(visit.request)
            let thread: Int
            if let classID = form["class"].flatMap({ Int($0) }) {
                thread = try desk.broadcast(classID: classID, subject: form["subject"] ?? "", body: form["body"] ?? "", attachments: files, by: visit.editor)
            } else {
                thread = try desk.write(to: form.all("to").compactMap { Int($0) }, subject: form["subject"] ?? "", body: form["body"] ?? "",
                                        attachments: files, today: visit.today, by: visit.editor)
            }
            return .redirect(to: "/messages/\(thread)?sent=1")
        } catch let error as DeskError where error.field != nil {
            return try newPage(visit, typed: Typed(values: form, error: error), status: 422)
        }
    }

    func threadPage(_ visit: Visit, typed: Typed = Typed(), status: Int = 200) throws -> Response {
        let w = visit.words, me = visit.actor!.personID
        let id = try visit.request.pathParameters.int("thread")
        let view = try desk.open(thread: id, by: visit.editor)
        let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">"
        let members = view.thread.members.filter { $0.id != me }
        let withWhom = view.isBroadcast && view.thread.startedBy == me ? w.broadcastTo(try database.read { try $0.className(id: view.thread.classID ?? 0) } ?? "")
            : w.withWhom((view.isBroadcast ? [view.thread.member(view.thread.startedBy)?.name ?? ""] : members.map(\.name)).joined(separator: ", "))
        var answers = HTML.empty
        if view.isBroadcast, view.thread.startedBy == me {
            answers = """
                <section class="card"><h2>\(w.answersTitle)</h2>
                \(view.answers.isEmpty ? "<p class=\"muted\">\(w.noAnswers)</p>" as HTML : MessageView.list(view.answers, base: "/messages", offset: clock.utcOffsetMinutes, w))
                </section>
                """
        }
        let error: HTML = typed.error.map { "<p class=\"form-error\" role=\"alert\">\($0.message(in: w))</p>" } ?? ""
        let answerForm: HTML = AccessPolicy.permits(visit.actor!, .sendMessage, .school) ? """
            <form method="post" action="/messages/\(id)" enctype="multipart/form-data" class="card message-form" id="answer">\(csrf)
            <h2>\(view.isBroadcast && view.thread.startedBy != me ? w.answerPrivately : w.answer)</h2>
            <label for="body">\(w.yourAnswerLabel)</label><textarea id="body" name="body" rows="5" maxlength="10000" required>\(typed.values["body"] ?? "")</textarea>
            <label for="file">\(w.fileLabel)</label><input id="file" name="file" type="file" accept="application/pdf,image/png,image/jpeg">
            \(error)
            <p><button>\(w.send)</button></p>
            </form>
            """ : ""
        var notices: [HTML] = []
        if visit.request.query["sent"] != nil { notices.append("<p class=\"notice ok\" role=\"status\">\(w.messageSent)</p>") }
        if visit.request.query["withdrawn"] != nil { notices.append("<p class=\"notice ok\" role=\"status\">\(w.messageWithdrawn)</p>") }
        // Reading the thread marked it read: the menu counts what is left.
        let unread = try database.read { try $0.unreadMessages(of: me) }
        return try frame(visit.with(unreadMessages: unread), title: view.thread.subject, status: status, """
            <main class="messages-page">
            <p><a href="/messages">\(w.allMessages)</a></p>
            <h1>\(view.thread.subject)</h1>
            <p class="muted">\(withWhom)</p>
            \(each: notices)
            \(MessageView.thread(view, me: me, offset: clock.utcOffsetMinutes, csrf: visit.csrfToken, w))
            \(answers)
            \(answerForm)
            </main>
            """)
    }

    func answer(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        do {
            let thread = try desk.answer(thread: try visit.request.pathParameters.int("thread"), body: form["body"] ?? "",
                                         attachments: try Self.files(visit.request), by: visit.editor)
            return .redirect(to: "/messages/\(thread)?sent=1")
        } catch let error as DeskError where error.field != nil {
            return try threadPage(visit, typed: Typed(values: form, error: error), status: 422)
        }
    }

    func searchPage(_ visit: Visit, text: String, hits: [MessageHit]?, error: DeskError? = nil, status: Int = 200) throws -> Response {
        let w = visit.words
        var results = HTML.empty
        if let hits {
            let items: [HTML] = hits.map { h in
                """
                <li class="message"><p class="from"><b>\(h.authorName)</b> <small class="muted">\(w.dateTime(SchoolDateTime(unixSeconds: h.at, offsetMinutes: clock.utcOffsetMinutes)))</small> · \
                <b>\(h.subject)</b></p><div class="text">\(MessageView.text(h.body))</div></li>
                """
            }
            results = hits.isEmpty ? "<p class=\"card\">\(w.nothingFound)</p>" : """
                <section class="card"><h2>\(w.foundCount(hits.count))</h2><ol class="messages">\(each: items)</ol></section>
                """
        }
        return try frame(visit, title: w.searchTitle, status: status, """
            <main class="messages-page">
            <p><a href="/messages">\(w.allMessages)</a></p>
            <h1>\(w.searchTitle)</h1>
            <p class="muted">\(w.searchHint)</p>
            <form method="post" action="/messages/search" class="card search"><input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <div><label for="q">\(w.messageSearchLabel)</label><input id="q" name="q" value="\(text)" minlength="3" required></div>
            <button>\(w.searchButton)</button>
            \(error.map { "<p class=\"form-error\" role=\"alert\">\($0.message(in: w))</p>" as HTML })
            </form>
            \(results)
            </main>
            """)
    }
}
