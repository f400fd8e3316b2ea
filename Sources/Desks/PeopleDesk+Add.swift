import Domain
import Storage

/// What a form or `POST`/`PUT /api/v1/people` sends about a person. A field left nil was not
/// sent: adding needs the kind's fields, changing keeps what is not sent.
public struct PersonRequest: Sendable, Equatable {
    /// Adding only: whom.
    public var kind: PersonKind?
    public var card = CardFields()
    /// A student's class (this year's); changing it moves the student on `joinedOn` (default today).
    public var classID: Int?
    /// A student's day of enrolment («дата зачисления»): default today when adding.
    public var joinedOn: String?
    /// A member of staff's roles (`teacher`, `administrator`…); changing replaces them.
    public var roles: [String]?
    /// A guardian's children; changing replaces the links (each added or removed child is checked).
    public var students: [Int]?
    /// Who a guardian is to the children («мать», «отец», «опекун»…).
    public var relation: String?
    /// A consent recorded with the person (before their personal data, 152-ФЗ).
    public var consent: ConsentFields?
    /// A student's family refused electronic access (they get printouts instead).
    public var electronicAccessRefused: Bool?

    public init(kind: PersonKind? = nil, card: CardFields = CardFields(), classID: Int? = nil, joinedOn: String? = nil, roles: [String]? = nil,
                students: [Int]? = nil, relation: String? = nil, consent: ConsentFields? = nil, electronicAccessRefused: Bool? = nil) {
        self.kind = kind
        self.card = card
        self.classID = classID
        self.joinedOn = joinedOn
        self.roles = roles
        self.students = students
        self.relation = relation
        self.consent = consent
        self.electronicAccessRefused = electronicAccessRefused
    }
}

/// A person just added: the id, and the login of the account made for them (no slip yet:
/// the card and the class's slips page print one).
public struct AddedPerson: Sendable, Equatable {
    public let id: Int
    public let login: String
}

