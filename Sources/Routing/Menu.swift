import Domain
import Words

extension Visit {
    /// The top menu of every signed-in page: the same sections on every page, each shown only
    /// when the policy lets the visitor open it.
    public var menu: [(label: String, href: String)] {
        guard let actor else { return [] }
        let w = words
        var links: [(label: String, href: String)] = [(w.menuHome, "/")]
        if AccessPolicy.permits(actor, .teachLessons, .school) { links.append((w.menuMyDay, "/day")) }
        if AccessPolicy.permits(actor, .listJournals, .school) { links.append((w.menuJournals, "/journal")) }
        if !actor.students.isEmpty, actor.channel == .web { links.append((w.menuDiary, "/diary")) }
        if actor.channel == .web, AccessPolicy.permits(actor, .readMessages, .school) {
            links.append((unreadMessages > 0 ? w.menuMessagesUnread(unreadMessages) : w.menuMessages, "/messages"))
        }
        if AccessPolicy.permits(actor, .viewPeople, .school) { links.append((w.menuPeople, "/people")) }
        if AccessPolicy.permits(actor, .viewStructure, .school) { links.append((w.menuSchool, "/school")) }
        return links
    }
}
