import Domain
import Storage

/// Study groups: a class's subject split into groups («1 группа», «2 группа» for English), or
/// a group across classes; which students are in which group, and who teaches each (its
/// teaching assignment). The administrator for every class and the cross-class groups, a
/// class teacher for their own class.
///
/// A student is in at most one group of a subject: putting them in one takes them out of the
/// others. A group's journal lists its members; its lessons carry its id (from the timetable's
/// group entries, which `split` writes when the editor also manages the timetable).
public struct GroupsDesk: Sendable {
    let database: Database
    public let utcOffsetMinutes: Int

    public init(database: Database, utcOffsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes) {
        self.database = database
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// One group of a split: its name, teacher, room and students.
    public struct SplitGroup: Sendable, Equatable {
        public var name: String
        public var teacher: Int
        /// The room's name for its lessons ("" keeps the class's room for the first group, none for the others).
        public var room: String
        public var students: [Int]

        public init(name: String, teacher: Int, room: String = "", students: [Int]) {
            self.name = name
            self.teacher = teacher
            self.room = room
            self.students = students
        }
    }

    /// What a split did: the new groups and, when the timetable was split too, the re-plan.
    public struct SplitOutcome: Sendable, Equatable {
        public let groups: [Int]
        public let sync: LessonSync?
    }

    /// A new group of a class's subject, or with `classID` nil a cross-class group of the
    /// students given (the administrator's). Students already in another group of the subject
    /// move into it. Returns its id.
    public func create(classID: Int?, subjectID: Int, name: String, teacher: Int?, students: [Int], by editor: Editor) throws -> Int {
        try database.deskWrite { c in
            try editor.require(.manageGroups, classID.map { Resource.schoolClass($0) } ?? .school)
            let year = try self.year(c, classID: classID, editor)
            guard let subject = try c.subjectName(subjectID) else { throw DeskError.invalid("Выберите предмет из списка.", field: "subject") }
            let name = try Self.checkName(c, name, classID: classID, year: year.id, except: nil)
            let teacherName = try teacher.map { try Self.teacherName(c, $0) }
            let students = students.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
            let classes = try Self.checkStudents(c, students, classID: classID, year: year.id)
            let id = try c.insertGroup(year: year.id, class: classID, subject: subjectID, name: name)
            let moved = try Self.put(c, students, into: id, subject: subjectID, year: year.id)
            try c.setGroupTeacher(group: id, year: year.id, subject: subjectID, teacher: teacher, classes: classID.map { [$0] } ?? Set(classes.values))
            try c.appendAudit(editor.entry(.groupCreate, entity: "study_group", id: id,
                                           new: "«\(name)», \(subject), учитель: \(teacherName ?? "не назначен"), учеников: \(students.count)"
                                               + (moved.isEmpty ? "" : ", из них переведены из других групп: \(moved.count)"),
                                           schoolClass: classID))
            return id
        }
    }

    /// Renames a group, gives it another teacher (`.some(nil)`: none), or sets its students
    /// (those added leave their other group of the subject); nil leaves that part as it is.
    public func update(_ id: Int, name: String? = nil, teacher: Int?? = nil, students: [Int]? = nil, by editor: Editor) throws {
        try database.deskWrite { c in
            let group = try editable(c, id, editor)
            if let name {
                let name = try Self.checkName(c, name, classID: group.classID, year: group.yearID, except: id)
                if name != group.name {
                    try c.renameGroup(id, to: name)
                    try c.appendAudit(editor.entry(.groupChange, entity: "study_group", id: id, old: "«\(group.name)»", new: "«\(name)»", schoolClass: group.classID))
                }
            }
            if let students { try setMembers(c, group, students, editor) }
            if let teacher { try setTeacher(c, group, teacher, editor) }
        }
    }

    /// Puts a student into a group (and out of the other groups of its subject).
    public func addStudent(_ student: Int, to id: Int, by editor: Editor) throws {
        try database.deskWrite { c in
            let group = try editable(c, id, editor)
            guard !group.members.contains(where: { $0.id == student }) else { return }
            try setMembers(c, group, group.members.map(\.id) + [student], editor)
        }
    }

    public func removeStudent(_ student: Int, from id: Int, by editor: Editor) throws {
        try database.deskWrite { c in
            let group = try editable(c, id, editor)
            guard group.members.contains(where: { $0.id == student }) else { throw DeskError.notFound("Этого ученика нет в группе «\(group.name)».") }
            try setMembers(c, group, group.members.map(\.id).filter { $0 != student }, editor)
        }
    }

    /// The class page's table: each student given goes into the group chosen for them (one of
    /// the class's groups of the subject), out of the others.
    public func assign(classID: Int, subjectID: Int, groups chosen: [Int: Int], by editor: Editor) throws {
        try database.deskWrite { c in
            try editor.require(.manageGroups, .schoolClass(classID))
            let groups = try c.studyGroups(classID: classID).filter { $0.subjectID == subjectID && $0.classID == classID }
            let inClass = Set(try c.students(classID: classID))
            for (student, groupID) in chosen.sorted(by: { $0.key < $1.key }) {
                guard inClass.contains(student) else { throw DeskError.invalid("Ученик не из этого класса.", field: "students") }
                guard let group = groups.first(where: { $0.id == groupID }) else { throw DeskError.invalid("Выберите группу этого класса.", field: "group") }
                guard !group.members.contains(where: { $0.id == student }) else { continue }
                let from = groups.first { $0.members.contains { $0.id == student } }
                _ = try Self.put(c, [student], into: groupID, subject: subjectID, year: group.yearID)
                try c.appendAudit(editor.entry(.groupMembers, entity: "study_group", id: groupID, old: from.map { "«\($0.name)»" } ?? "без группы",
                                               new: "«\(group.name)»", student: student, schoolClass: classID))
            }
        }
    }

    /// Splits a class's subject into groups: each student of the class into exactly one, each
    /// group with its teacher. With `from` (the editor must also manage the timetable) the
    /// class's entries of the subject become one entry per group at the same bell from that
    /// date — each group's teacher and room, clashes refused — and the lessons follow.
    public func split(classID: Int, subjectID: Int, groups: [SplitGroup], from: CivilDate?, by editor: Editor) throws -> SplitOutcome {
        try database.deskWrite { c in
            try editor.require(.manageGroups, .schoolClass(classID))
            if from != nil { try editor.require(.manageTimetable, .school) }
            let timetable = TimetableDesk(database: database, utcOffsetMinutes: utcOffsetMinutes)
            let (schoolClass, year) = try timetable.classAndYear(c, classID)
            guard let subject = try c.subjectName(subjectID) else { throw DeskError.invalid("Выберите предмет из списка.", field: "subject") }
            guard try !c.studyGroups(classID: classID).contains(where: { $0.subjectID == subjectID && $0.classID == classID }) else {
                throw DeskError.invalid("«\(subject)» в классе \(schoolClass.name) уже идёт по группам: переводите учеников между ними.", field: "subject")
            }
            guard groups.count >= 2 else { throw DeskError.invalid("Групп — хотя бы две.", field: "groups") }
            var names = Set<String>()
            for g in groups {
                let name = try Self.checkName(c, g.name, classID: classID, year: year.id, except: nil)
                guard names.insert(name).inserted else { throw DeskError.invalid("У групп разные названия.", field: "name") }
                _ = try Self.teacherName(c, g.teacher)
            }
            let inClass = try c.students(classID: classID)
            let placed = groups.flatMap(\.students)
            guard Set(placed).count == placed.count else { throw DeskError.invalid("Каждый ученик — в одной группе.", field: "students") }
            let left = Set(inClass).subtracting(placed)
            guard left.isEmpty else {
                let names = try c.journalStudents(classID: classID, groupID: nil, from: year.startsOn, to: year.endsOn).filter { left.contains($0.id) }.map(\.name)
                throw DeskError.invalid("Распределите по группам всех учеников класса; без группы: \(names.joined(separator: ", ")).", field: "students")
            }
            _ = try Self.checkStudents(c, placed, classID: classID, year: year.id)

            var ids: [Int] = []
            for g in groups {
                let id = try c.insertGroup(year: year.id, class: classID, subject: subjectID, name: g.name.trimmingWhitespace)
                _ = try Self.put(c, g.students, into: id, subject: subjectID, year: year.id)
                try c.setGroupTeacher(group: id, year: year.id, subject: subjectID, teacher: g.teacher, classes: [classID])
                try c.appendAudit(editor.entry(.groupCreate, entity: "study_group", id: id,
                                               new: "«\(g.name.trimmingWhitespace)», \(subject), учитель: \(try Self.teacherName(c, g.teacher)), учеников: \(g.students.count)",
                                               schoolClass: classID))
                ids.append(id)
            }
            var sync: LessonSync?
            if let from {
                try timetable.checkStart(from, year: year, editor)
                var withdrawn: Set<Int> = []
                for entry in try c.timetableEntries(classID: classID, subjectID: subjectID, from: from) where entry.groupID == nil {
                    let starts = max(from, entry.validFrom)
                    var labels: [String] = []
                    for (i, (g, id)) in zip(groups, ids).enumerated() {
                        let room = g.room.trimmingWhitespace.isEmpty && i == 0 ? entry.roomName ?? "" : g.room
                        let draft = EntryDraft(subject: subjectID, teacher: g.teacher, room: room, group: id, weekday: entry.weekday, bell: entry.bell)
                        let resolved = try TimetableDesk.resolve(c, schoolClass, draft)
                        try TimetableDesk.checkClashes(c, resolved, year: year.id, dates: starts...entry.validTo, except: [entry.id])
                        _ = try c.insertTimetableEntry(year: year.id, class: classID, group: id, subject: subjectID, teacher: g.teacher, room: resolved.room?.id,
                                                       weekday: entry.weekday, bell: entry.bell, validFrom: starts, validTo: entry.validTo)
                        labels.append(resolved.label)
                    }
                    if from > entry.validFrom { try c.closeTimetableEntry(entry.id, on: from.adding(days: -1)) } else { withdrawn.insert(entry.id) }
                    try c.appendAudit(editor.entry(.timetableEntryChange, entity: "timetable_entry", id: entry.id, old: TimetableDesk.label(entry),
                                                   new: labels.joined(separator: "; ") + " — с \(starts.russian)", reason: "деление на группы", schoolClass: classID))
                }
                sync = try LessonPlan.replan(c, year: year.id, from: from, classes: [classID], withdrawing: withdrawn,
                                             reason: "деление на группы с \(from.russian)", by: editor)
            }
            try c.appendAudit(editor.entry(.groupSplit, entity: "study_group", id: ids.first,
                                           new: "\(subject): " + groups.map { "«\($0.name.trimmingWhitespace)» (\($0.students.count))" }.joined(separator: ", ")
                                               + (from.map { ", расписание с \($0.russian)" } ?? ""),
                                           schoolClass: classID))
            return SplitOutcome(groups: ids, sync: sync)
        }
    }

    // MARK: Rules

    /// The group, if the editor may change it: its class's, or the school's for a cross-class group.
    func editable(_ c: Connection, _ id: Int, _ editor: Editor) throws -> StudyGroup {
        guard let group = try c.studyGroup(id) else { throw DeskError.notFound("Такой группы нет.") }
        try editor.require(.manageGroups, group.classID.map { Resource.schoolClass($0) } ?? .school)
        return group
    }

    func year(_ c: Connection, classID: Int?, _ editor: Editor) throws -> AcademicYear {
        if let classID {
            guard let schoolClass = try c.schoolClass(classID), let year = try c.academicYear(id: schoolClass.yearID) else { throw DeskError.notFound("Нет такого класса.") }
            return year
        }
        let today = SchoolDateTime(unixSeconds: editor.at, offsetMinutes: utcOffsetMinutes).date
        guard let year = try c.currentAcademicYear(on: today) else { throw DeskError.notFound("На сегодня не задан учебный год.") }
        return year
    }

    /// Sets a group's students: those who leave it, and those who come (out of their other group of the subject).
    func setMembers(_ c: Connection, _ group: StudyGroup, _ students: [Int], _ editor: Editor) throws {
        let classes = try Self.checkStudents(c, students, classID: group.classID, year: group.yearID)
        let before = Set(group.members.map(\.id)), after = Set(students)
        guard before != after else { return }
        for gone in before.subtracting(after) { try c.removeGroupMember(group: group.id, student: gone) }
        let came = after.subtracting(before).sorted()
        if let subject = group.subjectID {
            _ = try Self.put(c, came, into: group.id, subject: subject, year: group.yearID)
        } else {
            for s in came { try c.addGroupMember(group: group.id, student: s) }
        }
        // A cross-class group is taught in each class of its students.
        if group.classID == nil, let subject = group.subjectID {
            try c.setGroupTeacher(group: group.id, year: group.yearID, subject: subject, teacher: group.teacherIDs.first, classes: Set(classes.values))
        }
        let names = try c.studyGroup(group.id)?.members ?? []
        let gone = group.members.filter { !after.contains($0.id) }.map(\.name), added = names.filter { came.contains($0.id) }.map(\.name)
        try c.appendAudit(editor.entry(.groupMembers, entity: "study_group", id: group.id, old: "учеников: \(before.count)",
                                       new: "учеников: \(after.count)" + (added.isEmpty ? "" : "; добавлены: " + added.joined(separator: ", "))
                                           + (gone.isEmpty ? "" : "; выбыли: " + gone.joined(separator: ", ")),
                                       student: before.symmetricDifference(after).count == 1 ? before.symmetricDifference(after).first : nil,
                                       schoolClass: group.classID))
    }

    /// The group's teacher (its teaching assignment). Who gives its lessons is the timetable's
    /// business: a teacher the timetable still has giving them keeps the assignment meanwhile.
    func setTeacher(_ c: Connection, _ group: StudyGroup, _ teacher: Int?, _ editor: Editor) throws {
        guard let subject = group.subjectID else { throw DeskError.invalid("У группы не указан предмет.", field: "subject") }
        guard group.teacherIDs.first != teacher || (teacher == nil && !group.teacherIDs.isEmpty) else { return }
        let name = try teacher.map { try Self.teacherName(c, $0) }
        let classes = group.classID.map { Set([$0]) } ?? Set(group.members.compactMap(\.classID))
        try c.setGroupTeacher(group: group.id, year: group.yearID, subject: subject, teacher: teacher, classes: classes,
                              keeping: SchoolDateTime(unixSeconds: editor.at, offsetMinutes: utcOffsetMinutes).date)
        try c.appendAudit(editor.entry(.groupChange, entity: "study_group", id: group.id,
                                       old: "учитель: " + (group.teacherNames.isEmpty ? "не назначен" : group.teacherNames.joined(separator: ", ")),
                                       new: "учитель: \(name ?? "не назначен")", schoolClass: group.classID))
    }

    /// Puts students into a group, taking them out of the other groups of the subject; returns
    /// those who left another group.
    static func put(_ c: Connection, _ students: [Int], into group: Int, subject: Int, year: Int) throws -> [Int] {
        var moved: [Int] = []
        for s in students {
            let others = try c.studentGroups(s, subject: subject, year: year).filter { $0 != group }
            for other in others { try c.removeGroupMember(group: other, student: s) }
            if !others.isEmpty { moved.append(s) }
            try c.addGroupMember(group: group, student: s)
        }
        return moved
    }

    /// A group's name: 1 to 60 characters, not the name of another group of the class (or of
    /// another cross-class group). Returns it trimmed.
    static func checkName(_ c: Connection, _ text: String, classID: Int?, year: Int, except: Int?) throws -> String {
        let name = text.trimmingWhitespace
        guard (1...60).contains(name.count) else { throw DeskError.invalid("Название группы — от 1 до 60 знаков.", field: "name") }
        if let other = try c.studyGroupNamed(name, classID: classID, year: year), other != except {
            throw DeskError.invalid(classID == nil ? "Межклассная группа «\(name)» уже есть." : "В классе уже есть группа «\(name)».", field: "name")
        }
        return name
    }

    static func teacherName(_ c: Connection, _ teacher: Int) throws -> String {
        guard try c.teacherList().contains(where: { $0.id == teacher }), let name = try c.teacherShortName(teacher) else {
            throw DeskError.invalid("Выберите учителя из списка.", field: "teacher")
        }
        return name
    }

    /// Each student must be in the class (a cross-class group: in some class of the year); returns each one's class.
    static func checkStudents(_ c: Connection, _ students: [Int], classID: Int?, year: Int) throws -> [Int: Int] {
        let inClass = try classID.map { Set(try c.students(classID: $0)) }
        var classes: [Int: Int] = [:]
        for s in students {
            if let classID {
                guard inClass?.contains(s) == true else { throw DeskError.invalid("Ученик № \(s) не из этого класса.", field: "students") }
                classes[s] = classID
            } else {
                guard let k = try c.enrolledClass(student: s, year: year) else { throw DeskError.invalid("Ученик № \(s) не учится в этом году.", field: "students") }
                classes[s] = k.id
            }
        }
        return classes
    }
}