extension PeopleDesk {
    /// Adds a student into a class from a day of enrolment (default today), a guardian linked
    /// to students, or a member of staff with roles; with an account whose login is made the
    /// way slips make it (no password until a slip is printed). A consent sent along is recorded
    /// first; without one only the name (and the class) is kept.
    ///
    /// - Important: the class teacher adds students to their class and guardians to its students;
    ///   only the administrator adds staff (the policy's `editPeople`).
    /// - Throws: `forbidden`; `invalidFields` naming each bad field (nothing is saved).
    public func add(_ request: PersonRequest, today: CivilDate, by editor: Editor) throws -> AddedPerson {
        try database.deskWrite { c in
            guard let kind = request.kind else { throw DeskError.invalid("Укажите, кого добавить: student, guardian или staff.", field: "kind") }
            guard let year = try c.currentAcademicYear(on: today) else {
                throw DeskError.invalid("На сегодня не задан учебный год.", field: "class")
            }
            var problems: [String: String] = [:]
            var classID: Int?, students: [(id: Int, classID: Int?)] = [], roles: [Role] = []
            var joinedOn = today
            switch kind {
            case .student:
                guard let id = request.classID, try c.schoolClass(id)?.yearID == year.id else {
                    // Which classes exist is the policy's business first: a class teacher hears only of theirs.
                    try editor.require(.editPeople, request.classID.map { .schoolClass($0) } ?? Self.anyOwnClass(editor.actor))
                    throw DeskError.invalidFields(["class": "Выберите класс этого учебного года."])
                }
                try editor.require(.editPeople, .schoolClass(id))
                classID = id
                if let text = request.joinedOn?.trimmingWhitespace, !text.isEmpty {
                    if let date = CivilDate(typed: text), year.startsOn <= date, date <= year.endsOn { joinedOn = date } else {
                        problems["joinedOn"] = "Дата зачисления — в пределах учебного года (\(year.startsOn.russian)–\(year.endsOn.russian))."
                    }
                }
            case .guardian:
                let ids = Array(Set(request.students ?? [])).sorted()
                for id in ids {
                    try editor.require(.editPeople, try existing(c, person: id, year: year.id))
                    guard let enrolled = try c.enrolledClass(student: id, year: year.id) else {
                        problems["students"] = "№ \(id) — не обучающийся этого года."
                        continue
                    }
                    students.append((id, enrolled.id))
                }
                if ids.isEmpty {
                    try editor.require(.editPeople, Self.anyOwnClass(editor.actor))
                    problems["students"] = "Выберите ребёнка (хотя бы одного)."
                }
            case .staff:
                try editor.require(.editPeople, .school)
                roles = Self.roles(request.roles ?? [], problems: &problems)
            }
            // The consent first: it decides whether personal data may be kept.
            var consentOn: CivilDate?
            if let consent = request.consent, !(consent.givenOn.trimmingWhitespace.isEmpty && consent.document.trimmingWhitespace.isEmpty) {
                let checked = consent.validated(today: today)
                consentOn = checked.date
                problems.merge(checked.problems) { a, _ in a }
            }
            var fields = request.card
            fields.lastName = fields.lastName ?? ""
            fields.firstName = fields.firstName ?? ""
            let applied = fields.applied(to: PersonCard(lastName: "", firstName: ""), consent: consentOn != nil, today: today)
            problems.merge(applied.problems) { a, _ in a }
            let card = applied.card
            if problems["lastName"] == nil, problems["firstName"] == nil {
                switch kind {
                case .student:
                    if try c.namesakes(card, classID: classID!).contains(where: { $0 == card.birthDate }) {
                        problems["lastName"] = "В классе уже есть \(([card.fullName] + (card.birthDate.map { [$0.russian] } ?? [])).joined(separator: ", ")): это не тот же человек?"
                    }
                case .guardian:
                    if try students.contains(where: { try c.findGuardian(card, student: $0.id) != nil }) {
                        problems["lastName"] = "\(card.fullName) уже есть в Табеле: привяжите этого родителя на карточке ребёнка."
                    }
                case .staff:
                    if try c.findStaff(card) != nil { problems["lastName"] = "Сотрудник \(card.fullName) уже есть в Табеле." }
                }
            }
            guard problems.isEmpty else { throw DeskError.invalidFields(problems) }

            let id = try c.insertPerson(card, createdAt: editor.at)
            if let consentOn, let consent = request.consent {
                try c.insertConsent(person: id, givenOn: consentOn, document: consent.document.trimmingWhitespace,
                                    givenBy: consent.givenBy.trimmingWhitespace, recordedBy: editor.recorder, at: editor.at)
                try c.appendAudit(editor.entry(.consentRecord, entity: "person", id: id, new: "\(consentOn.iso) \(consent.document.trimmingWhitespace)"))
            }
            let login = try AccountsDesk(database: database).uniqueLogin(for: card, c)
            _ = try c.insertAccount(person: id, login: login, passwordHash: nil, mustChangePassword: true, at: editor.at)
            let className = try classID.flatMap { try c.className(id: $0) } ?? ""
            var what: [String]
            switch kind {
            case .student:
                try c.insertEnrolment(student: id, class: classID!, joinedOn: joinedOn)
                what = ["обучающийся, \(className), с \(joinedOn.russian)"]
                if request.electronicAccessRefused == true { try c.setElectronicAccessRefused(person: id, on: today) }
            case .guardian:
                let relation = Self.relation(request.relation)
                for s in students { try c.insertGuardianLink(guardian: id, student: s.id, relation: relation) }
                what = ["родитель"]
            case .staff:
                for role in roles { try c.insertStaffRole(person: id, role: role) }
                what = [roles.map(\.russian).joined(separator: ", ")]
            }
            try c.appendAudit(editor.entry(.personCreate, entity: "person", id: id, new: ([card.fullName] + what + ["логин \(login)"]).joined(separator: "; "),
                                           student: kind == .student ? id : nil, schoolClass: classID))
            if kind == .student {
                try c.appendAudit(editor.entry(.enrolmentJoin, entity: "enrolment", id: id, new: "\(className) с \(joinedOn.russian)", student: id, schoolClass: classID))
            }
            for s in students {
                try c.appendAudit(editor.entry(.guardianLink, entity: "person", id: id, new: card.fullName, reason: Self.relation(request.relation),
                                               student: s.id, schoolClass: s.classID))
            }
            if request.electronicAccessRefused == true, kind == .student {
                try c.appendAudit(editor.entry(.electronicAccessRefuse, entity: "person", id: id, student: id, schoolClass: classID))
            }
            return AddedPerson(id: id, login: login)
        }
    }

