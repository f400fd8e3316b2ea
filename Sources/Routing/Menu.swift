import Domain

extension Visit {
    /// The top menu of every signed-in page: the same sections on every page, each shown only
    /// when the policy lets the visitor open it.
    public var menu: [(label: String, href: String)] {
        guard let actor else { return [] }
        var links: [(label: String, href: String)] = [("Главная", "/")]
        if AccessPolicy.permits(actor, .teachLessons, .school) { links.append(("Мой день", "/day")) }
        if AccessPolicy.permits(actor, .listJournals, .school) { links.append(("Журналы", "/journal")) }
        if !actor.students.isEmpty, actor.channel == .web { links.append(("Дневник", "/diary")) }
        if AccessPolicy.permits(actor, .viewPeople, .school) { links.append(("Люди", "/people")) }
        return links
    }
}
