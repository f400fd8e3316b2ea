/// Reports' rules (DOMAIN.md, "Reports"): the figures of the progress report, counted from
/// the journal's marks by the journal's own weighted average and rounding rule.

/// One mark as the progress report counts it: whose, in which subject, with its weight.
public struct ReportMark: Sendable, Equatable {
    public let studentID: Int
    public let subjectID: Int
    public let mark: WeightedMark

    public init(studentID: Int, subjectID: Int, mark: WeightedMark) {
        self.studentID = studentID
        self.subjectID = subjectID
        self.mark = mark
    }
}

/// A student's absences of one reason: how many lessons and how many minutes of them.
public struct ReportAbsence: Sendable, Equatable {
    public let studentID: Int
    public let code: AbsenceCode
    public let lessons: Int
    public let minutes: Int

    public init(studentID: Int, code: AbsenceCode, lessons: Int, minutes: Int) {
        self.studentID = studentID
        self.code = code
        self.lessons = lessons
        self.minutes = minutes
    }
}

/// Lessons and minutes missed, for one reason or all.
public struct Missed: Sendable, Equatable {
    public var lessons = 0
    public var minutes = 0

    public init(lessons: Int = 0, minutes: Int = 0) {
        self.lessons = lessons
        self.minutes = minutes
    }

    /// Hours to one decimal (60-minute hours).
    public var hours: Double { (Double(minutes) / 6).rounded() / 10 }
}

/// Успеваемость и посещаемость of a class over a period or dates: per subject the students'
/// average, quality % (students whose average rounds to 4 or 5) and success % (no 2), over
/// the students with at least one mark; per student the averages and absences by reason.
public struct ProgressFigures: Sendable, Equatable {
    public struct Subject: Sendable, Equatable {
        public let id: Int
        public let name: String
        /// Students on the class's list in the range.
        public let students: Int
        /// Students with at least one mark: the base of the percentages.
        public let rated: Int
        /// The mean of the students' averages, two decimals.
        public let average: Double?
        /// Percentages 0–100, one decimal; nil when nobody has a mark.
        public let quality: Double?
        public let success: Double?
        /// How many students' averages round to 5, 4, 3, 2 (in that order).
        public let counts: [Int]
    }

    public struct Student: Sendable, Equatable {
        public let id: Int
        public let name: String
        /// Subject → average, two decimals; a subject without marks is absent.
        public let averages: [Int: Double]
        public let absences: [AbsenceCode: Missed]

        /// Lessons missed for any reason; being late (О) misses none.
        public var missed: Missed {
            absences.filter { $0.key != .late }.values.reduce(into: Missed()) { $0.lessons += $1.lessons; $0.minutes += $1.minutes }
        }
    }

    public let subjects: [Subject]
    public let students: [Student]

    public init(subjects: [(id: Int, name: String)], students: [(id: Int, name: String)], marks: [ReportMark],
                absences: [ReportAbsence], rule: RoundingRule) {
        var bySubject: [Int: [Int: [WeightedMark]]] = [:]
        for m in marks { bySubject[m.subjectID, default: [:]][m.studentID, default: []].append(m.mark) }
        var averages: [Int: [Int: Double]] = [:]  // student → subject → average
        self.subjects = subjects.map { s in
            let list = students.compactMap { st in bySubject[s.id]?[st.id].flatMap(weightedAverage).map { (st.id, $0) } }
            var counts = [0, 0, 0, 0]
            for (student, a) in list {
                averages[student, default: [:]][s.id] = Self.twoDecimals(a)
                counts[5 - rule.periodMark(for: a)] += 1
            }
            let rated = list.count
            return Subject(id: s.id, name: s.name, students: students.count, rated: rated,
                           average: rated == 0 ? nil : Self.twoDecimals(list.map(\.1).reduce(0, +) / Double(rated)),
                           quality: Self.percent(counts[0] + counts[1], of: rated), success: Self.percent(rated - counts[3], of: rated),
                           counts: counts)
        }
        var missed: [Int: [AbsenceCode: Missed]] = [:]
        for a in absences { missed[a.studentID, default: [:]][a.code, default: Missed()].lessons += a.lessons; missed[a.studentID]![a.code]!.minutes += a.minutes }
        self.students = students.map { Student(id: $0.id, name: $0.name, averages: averages[$0.id] ?? [:], absences: missed[$0.id] ?? [:]) }
    }

