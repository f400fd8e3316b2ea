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

    // MARK: Periods

    /// A quarter or half-year as typed: its scheme (`quarter`, `half`), number, name (empty:
    /// «II четверть»), first and last day.
    public struct PeriodForm: Sendable {
        public var scheme, number, name, startsOn, endsOn: String

        public init(scheme: String, number: String, name: String, startsOn: String, endsOn: String) {
            (self.scheme, self.number, self.name, self.startsOn, self.endsOn) = (scheme, number, name, startsOn, endsOn)
        }
    }

    public func addPeriod(year yearID: Int, _ form: PeriodForm, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            let year = try self.year(c, yearID, editor)
            let p = try period(c, form, year: year, except: nil, editor)
            let id = try c.insertPeriod(year: year.id, scheme: p.scheme, number: p.number, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn)
            let replan = try self.replan(c, year: year.id, from: p.startsOn)
            try c.appendAudit(editor.entry(.structurePeriod, entity: "period", id: id, new: Words.russian.auditPeriod(p), reason: auditReplan(replan)))
            return replan
        }
    }

    /// Changes a period's number, name or dates (its scheme stays) and re-plans the lessons.
    public func changePeriod(_ id: Int, _ form: PeriodForm, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            guard let (old, yearID) = try c.period(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            var form = form
            form.scheme = old.scheme.rawValue
            let p = try period(c, form, year: try self.year(c, yearID, editor), except: id, editor)
            guard p != old else { return Replan() }
            try c.updatePeriod(id, number: p.number, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn)
            let replan = try self.replan(c, year: yearID, from: min(old.startsOn, p.startsOn))
            try c.appendAudit(editor.entry(.structurePeriod, entity: "period", id: id, old: Words.russian.auditPeriod(old), new: Words.russian.auditPeriod(p),
                                           reason: auditReplan(replan)))
            return replan
        }
    }

    /// Deletes a period no period mark or acknowledgement refers to, and re-plans the lessons.
    public func deletePeriod(_ id: Int, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            guard let (old, yearID) = try c.period(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try unused(try c.references(period: id), editor)
            try c.deletePeriod(id)
            let replan = try self.replan(c, year: yearID, from: old.startsOn)
            try c.appendAudit(editor.entry(.structurePeriod, entity: "period", id: id, old: Words.russian.auditPeriod(old), reason: auditReplan(replan)))
            return replan
        }
    }

    func period(_ c: Connection, _ form: PeriodForm, year: AcademicYear, except: Int?, _ editor: Editor) throws -> Period {
        var f = Fields()
        let scheme = f.take("scheme", PeriodScheme(rawValue: form.scheme).map { .success($0) } ?? .failure(.unknownChoice))
        let number = f.take("number", StructureRules.number(form.number, in: 1...4))
        let name = form.name.trimmingWhitespace.isEmpty ? number.map { (scheme ?? .quarter).russianName(number: $0) } : f.take("name", StructureRules.name(form.name, max: 40))
        let starts = f.take("starts_on", StructureRules.date(form.startsOn)), ends = f.take("ends_on", StructureRules.date(form.endsOn))
        if let scheme, let number, let starts, let ends {
            let others = try c.periods(year: year.id).filter { $0.scheme == scheme && $0.id != except }
            f.add(StructureRules.period(number: number, startsOn: starts, endsOn: ends, scheme: scheme, year: year, others: others))
        }
        try f.check(editor)
        return Period(id: except ?? 0, scheme: scheme!, number: number!, name: name!, startsOn: starts!, endsOn: ends!)
    }

    // MARK: Holidays

    /// A break or public holiday as typed: name, first and last day, the grades it is for.
    public struct HolidayForm: Sendable {
        public var name, startsOn, endsOn, minGrade, maxGrade: String

        public init(name: String, startsOn: String, endsOn: String, minGrade: String, maxGrade: String) {
            (self.name, self.startsOn, self.endsOn, self.minGrade, self.maxGrade) = (name, startsOn, endsOn, minGrade, maxGrade)
        }
    }

    public func addHoliday(year yearID: Int, _ form: HolidayForm, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            let h = try holiday(form, year: try self.year(c, yearID, editor), id: 0, editor)
            let id = try c.insertHoliday(year: yearID, name: h.name, startsOn: h.startsOn, endsOn: h.endsOn, grades: h.grades)
            let replan = try self.replan(c, year: yearID, from: h.startsOn)
            try c.appendAudit(editor.entry(.structureHoliday, entity: "holiday", id: id, new: Words.russian.auditHoliday(h), reason: auditReplan(replan)))
            return replan
        }
    }

    public func changeHoliday(_ id: Int, _ form: HolidayForm, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            guard let (old, yearID) = try c.holiday(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            let h = try holiday(form, year: try self.year(c, yearID, editor), id: id, editor)
            guard h != old else { return Replan() }
            try c.updateHoliday(id, name: h.name, startsOn: h.startsOn, endsOn: h.endsOn, grades: h.grades)
            let replan = try self.replan(c, year: yearID, from: min(old.startsOn, h.startsOn))
            try c.appendAudit(editor.entry(.structureHoliday, entity: "holiday", id: id, old: Words.russian.auditHoliday(old), new: Words.russian.auditHoliday(h),
                                           reason: auditReplan(replan)))
            return replan
        }
    }

    /// Deletes a holiday: its days become school days again and get their lessons.
    public func deleteHoliday(_ id: Int, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            guard let (old, yearID) = try c.holiday(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.deleteHoliday(id)
            let replan = try self.replan(c, year: yearID, from: old.startsOn)
            try c.appendAudit(editor.entry(.structureHoliday, entity: "holiday", id: id, old: Words.russian.auditHoliday(old), reason: auditReplan(replan)))
            return replan
        }
    }

    func holiday(_ form: HolidayForm, year: AcademicYear, id: Int, _ editor: Editor) throws -> Holiday {
        var f = Fields()
        let name = f.take("name", StructureRules.name(form.name, max: 80))
        let starts = f.take("starts_on", StructureRules.date(form.startsOn)), ends = f.take("ends_on", StructureRules.date(form.endsOn))
        let low = f.take("min_grade", StructureRules.number(form.minGrade.isEmpty ? "1" : form.minGrade, in: 1...11))
        let high = f.take("max_grade", StructureRules.number(form.maxGrade.isEmpty ? "11" : form.maxGrade, in: 1...11))
        if let starts, let ends, let low, let high { f.add(StructureRules.holiday(startsOn: starts, endsOn: ends, grades: (low, high), year: year)) }
        try f.check(editor)
        return Holiday(id: id, name: name!, startsOn: starts!, endsOn: ends!, grades: low!...high!)
    }

    // MARK: Bells

    public func addBellSchedule(name: String, by editor: Editor) throws -> Int {
        try write(editor) { c in
            let name = try scheduleName(c, name, except: nil, editor)
            let id = try c.insertBellSchedule(name: name, bells: [])
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id, new: Words.russian.auditSchedule(name)))
            return id
        }
    }

    public func renameBellSchedule(_ id: Int, name: String, by editor: Editor) throws {
        try write(editor) { c in
            let old = try schedule(c, id, editor)
            let name = try scheduleName(c, name, except: id, editor)
            guard name != old.name else { return }
            try c.renameBellSchedule(id, name: name)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id, old: Words.russian.auditSchedule(old.name), new: Words.russian.auditSchedule(name)))
        }
    }

    /// Deletes a schedule no class rings by, with its bells.
    public func deleteBellSchedule(_ id: Int, by editor: Editor) throws {
        try write(editor) { c in
            let old = try schedule(c, id, editor)
            try unused(try c.references(bellSchedule: id), editor)
            try c.deleteBellSchedule(id)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id,
                                           old: ([Words.russian.auditSchedule(old.name)] + old.bells.map(Words.russian.auditBell)).joined(separator: "; ")))
        }
    }

    /// A bell as typed: its number (0–12) and when it starts and ends.
    public struct BellForm: Sendable {
        public var number, startsAt, endsAt: String

        public init(number: String, startsAt: String, endsAt: String) {
            (self.number, self.startsAt, self.endsAt) = (number, startsAt, endsAt)
        }
    }

    public func addBell(schedule id: Int, _ form: BellForm, by editor: Editor) throws {
        try write(editor) { c in
            let schedule = try schedule(c, id, editor)
            let bell = try bell(form, number: nil, others: schedule.bells, editor)
            try c.addBell(schedule: id, bell)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id,
                                           new: Words.russian.auditSchedule(schedule.name) + ", " + Words.russian.auditBell(bell)))
        }
    }

    /// Changes when a bell starts and ends (its number stays: the timetable names it).
    public func changeBell(schedule id: Int, number: Int, _ form: BellForm, by editor: Editor) throws {
        try write(editor) { c in
            let schedule = try schedule(c, id, editor)
            guard let old = schedule.bells.first(where: { $0.number == number }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            let bell = try bell(form, number: number, others: schedule.bells.filter { $0.number != number }, editor)
            guard bell != old else { return }
            try c.updateBell(schedule: id, number: number, startsAt: bell.startsAt, endsAt: bell.endsAt)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id, old: Words.russian.auditSchedule(schedule.name) + ", " + Words.russian.auditBell(old),
                                           new: Words.russian.auditSchedule(schedule.name) + ", " + Words.russian.auditBell(bell)))
        }
    }

    /// Deletes a bell no timetable entry or lesson of the schedule's classes is at.
    public func deleteBell(schedule id: Int, number: Int, by editor: Editor) throws {
        try write(editor) { c in
            let schedule = try schedule(c, id, editor)
            guard let old = schedule.bells.first(where: { $0.number == number }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try unused(try c.references(bellSchedule: id, number: number), editor)
            try c.deleteBell(schedule: id, number: number)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id, old: Words.russian.auditSchedule(schedule.name) + ", " + Words.russian.auditBell(old)))
        }
    }

    func schedule(_ c: Connection, _ id: Int, _ editor: Editor) throws -> BellSchedule {
        guard let schedule = try c.bellSchedules().first(where: { $0.id == id }) else { throw DeskError.notFound(editor.words.structureNotFound) }
        return schedule
    }

    func scheduleName(_ c: Connection, _ text: String, except: Int?, _ editor: Editor) throws -> String {
        var f = Fields()
        let name = f.take("name", StructureRules.name(text, max: 40))
        if let name, try c.bellSchedules().contains(where: { $0.name == name && $0.id != except }) { f.problems["name"] = .nameTaken(name) }
        try f.check(editor)
        return name!
    }

    func bell(_ form: BellForm, number: Int?, others: [Bell], _ editor: Editor) throws -> Bell {
        var f = Fields()
        let n = number ?? f.take("number", StructureRules.number(form.number, in: 0...12))
        let starts = f.take("starts_at", StructureRules.time(form.startsAt)), ends = f.take("ends_at", StructureRules.time(form.endsAt))
        if let n, let starts, let ends { f.add(StructureRules.bell(Bell(number: n, startsAt: starts, endsAt: ends), others: others)) }
        try f.check(editor)
        return Bell(number: n!, startsAt: starts!, endsAt: ends!)
    }

    // MARK: Rooms

    public func addRoom(name: String, by editor: Editor) throws -> Int {
        try write(editor) { c in
            let name = try roomName(c, name, except: nil, editor)
            let id = try c.insertRoom(name: name)
            try c.appendAudit(editor.entry(.structureRoom, entity: "room", id: id, new: name))
            return id
        }
    }

    public func renameRoom(_ id: Int, name: String, by editor: Editor) throws {
        try write(editor) { c in
            guard let old = try c.rooms().first(where: { $0.id == id }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            let name = try roomName(c, name, except: id, editor)
            guard name != old.name else { return }
            try c.renameRoom(id, name: name)
            try c.appendAudit(editor.entry(.structureRoom, entity: "room", id: id, old: old.name, new: name))
        }
    }

    /// Deletes a room no timetable entry or lesson is in.
    public func deleteRoom(_ id: Int, by editor: Editor) throws {
        try write(editor) { c in
            guard let old = try c.rooms().first(where: { $0.id == id }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try unused(try c.references(room: id), editor)
            try c.deleteRoom(id)
            try c.appendAudit(editor.entry(.structureRoom, entity: "room", id: id, old: old.name))
        }
    }

    func roomName(_ c: Connection, _ text: String, except: Int?, _ editor: Editor) throws -> String {
        var f = Fields()
        let name = f.take("name", StructureRules.name(text, max: 40))
        if let name, try c.rooms().contains(where: { $0.name == name && $0.id != except }) { f.problems["name"] = .nameTaken(name) }
        try f.check(editor)
        return name!
    }

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
            let p = try profile(c, form, year: yearID, old: old, editor)
            guard p != old else { return nil }
            try c.updateClass(p)
            let replan = p.scheme == old.scheme && p.grade == old.grade ? nil : try self.replan(c, year: yearID, from: try self.year(c, yearID, editor).startsOn)
            try c.appendAudit(editor.entry(.structureClass, entity: "school_class", id: id, old: try auditClass(c, old), new: try auditClass(c, p),
                                           reason: replan.map(auditReplan) ?? "", schoolClass: id))
            return replan
        }
    }

    /// Deletes a class with no students, lessons, timetable, assignments, groups or plan.
    public func deleteClass(_ id: Int, by editor: Editor) throws {
        try write(editor) { c in
            guard let (old, _) = try c.classProfile(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
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
            guard let (old, _) = try c.teachingAssignment(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
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

    // MARK: Shared steps

    /// Asks the policy, then runs `body` in one transaction.
    func write<T>(_ editor: Editor, _ body: (Connection) throws -> T) throws -> T {
        try editor.require(.manageStructure, .school)
        return try database.write(body)
    }

    func year(_ c: Connection, _ id: Int, _ editor: Editor) throws -> AcademicYear {
        guard let year = try c.academicYear(id: id) else { throw DeskError.notFound(editor.words.structureNotFound) }
        return year
    }

    /// Throws `invalid` (field `delete`) naming what refers to the thing.
    func unused(_ references: [StructureReference: Int], _ editor: Editor) throws {
        guard references.isEmpty else { throw DeskError.invalid(editor.words.problem(.inUse(references)), field: "delete") }
    }

    /// Brings the year's lessons from `from` on in line with the plan: removes those with
    /// nothing entered that fall on a holiday of their grade or in no period of their class's
    /// scheme, then lets the timetable create the missing ones (`syncLessons`).
    ///
    /// - Important: `syncLessons` leaves lessons on days the plan no longer has; the removal
    ///   here is this desk's until it does.
    func replan(_ c: Connection, year: Int, from: CivilDate) throws -> Replan {
        let removed = try c.removeUntouchedLessonsOutsidePlan(year: year, from: from)
        let sync = try c.syncLessons(year: year, from: from)
        return Replan(created: sync.created, removed: removed + sync.removed, outside: try c.lessonsOutsidePlan(year: year).count)
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
