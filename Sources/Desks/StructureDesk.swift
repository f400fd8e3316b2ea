import Domain
import Storage
import Words

/// The school's structure, the administrator's (DOMAIN.md, "The school year"): the year's
/// periods and holidays, bell schedules, rooms, subjects, classes and teaching assignments.
/// Every change is checked by the policy and `StructureRules`, written with its audit row in
/// one transaction; a change to the dates lessons fall on re-plans the year's lessons in it.
///
/// Values come as typed in a form; what is wrong comes back by field (`invalidFields`), in
/// the editor's language. Something that others refer to is not deleted (`invalid`, field `delete`).
public struct StructureDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// What re-planning the lessons after a change did.
    public struct Replan: Sendable, Equatable {
        /// Lessons added where the plan now has school days.
        public var created = 0
        /// Lessons with nothing entered removed from days the plan no longer has.
        public var removed = 0
        /// Lessons with entries that stay although outside the plan (the pages list them).
        public var outside = 0

        public init(created: Int = 0, removed: Int = 0, outside: Int = 0) {
            self.created = created
            self.removed = removed
            self.outside = outside
        }
    }

    // MARK: Shared steps

    /// Asks the policy, then runs `body` in one transaction.
    func write<T>(_ editor: Editor, _ body: (Connection) throws -> T) throws -> T {
        try editor.require(.manageStructure, .school)
        return try database.deskWrite(body)
    }

    func year(_ c: Connection, _ id: Int, _ editor: Editor) throws -> AcademicYear {
        guard let year = try c.academicYear(id: id) else { throw DeskError.notFound(editor.words.structureNotFound) }
        try c.requireOpen(year: year.id)
        return year
    }

    /// Throws `invalid` (field `delete`) naming what refers to the thing.
    func unused(_ references: [StructureReference: Int], _ editor: Editor) throws {
        guard references.isEmpty else { throw DeskError.invalid(editor.words.problem(.inUse(references)), field: "delete") }
    }

    /// Brings the year's lessons from `from` on in line with the plan (`LessonPlan.replan`:
    /// lessons with nothing entered that fall on a holiday of their grade or in no period of
    /// their class's scheme go, the missing ones are created, each change audited).
    func replan(_ c: Connection, year: Int, from: CivilDate, by editor: Editor) throws -> Replan {
        let sync = try LessonPlan.replan(c, year: year, from: from, reason: Words.russian.structureReplanReason, by: editor)
        return Replan(created: sync.created, removed: sync.removed.count, outside: try c.lessonsOutsidePlan(year: year).count)
    }

    func auditReplan(_ r: Replan) -> String { Words.russian.auditReplan(created: r.created, removed: r.removed, outside: r.outside) }

    func auditAssignment(_ a: AssignmentListing) -> String {
        Words.russian.auditAssignment(teacher: a.teacher, subject: a.subject, className: a.className, group: a.group, hours: RussianNumber.weight(a.hours))
    }

    /// Problems of a form by field, gathered as its values are read.
    struct Fields {
        var problems: [String: StructureProblem] = [:]

        /// The value, or nil with the problem recorded (the first one a field has).
        mutating func take<T>(_ field: String, _ result: Result<T, StructureProblem>) -> T? {
            switch result {
            case let .success(value): return value
            case let .failure(problem):
                if problems[field] == nil { problems[field] = problem }
                return nil
            }
        }

        mutating func add(_ more: [String: StructureProblem]) {
            problems.merge(more) { first, _ in first }
        }

        func check(_ editor: Editor) throws {
            guard problems.isEmpty else { throw DeskError.invalidFields(problems.mapValues { editor.words.problem($0) }) }
        }
    }
}
