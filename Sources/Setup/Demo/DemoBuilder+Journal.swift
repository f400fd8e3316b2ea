import Domain
import Storage

extension DemoBuilder {
    struct PeriodKey: Hashable {
        let student: Int
        let subject: String
        let period: Int
    }

    struct Accumulator {
        var weighted = 0.0
        var weights = 0.0
        var teacher = 0
    }

    /// Every lesson of the year from the timetable; for the days before `today` what
    /// happened in them: topics, homework, substitutions and cancellations, absences,
    /// marks and remarks; then the period marks of the periods already over.
    mutating func writeJournal(through today: CivilDate) throws {
        let offset = SchoolClock.systemUTCOffsetMinutes
        var plans: [String: [(id: Int, title: String, until: Int)]] = [:]
        var counters: [String: Int] = [:]
        var ability: [Int: Double] = [:]
        var illUntil: [Int: Int] = [:]
        var periodTotals: [PeriodKey: Accumulator] = [:]
        var lessons = 0, marks = 0, absences = 0, studentLessons = 0
        let byName = Dictionary(uniqueKeysWithValues: Curriculum.subjects.map { ($0.name, $0) })
        let specialityOf = Dictionary(uniqueKeysWithValues: teachers.map { ($0.id, $0.speciality) })
        let first = calendar.quarters[0].0.dayNumber
        let last = calendar.quarters[3].1.dayNumber
        var lastReported = -1

        for ci in classes.indices {
            for s in Curriculum.subjects where s.hours[classes[ci].name.grade - 1] > 0 {
                plans["\(ci)|\(s.name)"] = try plan(for: classes[ci], subject: s)
            }
        }

        for dayNumber in first...last {
            let date = CivilDate(dayNumber: dayNumber)
            guard date.weekday <= 5 else { continue }
            let held = date < today
            let stamp = SchoolDateTime(date: date, time: TimeOfDay(minutes: 15 * 60 + 30)).unixSeconds(offsetMinutes: offset)
            for ci in classes.indices where calendar.isSchoolDay(date, grade: classes[ci].name.grade) {
                let k = classes[ci]
                let grade = k.name.grade
                var absentToday: [Int: AbsenceCode] = [:]
                if held {
                    for st in k.students {
                        if (illUntil[st] ?? -1) < dayNumber, rng.chance(0.007) { illUntil[st] = dayNumber + 2 + Int(rng.next() % 7) }
                        if (illUntil[st] ?? -1) >= dayNumber { absentToday[st] = .ill } else if rng.chance(0.003) { absentToday[st] = .excused }
                    }
                }
                for bell in (k.timetable[date.weekday] ?? [:]).keys.sorted() {
                    for entry in k.timetable[date.weekday]![bell]! {
                        let s = byName[entry.subject]!
                        let counterKey = "\(ci)|\(entry.subject)|\(entry.group ?? 0)"
                        let n = counters[counterKey, default: 0]
                        counters[counterKey] = n + 1
                        var record = LessonRecord(year: year, date: date, bell: bell, classID: k.id, group: entry.group,
                                                  subject: subjectIDs[entry.subject]!, teacher: entry.teacher,
                                                  room: entry.room, timetableEntry: entry.id)
                        var change: (TimetableChange.Kind, String)?
                        if date <= today.adding(days: 7) {
                            let r = rng.unit()
                            if r < 0.004 {
                                record.cancelled = true
                                record.changeNote = "Урок отменён"
                                change = (.cancelled, rng.pick(["болезнь учителя", "учитель на курсах повышения квалификации"]))
                            } else if r < 0.014, let substitute = teachers.filter({ $0.speciality == specialityOf[entry.teacher] && $0.id != entry.teacher }).map(\.id).first(where: { _ in rng.chance(0.5) }) {
                                record.actualTeacher = substitute
                                record.changeNote = "Замена: \(people[substitute]?.shortName ?? "")"
                                change = (.substitution, rng.pick(["болезнь учителя", "учитель на курсах повышения квалификации", "учитель в командировке"]))
                            }
                        }
                        if !record.cancelled, date <= today.adding(days: 7), let topics = plans["\(ci)|\(entry.subject)"],
                           let topic = topics.first(where: { n < $0.until }) ?? topics.last {
                            record.topic = topic.title
                            record.planTopic = topic.id
                            if grade > 1, date <= today.adding(days: 3) { record.homework = homework(s, lessonNumber: n) }
                            record.updatedAt = stamp
                        }
                        let lessonID = try c.insertLesson(record)
                        lessons += 1
                        if let change { try c.insertTimetableChange(lesson: lessonID, kind: change.0, reason: change.1, enteredBy: nil, at: stamp - 8 * 3600) }
                        guard held, !record.cancelled else { continue }
                        let teacher = record.actualTeacher ?? entry.teacher
                        let audience = entry.group.flatMap { g in k.subgroups[entry.subject]?.first { $0.id == g }?.students } ?? k.students
                        let test = grade > 1 && n % 12 == 11
                        let markChance = min(0.5, max(0.05, 3.0 / (s.hours[grade - 1] * 4.3) - 0.05))
                        let period = periodIndex(of: date, grade: grade)
                        var present: [Int] = []
                        for st in audience {
                            studentLessons += 1
                            var code = absentToday[st]
                            if code == nil {
                                let r = rng.unit()
                                code = r < 0.005 ? .unexcused : r < 0.011 ? .late : nil
                            }
                            if let code {
                                try c.insertAbsence(lesson: lessonID, student: st, code: code, by: teacher, at: stamp)
                                absences += 1
                                if code != .late { continue }
                            }
                            present.append(st)
                            guard grade > 1, rng.chance(test ? 0.95 : markChance) else { continue }
                            let skill = ability[st] ?? rng.normal(3.85, 0.55).clamped(2.7, 4.9)
                            ability[st] = skill
                            let value = Int(rng.normal(skill, 0.75).rounded()).clampedMark
                            let workCode = test ? (s.name == "Русский язык" && n % 24 == 11 ? "Д" : "КР") : skewedPick(s.workTypes)
                            let workType = workTypeIDs[workCode]!
                            // A pass/fail subject (ОРКСЭ): a pass from a 3 up.
                            try c.insertMark(lesson: lessonID, student: st, value: s.scale == .passFail ? .pass(value >= 3) : .mark(value),
                                             workType: workType, by: teacher, at: stamp)
                            marks += 1
                            if let period {
                                let key = PeriodKey(student: st, subject: entry.subject, period: period)
                                var acc = periodTotals[key] ?? Accumulator()
                                acc.weighted += workTypeWeights[workType]! * Double(value)
                                acc.weights += workTypeWeights[workType]!
                                acc.teacher = entry.teacher
                                periodTotals[key] = acc
                            }
                        }
                        if !present.isEmpty, rng.chance(0.025) {
                            let praise = rng.chance(0.4)
                            try c.insertRemark(lesson: lessonID, student: rng.pick(present), author: teacher, praise: praise,
                                               text: rng.pick(praise ? Self.praises : Self.remarks), at: stamp)
                        }
                    }
                }
            }
            let percent = (dayNumber - first) * 100 / max(1, last - first)
            if percent / 10 != lastReported / 10 {
                lastReported = percent
                progress("Журнал: \(percent) % (уроков \(lessons), отметок \(marks))")
            }
        }
        try writePeriodMarks(periodTotals, today: today)
        let share = studentLessons > 0 ? Double(absences) * 100 / Double(studentLessons) : 0
        progress("Журнал готов: уроков \(lessons), отметок \(marks), пропусков \(absences) (\(Int(share.rounded())) %)")
    }