    /// Changes what the request sends of a person's card — name, gender, and (with a consent in
    /// force or recorded now) birth date, phone, email — a student's class or day of enrolment, the
    /// family's refusal of electronic access, a guardian's children, a member of staff's roles.
    /// - Throws: `forbidden`, `notFound`, `invalidFields` (nothing is saved).
    public func update(person id: Int, _ request: PersonRequest, today: CivilDate, by editor: Editor) throws {
        try database.deskWrite { c in
            let yearID = try c.currentAcademicYear(on: today)?.id ?? -1
            try editor.require(.editPeople, try existing(c, person: id, year: yearID))
            var problems: [String: String] = [:]
            var consentOn: CivilDate?
            if let consent = request.consent, !(consent.givenOn.trimmingWhitespace.isEmpty && consent.document.trimmingWhitespace.isEmpty) {
                try editor.require(.recordConsent, try existing(c, person: id, year: yearID))
                let checked = consent.validated(today: today)
                consentOn = checked.date
                problems.merge(checked.problems) { a, _ in a }
            }
            guard let old = try c.personSummary(id, year: yearID)?.card else { throw DeskError.notFound("Такого человека нет.") }
            let allowed = try consentOn != nil || c.consentState(person: id).allowsPersonalData
            let applied = request.card.applied(to: old, consent: allowed, today: today)
            problems.merge(applied.problems) { a, _ in a }

            // Roles, checked before anything is written.
            var roles: [Role]?
            if let sent = request.roles {
                try editor.require(.editPeople, .school)
                roles = Self.roles(sent, problems: &problems)
                if id == editor.actor.personID, editor.actor.roles.contains(.administrator), roles?.contains(.administrator) == false {
                    problems["roles"] = "Свою роль администратора снять нельзя: это сделает другой администратор."
                }
            }
            var enrolment: EnrolmentChange?
            if request.classID != nil || !(request.joinedOn ?? "").trimmingWhitespace.isEmpty {
                enrolment = try enrolmentChange(c, student: id, request, yearID: yearID, today: today, by: editor, problems: &problems)
            }
            var links: (add: [Int], remove: [Int]) = ([], [])
            if let sent = request.students {
                let wanted = Set(sent), current = Set(try c.linkedStudents(guardian: id))
                links = (wanted.subtracting(current).sorted(), current.subtracting(wanted).sorted())
                for student in links.add + links.remove {
                    try editor.require(.editPeople, try existing(c, person: student, year: yearID))
                    if student == id { problems["students"] = "Человек не может быть родителем самому себе." }
                }
                for student in links.add where try c.enrolledClass(student: student, year: yearID) == nil {
                    problems["students"] = "№ \(student) — не обучающийся этого года."
                }
            }
            if request.electronicAccessRefused != nil, try c.enrolments(student: id, year: yearID).isEmpty {
                problems["electronicAccessRefused"] = "Отказ от электронного доступа записывают обучающемуся."
            }
            guard problems.isEmpty else { throw DeskError.invalidFields(problems) }

            let studentClass = try c.enrolledClass(student: id, year: yearID)?.id
            if let consentOn, let consent = request.consent {
                try c.insertConsent(person: id, givenOn: consentOn, document: consent.document.trimmingWhitespace,
                                    givenBy: consent.givenBy.trimmingWhitespace, recordedBy: editor.recorder, at: editor.at)
                try c.appendAudit(editor.entry(.consentRecord, entity: "person", id: id, new: "\(consentOn.iso) \(consent.document.trimmingWhitespace)"))
            }
            let card = applied.card
            if card != old {
                try c.updatePerson(id, card)
                // The trail names what changed; personal data itself stays out of it (a withdrawn
                // consent could not take it back from an append-only trail).
                try c.appendAudit(editor.entry(.personChange, entity: "person", id: id,
                                               old: card.fullName != old.fullName ? old.fullName : nil, new: card.fullName,
                                               reason: "изменено: " + Self.changedFields(old, card).joined(separator: ", "),
                                               student: studentClass == nil ? nil : id, schoolClass: studentClass))
            }
            if let roles {
                let before = try c.staffRoles(person: id)
                if Set(before) != Set(roles) {
                    for role in before where !roles.contains(role) { try c.deleteStaffRole(person: id, role: role) }
                    for role in roles where !before.contains(role) { try c.insertStaffRole(person: id, role: role) }
                    try c.appendAudit(editor.entry(.personChange, entity: "person", id: id, old: before.map(\.russian).joined(separator: ", "),
                                                   new: roles.map(\.russian).joined(separator: ", "), reason: "должности"))
                }
            }
            if let enrolment { try apply(c, enrolment, student: id, by: editor) }
            for student in links.add {
                try link(c, guardian: id, student: student, relation: Self.relation(request.relation), yearID: yearID, by: editor)
            }
            for student in links.remove { try unlink(c, guardian: id, student: student, yearID: yearID, by: editor) }
            if let relation = request.relation.map(Self.relation), request.students == nil {
                // Who the guardian is to each child the editor may edit.
                for student in try c.linkedStudents(guardian: id) {
                    guard let old = try c.guardianRelation(guardian: id, student: student), old != relation,
                          AccessPolicy.permits(editor.actor, .editPeople, try existing(c, person: student, year: yearID)) else { continue }
                    try c.setGuardianRelation(guardian: id, student: student, relation)
                    try c.appendAudit(editor.entry(.personChange, entity: "person", id: id, old: old, new: relation, reason: "кем приходится",
                                                   student: student, schoolClass: try c.enrolledClass(student: student, year: yearID)?.id))
                }
            }
            if let refused = request.electronicAccessRefused {
                let was = try c.electronicAccessRefusedOn(person: id) != nil
                if refused != was {
                    try c.setElectronicAccessRefused(person: id, on: refused ? today : nil)
                    try c.appendAudit(editor.entry(refused ? .electronicAccessRefuse : .electronicAccessRestore, entity: "person", id: id,
                                                   student: id, schoolClass: studentClass))
                }
            }
        }
    }

