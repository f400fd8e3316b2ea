import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// A family's notifications (issue 15): `/notifications` lists them with the form choosing which
/// kinds to receive; the diary's week shows the unread ones of its student; the kiosk shows them
/// read-only. `GET /api/v1/notifications` gives them as JSON.
public struct NotificationPages: Sendable {
    let database: Database
    let clock: SchoolClock
    var desk: NotificationsDesk { NotificationsDesk(database: database) }

    public init(database: Database, clock: SchoolClock) {
        self.database = database
        self.clock = clock
    }

    public var routes: [AppRoute] {
        [
            AppRoute(.get, "/notifications", .school(.viewNotifications)) { visit in try page(visit) },
            AppRoute(.post, "/notifications/read", .school(.viewNotifications)) { visit in
                try desk.markRead(by: visit.editor)
                return .redirect(to: "/notifications")
            },
            AppRoute(.post, "/notifications/settings", .school(.viewNotifications)) { visit in
                try desk.choose(Set(try visit.request.form().all("choice")), by: visit.editor)
                return .redirect(to: "/notifications?saved=1")
            },
            AppRoute(.get, "/api/v1/notifications", .school(.viewNotifications)) { visit in
                let list = try desk.notifications(for: visit.actor!)
                var json = JSONBytes(capacity: 128 + list.count * 160)
                json.object { j in
                    j.key("notifications")
                    j.array(list) { j, n in
                        j.object { j in
                            j.field("kind", n.kind.rawValue)
                            j.field("student", n.student)
                            j.field("at", SchoolDateTime(unixSeconds: n.at, offsetMinutes: clock.utcOffsetMinutes).description)
                            j.field("text", n.text)
                            j.field("read", n.read)
                        }
                    }
                }
                return JSONBody.response(json)
            },
        ]
    }

    /// Notifications as a list, newest first; unread ones stand out.
    public static func list(_ list: [NotificationRecord], offset: Int, _ w: Words) -> HTML {
        guard !list.isEmpty else { return "<p class=\"muted\">\(w.noNotifications)</p>" }
        let items: [HTML] = list.map { n in
            """
            <li class="\(n.read ? "" : "unread")"><span class="when">\(w.dateTime(SchoolDateTime(unixSeconds: n.at, offsetMinutes: offset)))</span> \(n.text)</li>
            """
        }
        return "<ul class=\"notifications\">\(each: items)</ul>"
    }

    func page(_ visit: Visit) throws -> Response {
        let w = visit.words, actor = visit.actor!
        let list = try desk.notifications(for: actor)
        let choices = try desk.choices(for: actor)
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(actor.personID, year: -1)) }
        let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">"
        let boxes: [HTML] = NotificationsDesk.choices.map { choice in
            "<label class=\"check\"><input type=\"checkbox\" name=\"choice\" value=\"\(choice)\"\(choices[choice] == true ? " checked" : "")> \(w.notificationKind(choice))</label>"
        }
        let unread = list.contains { !$0.read }
        return Layout.response(Layout.page(title: w.notificationsTitle, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(label: w.menuHome, href: "/")], """
            <main class="notifications-page">
            <h1>\(w.notificationsTitle)</h1>
            \(visit.request.query["saved"] != nil ? "<p class=\"notice ok\" role=\"status\">\(w.choiceSaved)</p>" as HTML : "")
            <section class="card">\(Self.list(list, offset: clock.utcOffsetMinutes, w))
            \(unread ? "<form method=\"post\" action=\"/notifications/read\">\(csrf)<button class=\"secondary\">\(w.markAllRead)</button></form>" as HTML : "")
            </section>
            <form method="post" action="/notifications/settings" class="card">\(csrf)
            <h2>\(w.notificationSettings)</h2>
            <p class="muted">\(w.notificationSettingsHint)</p>
            \(each: boxes)
            <p><button>\(w.saveChoice)</button></p>
            </form>
            </main>
            """))
    }
}