    /// `part` of `whole` in percent, one decimal; nil of nothing.
    public static func percent(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : (Double(part) * 1000 / Double(whole)).rounded() / 10
    }

    static func twoDecimals(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}

/// When a report for a period is final: after the period ends. Until then it is preliminary,
/// and the school draws the preliminary one two weeks before the end (DOMAIN.md).
public struct ReportTiming: Sendable, Equatable {
    public let endsOn: CivilDate
    public let today: CivilDate

    public init(endsOn: CivilDate, today: CivilDate) {
        self.endsOn = endsOn
        self.today = today
    }

    public var isPreliminary: Bool { today <= endsOn }
    /// The day the preliminary progress report is due: two weeks before the end.
    public var preliminaryDue: CivilDate { endsOn.adding(days: -14) }
    /// The day the forecast of period marks is due: ten days before the end.
    public var forecastDue: CivilDate { endsOn.adding(days: -10) }
}

/// Накопляемость of one teacher's class subject (or group) over a range: how many of its
/// students have no mark or one mark, how many lessons held have a topic and homework.
public struct FillingRow: Sendable, Equatable {
    public let teacherID: Int
    public let teacher: String
    public let classID: Int
    public let className: String
    public let subjectID: Int
    public let subject: String
    /// The group the lessons were given to; nil for the whole class.
    public let groupID: Int?
    public let group: String?
    /// Whether the class gets marks (grade 1 usually does not): without, no mark shares.
    public let marksEnabled: Bool
    public let students: Int
    public let noMarks: Int
    public let oneMark: Int
    /// Lessons held by the report's end (not cancelled, not in the future).
    public let lessons: Int
    public let withTopic: Int
    public let withHomework: Int

    public init(teacherID: Int, teacher: String, classID: Int, className: String, subjectID: Int, subject: String, groupID: Int?, group: String?,
                marksEnabled: Bool = true, students: Int, noMarks: Int, oneMark: Int, lessons: Int, withTopic: Int, withHomework: Int) {
        self.teacherID = teacherID
        self.teacher = teacher
        self.classID = classID
        self.className = className
        self.subjectID = subjectID
        self.subject = subject
        self.groupID = groupID
        self.group = group
        self.marksEnabled = marksEnabled
        self.students = students
        self.noMarks = noMarks
        self.oneMark = oneMark
        self.lessons = lessons
        self.withTopic = withTopic
        self.withHomework = withHomework
    }

    /// Percentages 0–100, one decimal; nil of no students or no lessons, and the mark shares of a class without marks.
    public var noMarksPercent: Double? { marksEnabled ? ProgressFigures.percent(noMarks, of: students) : nil }
    public var oneMarkPercent: Double? { marksEnabled ? ProgressFigures.percent(oneMark, of: students) : nil }
    public var topicPercent: Double? { ProgressFigures.percent(withTopic, of: lessons) }
    public var homeworkPercent: Double? { ProgressFigures.percent(withHomework, of: lessons) }

    /// Each teacher's rows summed into one (no class, no subject), in the rows' order: their
    /// lessons, topics and homework over all their classes, and the students without marks or
    /// with one over the classes that get marks.
    public static func perTeacher(_ rows: [FillingRow]) -> [FillingRow] {
        var order: [Int] = []
        var sums: [Int: FillingRow] = [:]
        for r in rows {
            let marked = r.marksEnabled
            guard let s = sums[r.teacherID] else {
                order.append(r.teacherID)
                sums[r.teacherID] = FillingRow(teacherID: r.teacherID, teacher: r.teacher, classID: 0, className: "", subjectID: 0, subject: "",
                                               groupID: nil, group: nil, marksEnabled: marked, students: marked ? r.students : 0,
                                               noMarks: marked ? r.noMarks : 0, oneMark: marked ? r.oneMark : 0,
                                               lessons: r.lessons, withTopic: r.withTopic, withHomework: r.withHomework)
                continue
            }
            sums[r.teacherID] = FillingRow(teacherID: s.teacherID, teacher: s.teacher, classID: 0, className: "", subjectID: 0, subject: "",
                                           groupID: nil, group: nil, marksEnabled: s.marksEnabled || marked,
                                           students: s.students + (marked ? r.students : 0), noMarks: s.noMarks + (marked ? r.noMarks : 0),
                                           oneMark: s.oneMark + (marked ? r.oneMark : 0), lessons: s.lessons + r.lessons,
                                           withTopic: s.withTopic + r.withTopic, withHomework: s.withHomework + r.withHomework)
        }
        return order.map { sums[$0]! }
    }
}

/// One teacher's changed lessons in one class over a range: lessons of theirs another teacher
/// gave (missed), lessons of theirs cancelled, lessons they gave in another's place.
public struct SubstitutionRow: Sendable, Equatable {
    public let teacherID: Int
    public let teacher: String
    public let classID: Int
    public let className: String
    public let missed: Int
    public let cancelled: Int
    public let substituted: Int