    /// Staff roles by their codes; a problem for an unknown one or none.
    static func roles(_ codes: [String], problems: inout [String: String]) -> [Role] {
        var roles: [Role] = []
        for code in codes {
            guard let role = Role(rawValue: code.trimmingWhitespace), role.isStaff else {
                problems["roles"] = "Должности: administrator, director, deputy, teacher, psychologist, secretary; «\(code)» — нет такой."
                continue
            }
            if !roles.contains(role) { roles.append(role) }
        }
        if codes.isEmpty { problems["roles"] = "Отметьте хотя бы одну должность." }
        return roles
    }

    /// What to ask the policy before the class is known — may this actor add people at all:
    /// a class teacher about their own class, anyone else about the school (the administrator).
    public static func anyOwnClass(_ actor: Actor) -> Resource {
        actor.classTeacherOf.sorted().first.map { .schoolClass($0) } ?? .school
    }

    static func relation(_ text: String?) -> String { String((text ?? "").trimmingWhitespace.prefix(60)) }

    /// The fields of the card that differ, in words (for the audit row; no values).
    static func changedFields(_ a: PersonCard, _ b: PersonCard) -> [String] {
        [(a.lastName != b.lastName, "фамилия"), (a.firstName != b.firstName, "имя"), (a.middleName != b.middleName, "отчество"),
         (a.gender != b.gender, "пол"), (a.birthDate != b.birthDate, "дата рождения"), (a.phone != b.phone, "телефон"),
         (a.email != b.email, "email")].filter(\.0).map(\.1)
    }
}

extension Editor {
    /// The person recorded as having entered something (nobody for the console).
    var recorder: Int? { actor.accountID == 0 ? nil : actor.personID }
}