    /// The thematic plan of one class and subject: the subject's topics spread over the year's hours.
    mutating func plan(for k: DemoClass, subject s: Curriculum.SubjectPlan) throws -> [(id: Int, title: String, until: Int)] {
        let total = max(1, Int(s.hours[k.name.grade - 1] * 33))
        let perTopic = max(1, total / s.topics.count)
        var until = 0
        var result: [(id: Int, title: String, until: Int)] = []
        for (i, title) in s.topics.enumerated() {
            let hours = i == s.topics.count - 1 ? max(1, total - until) : perTopic
            until += hours
            let id = try c.insertPlanTopic(year: year, class: k.id, subject: subjectIDs[s.name]!, position: i + 1, title: title, hours: hours)
            result.append((id, title, until))
        }
        return result
    }

    /// Index into the class's periods (quarters, or half-years for grades 10–11) containing `date`.
    func periodIndex(of date: CivilDate, grade: Int) -> Int? {
        let spans = PeriodScheme.standard(forGrade: grade) == .quarter ? calendar.quarters : calendar.halves
        guard let i = spans.firstIndex(where: { $0.0 <= date && date <= $0.1 }) else { return nil }
        return (PeriodScheme.standard(forGrade: grade) == .quarter ? quarterIDs : halfIDs)[i]
    }

