import Domain
import Storage

/// Announcements and events (issue 15), in the `school_event` table: the school's, posted by
/// the administration, and a class's, posted by its class teacher; with dates. Everyone reads
/// the school's; a class's are read by its people (its students and their guardians, its
/// teachers and class teacher) and the administration.
public struct EventsDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Posts an announcement or event; returns its id.
    public func post(classID: Int?, startsOn: CivilDate, endsOn: CivilDate?, title: String, details: String, by editor: Editor) throws -> Int {
        try editor.require(.postEvents, classID.map { .schoolClass($0) } ?? .school)
        let title = title.trimmingWhitespace, details = details.trimmingWhitespace, endsOn = endsOn ?? startsOn
        guard !title.isEmpty else { throw DeskError.invalid("Напишите заголовок.", field: "title") }
        guard title.count <= 200 else { throw DeskError.invalid("Заголовок длиннее 200 знаков.", field: "title") }
        guard details.count <= 2000 else { throw DeskError.invalid("Текст длиннее 2000 знаков.", field: "details") }
        guard endsOn >= startsOn else { throw DeskError.invalid("Дата окончания раньше даты начала.", field: "ends_on") }
        return try database.write { c in
            guard let year = try c.academicYear(containing: startsOn) else { throw DeskError.invalid("Дата — не в учебном году.", field: "starts_on") }
            if let classID { guard try c.schoolClass(classID) != nil else { throw DeskError.notFound("Такого класса нет.") } }
            let id = try c.insertEvent(year: year.id, classID: classID, startsOn: startsOn, endsOn: endsOn, title: title, details: details,
                                       author: editor.actor.personID, at: editor.at)
            try c.appendAudit(editor.entry(.eventCreate, entity: "school_event", id: id, new: "\(startsOn.iso)–\(endsOn.iso): «\(title)»", schoolClass: classID))
            return id
        }
    }

    /// The events `actor` reads from `from` to `to`.
    public func events(for actor: Actor, from: CivilDate, to: CivilDate) throws -> [SchoolEvent] {
        guard AccessPolicy.permits(actor, .viewEvents, .school) else { throw DeskError.forbidden }
        let classes: Set<Int>? = actor.readsEverything ? nil
            : actor.familyClasses.union(actor.classTeacherOf).union(actor.assignments.map(\.classID))
        return try database.read { try $0.events(from: from, to: to, classes: classes) }
    }

    /// The events of one class and the school's (a diary's week).
    public func events(classID: Int, from: CivilDate, to: CivilDate) throws -> [SchoolEvent] {
        try database.read { try $0.events(from: from, to: to, classes: [classID]) }
    }

    /// The school's own events only (the kiosk's idle screen, where nobody is signed in).
    public func schoolWide(from: CivilDate, to: CivilDate) throws -> [SchoolEvent] {
        try database.read { try $0.events(from: from, to: to, classes: []) }
    }
}