    public init(teacherID: Int, teacher: String, classID: Int, className: String, missed: Int, cancelled: Int, substituted: Int) {
        self.teacherID = teacherID
        self.teacher = teacher
        self.classID = classID
        self.className = className
        self.missed = missed
        self.cancelled = cancelled
        self.substituted = substituted
    }
}

/// One account's activity in one week (from the audit trail): sign-ins and changes.
public struct ActivityRow: Sendable, Equatable {
    /// The Monday of the week, in the school's time.
    public let week: CivilDate
    public let accountID: Int
    public let person: String
    public let login: String
    /// Staff roles; a student's or guardian's account otherwise.
    public let roles: [Role]
    public let signIns: Int
    public let changes: Int

    public init(week: CivilDate, accountID: Int, person: String, login: String, roles: [Role], signIns: Int, changes: Int) {
        self.week = week
        self.accountID = accountID
        self.person = person
        self.login = login
        self.roles = roles
        self.signIns = signIns
        self.changes = changes
    }

    /// Per role: accounts active, sign-ins and changes over the rows (an account of two roles counts in each).
    public static func byRole(_ rows: [ActivityRow]) -> [(role: Role, accounts: Int, signIns: Int, changes: Int)] {
        Role.allCases.compactMap { role in
            let mine = rows.filter { $0.roles.contains(role) }
            guard !mine.isEmpty else { return nil }
            return (role, Set(mine.map(\.accountID)).count, mine.map(\.signIns).reduce(0, +), mine.map(\.changes).reduce(0, +))
        }
    }
}

/// The school's deadlines for entering marks (DOMAIN.md, "Journal rules": for reports on
/// lateness, not hard blocks): an oral answer within a day of the lesson; written, test and lab
/// work within 5 days in grades 2–9 and 7 in grades 10–11.
public struct MarkDeadlines: Sendable, Equatable {
    /// The work type of an oral answer.
    public let oralCode: String
    public let oralDays: Int
    public let writtenDays: Int
    /// From this grade on, `seniorWrittenDays`.
    public let seniorGrade: Int
    public let seniorWrittenDays: Int

    public static let school = MarkDeadlines(oralCode: "У", oralDays: 1, writtenDays: 5, seniorGrade: 10, seniorWrittenDays: 7)

    public init(oralCode: String, oralDays: Int, writtenDays: Int, seniorGrade: Int, seniorWrittenDays: Int) {
        self.oralCode = oralCode
        self.oralDays = oralDays
        self.writtenDays = writtenDays
        self.seniorGrade = seniorGrade
        self.seniorWrittenDays = seniorWrittenDays
    }

    /// How many days after the lesson a mark of this work type is due in this grade.
    public func days(workType: String, grade: Int) -> Int {
        workType == oralCode ? oralDays : grade >= seniorGrade ? seniorWrittenDays : writtenDays
    }
}

/// One teacher's timeliness over a range (from the audit trail): marks given and those entered
/// after their deadline; lessons given homework and those whose homework came after the class's
/// last lesson of the day plus the school's `homework_deadline_minutes`.
public struct TimelinessRow: Sendable, Equatable {
    public let teacherID: Int
    public let teacher: String
    public let marks: Int
    public let lateMarks: Int
    public let homework: Int
    public let lateHomework: Int

    public init(teacherID: Int, teacher: String, marks: Int, lateMarks: Int, homework: Int, lateHomework: Int) {
        self.teacherID = teacherID
        self.teacher = teacher
        self.marks = marks
        self.lateMarks = lateMarks
        self.homework = homework
        self.lateHomework = lateHomework
    }

    public var lateMarksPercent: Double? { ProgressFigures.percent(lateMarks, of: marks) }
    public var lateHomeworkPercent: Double? { ProgressFigures.percent(lateHomework, of: homework) }
}