    /// Period marks for every period that ended before `today`, from the weighted averages.
    mutating func writePeriodMarks(_ totals: [PeriodKey: Accumulator], today: CivilDate) throws {
        let ended = Set(calendar.quarters.enumerated().filter { $0.element.1 < today }.map { quarterIDs[$0.offset] }
            + calendar.halves.enumerated().filter { $0.element.1 < today }.map { halfIDs[$0.offset] })
        let ends = Dictionary(uniqueKeysWithValues: Array(zip(quarterIDs, calendar.quarters.map(\.1))) + Array(zip(halfIDs, calendar.halves.map(\.1))))
        var count = 0
        for (key, acc) in totals.sorted(by: { ($0.key.student, $0.key.subject, $0.key.period) < ($1.key.student, $1.key.subject, $1.key.period) })
        where ended.contains(key.period) && acc.weights > 0 {
            let mark = RoundingRule.standard.periodMark(for: acc.weighted / acc.weights)
            let passFail = Curriculum.subjects.first { $0.name == key.subject }?.scale == .passFail
            let value: MarkValue = passFail ? .pass(mark >= 3) : .mark(mark)
            let at = SchoolDateTime(date: ends[key.period]!.adding(days: -2), time: TimeOfDay(minutes: 16 * 60))
                .unixSeconds(offsetMinutes: SchoolClock.systemUTCOffsetMinutes)
            try c.insertPeriodMark(year: year, student: key.student, subject: subjectIDs[key.subject]!, period: key.period,
                                   value: value, by: acc.teacher, at: at)
            count += 1
        }
        progress("Итоговых отметок за завершённые периоды: \(count)")
    }

    /// Homework text from the subject's patterns, with numbers that advance through the year.
    mutating func homework(_ s: Curriculum.SubjectPlan, lessonNumber n: Int) -> String {
        var text = rng.pick(s.homework)
        let task = 10 + n * 3 + Int(rng.next() % 3)
        let page = 5 + n * 2
        for (key, value) in [("{n}", task), ("{m}", task + 2), ("{p}", page), ("{q}", page + 4), ("{s}", 1 + n / 2),
                             ("{k}", 3 + Int(rng.next() % 3)), ("{a}", 1 + n / 3), ("{b}", 3 + n / 3)] {
            text = text.replacing(key, with: String(value))
        }
        return text
    }

    /// Picks a work type, the first ones (the subject's usual) more often.
    mutating func skewedPick(_ codes: [String]) -> String {
        let u = rng.unit()
        return codes[min(codes.count - 1, Int(u * u * Double(codes.count)))]
    }

    static let remarks = ["Не выполнил домашнее задание.", "Нет тетради и учебника.", "Разговаривал на уроке, мешал работать классу.",
                          "Опоздал на урок без объяснения причины.", "Не принёс спортивную форму.", "Не готов к уроку."]
    static let praises = ["Отличная работа на уроке!", "Активно участвовал в обсуждении, молодец.", "Прекрасный доклад.",
                          "Помог однокласснику разобраться с темой.", "Лучшая работа в классе."]
}

extension Int {
    /// Clamped to the marks a generated student gets: 2–5 (a 1 is practically never given).
    var clampedMark: Int { Swift.min(5, Swift.max(2, self)) }
}
