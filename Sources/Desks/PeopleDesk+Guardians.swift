import Domain
import Storage

/// Guardians' links to students: who may read a child's diary and whom the class teacher calls.
extension PeopleDesk {
    /// Links a guardian already known to Tabel — found by their login or their exact full name —
    /// to a student, with the relation («мать», «отец», «опекун»…).
    /// - Throws: `forbidden` (the student is not the editor's to change), `notFound`,
    ///   `invalid` (`guardian`: nobody or several found, a student, already linked).
    public func linkGuardian(student: Int, guardian text: String, relation: String, today: CivilDate, by editor: Editor) throws -> Int {
        try database.deskWrite { c in
            let yearID = try c.currentAcademicYear(on: today)?.id ?? -1
            try editor.require(.editPeople, try existing(c, person: student, year: yearID))
            let text = text.trimmingWhitespace.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let found = text.isEmpty ? [] : try c.peopleNamed(loginOrFullName: text)
            guard found.count == 1, let guardian = found.first else {
                throw DeskError.invalid(found.isEmpty ? "Такого человека в Табеле нет: проверьте логин или ФИО, или добавьте нового родителя."
                                                      : "Людей с таким ФИО несколько: укажите логин родителя.", field: "guardian")
            }
            guard guardian != student, try !c.isEnrolled(guardian, year: yearID) else {
                throw DeskError.invalid("Это обучающийся, а не родитель.", field: "guardian")
            }
            guard try c.guardianRelation(guardian: guardian, student: student) == nil else {
                throw DeskError.invalid("Этот родитель уже привязан к ребёнку.", field: "guardian")
            }
            try link(c, guardian: guardian, student: student, relation: Self.relation(relation), yearID: yearID, by: editor)
            return guardian
        }
    }

    /// Removes a guardian's link to a student: they no longer see the child's diary.
    /// - Throws: `forbidden`, `notFound` (no such link).
    public func unlinkGuardian(_ guardian: Int, student: Int, today: CivilDate, by editor: Editor) throws {
        try database.deskWrite { c in
            let yearID = try c.currentAcademicYear(on: today)?.id ?? -1
            try editor.require(.editPeople, try existing(c, person: student, year: yearID))
            guard try c.guardianRelation(guardian: guardian, student: student) != nil else { throw DeskError.notFound("Этот родитель не привязан к ребёнку.") }
            try unlink(c, guardian: guardian, student: student, yearID: yearID, by: editor)
        }
    }

    func link(_ c: Connection, guardian: Int, student: Int, relation: String, yearID: Int, by editor: Editor) throws {
        try c.insertGuardianLink(guardian: guardian, student: student, relation: relation)
        try c.appendAudit(editor.entry(.guardianLink, entity: "person", id: guardian, new: try c.personSummary(guardian, year: yearID)?.card.fullName,
                                       reason: relation, student: student, schoolClass: try c.enrolledClass(student: student, year: yearID)?.id))
    }

    func unlink(_ c: Connection, guardian: Int, student: Int, yearID: Int, by editor: Editor) throws {
        let relation = try c.guardianRelation(guardian: guardian, student: student) ?? ""
        try c.deleteGuardianLink(guardian: guardian, student: student)
        try c.appendAudit(editor.entry(.guardianUnlink, entity: "person", id: guardian, old: try c.personSummary(guardian, year: yearID)?.card.fullName,
                                       reason: relation, student: student, schoolClass: try c.enrolledClass(student: student, year: yearID)?.id))
    }
}
