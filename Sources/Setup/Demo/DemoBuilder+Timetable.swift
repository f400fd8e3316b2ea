import Domain
import Storage

extension DemoBuilder {
    /// Нагрузка: a teacher for each subject of each class (two for subgroups), and class teachers.
    mutating func assignTeaching() throws {
        var primaryTeachers = teachers.indices.filter { teachers[$0].speciality == .primary }
        for ci in classes.indices {
            let grade = classes[ci].name.grade
            var bySpeciality: [Curriculum.Speciality: Int] = [:]
            if grade <= 4, !primaryTeachers.isEmpty {
                let t = primaryTeachers.removeFirst()
                bySpeciality[.primary] = t
                classes[ci].classTeacher = teachers[t].id
            }
            for s in Curriculum.subjects where s.hours[grade - 1] > 0 {
                let spec = speciality(of: s, grade: grade)
                let hours = s.hours[grade - 1]
                let first = bySpeciality[spec] ?? leastLoaded(spec, excluding: [])
                bySpeciality[spec] = first
                var chosen = [first]
                if isSplit(s, grade: grade) { chosen.append(leastLoaded(spec, excluding: [first])) }
                let groups = classes[ci].subgroups[s.name]
                for (i, t) in chosen.enumerated() {
                    teachers[t].load += hours
                    try c.insertTeachingAssignment(year: year, teacher: teachers[t].id, subject: subjectIDs[s.name]!,
                                                   class: classes[ci].id, group: groups?[i].id, hours: hours)
                }
                classes[ci].teachers[s.name] = chosen.map { teachers[$0].id }
            }
        }
        // Class teachers of grades 5–11: a teacher of the class with the most hours there, one class each.
        var taken = Set(classes.compactMap(\.classTeacher))
        for ci in classes.indices where classes[ci].classTeacher == nil {
            var hours: [Int: Double] = [:]
            for s in Curriculum.subjects {
                for t in classes[ci].teachers[s.name] ?? [] { hours[t, default: 0] += s.hours[classes[ci].name.grade - 1] }
            }
            let candidates = hours.filter { !taken.contains($0.key) }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            let teacher = candidates.first?.key ?? teachers.first { !taken.contains($0.id) }?.id
            classes[ci].classTeacher = teacher
            if let teacher { taken.insert(teacher) }
        }
        for k in classes { try c.setClassTeacher(class: k.id, teacher: k.classTeacher) }
    }

    func leastLoaded(_ spec: Curriculum.Speciality, excluding: [Int]) -> Int {
        let pool = teachers.indices.filter { teachers[$0].speciality == spec && !excluding.contains($0) }
        return pool.min { (teachers[$0].load, $0) < (teachers[$1].load, $1) } ?? excluding[0]
    }

    /// Places every weekly hour of every class on a weekday and bell with no clash for the
    /// class or its teachers; subgroups of a class run in parallel. Days are filled without
    /// gaps where the teachers allow it.
    mutating func placeTimetable() throws {
        var index: [Int: Int] = [:]
        for (i, t) in teachers.enumerated() { index[t.id] = i }
        var dropped = 0
        var placed = 0
        for ci in classes.indices.reversed() {
            let grade = classes[ci].name.grade
            let maxPerDay = grade == 1 ? 4 : grade <= 4 ? 5 : grade <= 6 ? 6 : 7
            var units: [Curriculum.SubjectPlan] = []
            for s in Curriculum.subjects.sorted(by: { $0.hours[grade - 1] > $1.hours[grade - 1] }) {
                units += Array(repeating: s, count: Int(s.hours[grade - 1].rounded()))
            }
            var dayLoad = [Int](repeating: 0, count: 6)
            var busy = Set<Int>()
            var subjectDays: [String: Set<Int>] = [:]
            for s in units {
                let teacherIDs = classes[ci].teachers[s.name] ?? []
                let days = (1...5).sorted {
                    let a = (subjectDays[s.name]?.contains($0) == true ? 1 : 0, dayLoad[$0], $0)
                    let b = (subjectDays[s.name]?.contains($1) == true ? 1 : 0, dayLoad[$1], $1)
                    return a < b
                }
                func fits(_ day: Int, _ bell: Int) -> Bool {
                    !busy.contains(day * 16 + bell) && teacherIDs.allSatisfy { !teachers[index[$0]!].busy.contains(day * 16 + bell) }
                }
                var slot: (Int, Int)?
                for day in days where dayLoad[day] < maxPerDay {
                    let next = (1...maxPerDay).first { !busy.contains(day * 16 + $0) }
                    if let next, fits(day, next) { slot = (day, next); break }
                }
                if slot == nil {
                    outer: for day in days where dayLoad[day] < maxPerDay {
                        for bell in 1...maxPerDay where fits(day, bell) { slot = (day, bell); break outer }
                    }
                }
                guard let (day, bell) = slot else { dropped += 1; continue }
                busy.insert(day * 16 + bell)
                dayLoad[day] += 1
                subjectDays[s.name, default: []].insert(day)
                let groups = classes[ci].subgroups[s.name]
                for (i, teacher) in teacherIDs.enumerated() {
                    let ti = index[teacher]!
                    teachers[ti].busy.insert(day * 16 + bell)
                    let id = try c.insertTimetableEntry(year: year, class: classes[ci].id, group: groups?[i].id,
                                                        subject: subjectIDs[s.name]!, teacher: teacher, room: teachers[ti].room,
                                                        weekday: day, bell: bell, validFrom: calendar.yearStart, validTo: calendar.yearEnd)
                    classes[ci].timetable[day, default: [:]][bell, default: []]
                        .append(DemoEntry(id: id, subject: s.name, teacher: teacher, group: groups?[i].id, room: teachers[ti].room))
                }
                placed += 1
            }
        }
        progress("Расписание: \(placed) уроков в неделю" + (dropped > 0 ? ", не поместилось \(dropped)" : ""))
    }
}
