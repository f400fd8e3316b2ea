import Domain
import Storage
import Words

/// Subjects with their scales, the year's classes and teaching assignments.
extension StructureDesk {
    // MARK: Subjects

    /// A subject as typed: name, short name (for narrow columns) and scale (`marks`, `passfail`, `none`).
    public struct SubjectForm: Sendable {
        public var name, shortName, scale: String

        public init(name: String, shortName: String, scale: String) {
            (self.name, self.shortName, self.scale) = (name, shortName, scale)
        }
    }

    public func addSubject(_ form: SubjectForm, by editor: Editor) throws -> Int {
        try write(editor) { c in
            let s = try subject(c, form, id: nil, editor)
            let id = try c.insertSubject(name: s.name, shortName: s.shortName, scale: s.scale)
            try c.appendAudit(editor.entry(.structureSubject, entity: "subject", id: id, new: Words.russian.auditSubject(s)))
            return id
        }
    }

    /// Renames a subject or changes its scale; the scale stays while this year's journal has
    /// marks on it (`year`: the year the page shows).
    public func changeSubject(_ id: Int, _ form: SubjectForm, year: Int, by editor: Editor) throws {
        try write(editor) { c in
            guard let old = try c.subjects().first(where: { $0.id == id }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            let s = try subject(c, form, id: id, editor)
            guard s != old else { return }
            if s.scale != old.scale {
                let marks = try c.subjectMarkKinds(subject: id, year: year)
                if (old.scale == .marks && marks.values > 0) || (old.scale == .passFail && marks.passFail > 0) {
                    throw DeskError.invalidFields(["scale": editor.words.problem(.scaleInUse)])
                }
            }
            try c.updateSubject(id, name: s.name, shortName: s.shortName, scale: s.scale)
            try c.appendAudit(editor.entry(.structureSubject, entity: "subject", id: id, old: Words.russian.auditSubject(old), new: Words.russian.auditSubject(s)))
        }
    }

    /// Deletes a subject nothing is taught, planned or marked in.
    public func deleteSubject(_ id: Int, by editor: Editor) throws {
        try write(editor) { c in
            guard let old = try c.subjects().first(where: { $0.id == id }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try unused(try c.references(subject: id), editor)
            try c.deleteSubject(id)
            try c.appendAudit(editor.entry(.structureSubject, entity: "subject", id: id, old: Words.russian.auditSubject(old)))
        }
    }

    func subject(_ c: Connection, _ form: SubjectForm, id: Int?, _ editor: Editor) throws -> Subject {
        var f = Fields()
        let name = f.take("name", StructureRules.name(form.name, max: 80))
        let short = f.take("short_name", StructureRules.name(form.shortName, max: 20))
        let scale = f.take("scale", SubjectScale(rawValue: form.scale).map { .success($0) } ?? .failure(.unknownChoice))
        if let name, try c.subjects().contains(where: { $0.name == name && $0.id != id }) { f.problems["name"] = .nameTaken(name) }
        try f.check(editor)
        return Subject(id: id ?? 0, name: name!, shortName: short!, scale: scale!)
    }

    // MARK: Classes

    /// A class as typed: grade, letter, name (empty: grade and letter), class teacher (a
    /// person's id, empty for none), bell schedule, period scheme (empty: the grade's usual) and
    /// whether it gets marks.
    public struct ClassForm: Sendable {
        public var grade, letter, name, classTeacher, bellSchedule, scheme: String
        public var marks: Bool

        public init(grade: String, letter: String, name: String, classTeacher: String, bellSchedule: String, scheme: String, marks: Bool) {
            (self.grade, self.letter, self.name, self.classTeacher, self.bellSchedule, self.scheme, self.marks) =
                (grade, letter, name, classTeacher, bellSchedule, scheme, marks)
        }
    }

    public func addClass(year yearID: Int, _ form: ClassForm, by editor: Editor) throws -> Int {
        try write(editor) { c in
            _ = try year(c, yearID, editor)
            let p = try profile(c, form, year: yearID, old: nil, editor)
            let id = try c.addClass(year: yearID, p)
            try c.appendAudit(editor.entry(.structureClass, entity: "school_class", id: id, new: try auditClass(c, p), schoolClass: id))
            return id
        }
    }

    /// Changes a class. A new period scheme or grade (holidays may be a grade's) re-plans the
    /// lessons (nil: nothing was re-planned); the scheme stays once period marks of the old one
    /// are set. A new bell schedule must have every bell the class's timetable uses.
    public func changeClass(_ id: Int, _ form: ClassForm, by editor: Editor) throws -> Replan? {
        try write(editor) { c in
            guard let (old, yearID) = try c.classProfile(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.requireOpen(year: yearID)
            let p = try profile(c, form, year: yearID, old: old, editor)
            guard p != old else { return nil }
            try c.updateClass(p)
            let replan = p.scheme == old.scheme && p.grade == old.grade ? nil : try self.replan(c, year: yearID, from: try self.year(c, yearID, editor).startsOn, by: editor)
            try c.appendAudit(editor.entry(.structureClass, entity: "school_class", id: id, old: try auditClass(c, old), new: try auditClass(c, p),
                                           reason: replan.map(auditReplan) ?? "", schoolClass: id))
            return replan
        }
    }

    /// Deletes a class with no students, lessons, timetable, assignments, groups or plan.
    public func deleteClass(_ id: Int, by editor: Editor) throws {
        try write(editor) { c in
            guard let (old, yearID) = try c.classProfile(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.requireOpen(year: yearID)
            try unused(try c.references(class: id), editor)
            let text = try auditClass(c, old)
            try c.deleteClass(id)
            try c.appendAudit(editor.entry(.structureClass, entity: "school_class", id: id, old: text))
        }
    }

    func profile(_ c: Connection, _ form: ClassForm, year: Int, old: ClassProfile?, _ editor: Editor) throws -> ClassProfile {
        var f = Fields()
        let grade = f.take("grade", StructureRules.number(form.grade, in: 1...11))
        let letter = form.letter.trimmingWhitespace.uppercased()
        if letter.count != 1 || !ClassName.letters.contains(letter.first!) { f.problems["letter"] = .letter }
        let typedName = form.name.trimmingWhitespace
        let name = typedName.isEmpty ? grade.map { "\($0)\(letter)" } : f.take("name", StructureRules.name(typedName, max: 20))
        if let name, try c.classProfiles(year: year).contains(where: { $0.name == name && $0.id != old?.id }) { f.problems["name"] = .nameTaken(name) }
        var teacher: Int?
        if !form.classTeacher.isEmpty {
            teacher = try c.teacherList().first { String($0.id) == form.classTeacher }?.id
            if teacher == nil { f.problems["class_teacher"] = .unknownChoice }
        }
        let schedules = try c.bellSchedules()
        let schedule = schedules.first { String($0.id) == form.bellSchedule }
        if schedule == nil { f.problems["bell_schedule"] = .unknownChoice }
        let scheme = form.scheme.isEmpty ? grade.map(PeriodScheme.standard(forGrade:)) : f.take("scheme", PeriodScheme(rawValue: form.scheme).map { .success($0) } ?? .failure(.unknownChoice))
        if let old, let scheme, scheme != old.scheme, try c.periodMarksSet(class: old.id, scheme: old.scheme) { f.problems["scheme"] = .periodMarksSet }
        if let old, let schedule, schedule.id != old.bellScheduleID {
            let missing = try c.timetableBells(class: old.id).filter { n in !schedule.bells.contains { $0.number == n } }
            if !missing.isEmpty { f.problems["bell_schedule"] = .missingBells(missing) }
        }
        try f.check(editor)
        return ClassProfile(id: old?.id ?? 0, grade: grade!, letter: letter, name: name!, classTeacherID: teacher, bellScheduleID: schedule!.id,
                            scheme: scheme!, marksEnabled: form.marks)
    }

    func auditClass(_ c: Connection, _ p: ClassProfile) throws -> String {
        Words.russian.auditClass(p, teacher: try p.classTeacherID.flatMap { t in try c.teacherList().first { $0.id == t }?.name },
                                 schedule: try c.bellSchedules().first { $0.id == p.bellScheduleID }?.name ?? "")
    }

    // MARK: Teaching assignments

    /// A teaching assignment as typed: the ids of the teacher, subject, class and group (empty:
    /// the whole class), and hours per week.
    public struct AssignmentForm: Sendable {
        public var teacher, subject, schoolClass, group, hours: String

        public init(teacher: String, subject: String, schoolClass: String, group: String, hours: String) {
            (self.teacher, self.subject, self.schoolClass, self.group, self.hours) = (teacher, subject, schoolClass, group, hours)
        }
    }

    public func addAssignment(year yearID: Int, _ form: AssignmentForm, by editor: Editor) throws -> Int {
        try write(editor) { c in
            _ = try year(c, yearID, editor)
            let a = try assignment(c, form, year: yearID, except: nil, editor)
            let id = try c.addTeachingAssignment(year: yearID, teacher: a.teacher, subject: a.subject, class: a.classID, group: a.group, hours: a.hours)
            let new = try c.teachingAssignment(id)!.assignment
            try c.appendAudit(editor.entry(.structureAssignment, entity: "teaching_assignment", id: id, new: auditAssignment(new), schoolClass: a.classID))
            return id
        }
    }

    public func changeAssignment(_ id: Int, _ form: AssignmentForm, by editor: Editor) throws {
        try write(editor) { c in
            guard let (old, yearID) = try c.teachingAssignment(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.requireOpen(year: yearID)
            let a = try assignment(c, form, year: yearID, except: id, editor)
            guard a.teacher != old.teacherID || a.subject != old.subjectID || a.classID != old.classID || a.group != old.groupID || a.hours != old.hours else { return }
            try c.updateTeachingAssignment(id, teacher: a.teacher, subject: a.subject, class: a.classID, group: a.group, hours: a.hours)
            let new = try c.teachingAssignment(id)!.assignment
            try c.appendAudit(editor.entry(.structureAssignment, entity: "teaching_assignment", id: id, old: auditAssignment(old),
                                           new: auditAssignment(new), schoolClass: a.classID))
        }
    }

    /// Deletes an assignment no timetable entry stands for (the teacher would lose the journal of lessons they give).
    public func deleteAssignment(_ id: Int, by editor: Editor) throws {
        try write(editor) { c in
            guard let (old, yearID) = try c.teachingAssignment(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.requireOpen(year: yearID)
            try unused(try c.references(assignment: id), editor)
            try c.deleteTeachingAssignment(id)
            try c.appendAudit(editor.entry(.structureAssignment, entity: "teaching_assignment", id: id, old: auditAssignment(old), schoolClass: old.classID))
        }
    }

    func assignment(_ c: Connection, _ form: AssignmentForm, year: Int, except: Int?, _ editor: Editor)
        throws -> (teacher: Int, subject: Int, classID: Int, group: Int?, hours: Double) {
        var f = Fields()
        let teacher = try c.teacherList().first { String($0.id) == form.teacher }?.id
        if teacher == nil { f.problems["teacher"] = .unknownChoice }
        let subject = try c.subjects().first { String($0.id) == form.subject }?.id
        if subject == nil { f.problems["subject"] = .unknownChoice }
        let classID = try c.classProfiles(year: year).first { String($0.id) == form.schoolClass }?.id
        if classID == nil { f.problems["class"] = .unknownChoice }
        var group: Int?
        if !form.group.isEmpty {
            if let g = try c.studyGroups(year: year).first(where: { String($0.id) == form.group }) {
                group = g.id
                if let classID, let of = g.classID, of != classID { f.problems["group"] = .groupOfAnotherClass }
            } else {
                f.problems["group"] = .unknownChoice
            }
        }
        let hours = f.take("hours", StructureRules.hours(form.hours))
        if let teacher, let subject, let classID, f.problems["group"] == nil,
           try c.teachingAssignmentExists(teacher: teacher, subject: subject, class: classID, group: group, except: except) {
            f.problems["teacher"] = .assignmentExists
        }
        try f.check(editor)
        return (teacher!, subject!, classID!, group, hours!)
    }
}
