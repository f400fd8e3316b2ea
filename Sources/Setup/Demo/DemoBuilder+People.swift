import Domain
import Storage

extension DemoBuilder {
    /// Target class size; classes are named 5А, 5Б, … in order.
    static let classSize = 27.0
    /// Teaching hours a week a generated teacher is planned for.
    static let teacherLoad = 26.0

    /// Classes for every grade, the administration, and enough teachers of each speciality.
    mutating func createClassesAndStaff() throws {
        let weights = [1.0, 1, 1, 1, 1, 1, 1, 1, 1, 0.55, 0.5]
        let total = weights.reduce(0, +)
        var remaining = options.students
        for grade in 1...11 {
            let count = grade == 11 ? remaining : min(remaining, Int((Double(options.students) * weights[grade - 1] / total).rounded()))
            remaining -= count
            guard count > 0 else { continue }
            // As many classes as letters at most: a very large school gets larger classes.
            let n = min(ClassName.letters.count, max(1, Int((Double(count) / Self.classSize).rounded())))
            for i in 0..<n {
                let name = ClassName(grade: grade, letter: ClassName.letters[i])!
                let size = count / n + (i < count % n ? 1 : 0)
                let id = try c.insertClass(year: year, name: name, classTeacher: nil,
                                           bellSchedule: grade == 1 ? firstGradeBells : mainBells,
                                           scheme: PeriodScheme.standard(forGrade: grade), marksEnabled: grade > 1)
                classes.append(DemoClass(id: id, name: name, size: size))
            }
        }
        let director = try staffPerson(gender: .female, roles: [.director])
        _ = director
        _ = try staffPerson(gender: .female, roles: [.deputy])
        _ = try staffPerson(gender: .male, roles: [.administrator])
        _ = try staffPerson(gender: .female, roles: [.psychologist])
        _ = try staffPerson(gender: .female, roles: [.secretary])

        var demand: [Curriculum.Speciality: Double] = [:]
        for k in classes {
            for s in Curriculum.subjects {
                let h = s.hours[k.name.grade - 1]
                guard h > 0 else { continue }
                demand[speciality(of: s, grade: k.name.grade), default: 0] += h * Double(isSplit(s, grade: k.name.grade) ? 2 : 1)
            }
        }
        var roomNumber = 100
        for spec in Curriculum.Speciality.allCases {
            guard let hours = demand[spec] else { continue }
            let needsPair = classes.contains { k in Curriculum.subjects.contains { isSplit($0, grade: k.name.grade) && speciality(of: $0, grade: k.name.grade) == spec } }
            let count = spec == .primary
                ? classes.filter { $0.name.grade <= 4 }.count
                : max(needsPair ? 2 : 1, Int((hours / Self.teacherLoad).rounded(.up)))
            for i in 0..<count {
                // The first mathematics teacher is also a deputy director: one person, several roles.
                let extra: [Role] = spec == .mathematics && i == 0 ? [.deputy] : []
                let id = try staffPerson(gender: rng.chance(0.8) ? .female : .male, roles: [.teacher] + extra)
                roomNumber += 1
                let room = try c.insertRoom(name: spec == .physicalEducation ? "Спортзал \(i + 1)" : "Каб. \(roomNumber)")
                teachers.append(DemoTeacher(id: id, speciality: spec, room: room))
            }
        }
        progress("Классов: \(classes.count), учителей: \(teachers.count)")
    }

    func isSplit(_ s: Curriculum.SubjectPlan, grade: Int) -> Bool {
        guard let from = s.splitFromGrade else { return false }
        return grade >= from && s.hours[grade - 1] > 0
    }

    /// In grades 1–4 the class's own primary teacher teaches everything but languages, music and PE.
    func speciality(of s: Curriculum.SubjectPlan, grade: Int) -> Curriculum.Speciality {
        guard grade <= 4 else { return s.speciality }
        switch s.speciality {
        case .russian, .mathematics, .art, .technology, .primary: return .primary
        default: return s.speciality
        }
    }

    mutating func staffPerson(gender: PersonCard.Gender, roles: [Role]) throws -> Int {
        let father = rng.pick(RussianNames.maleNames)
        let birthYear = calendar.startYear - Int(rng.normal(44, 9).clamped(24, 64))
        let card = PersonCard(
            lastName: RussianNames.surname(rng.pick(RussianNames.surnames), gender: gender),
            firstName: rng.pick(gender == .male ? RussianNames.maleNames : RussianNames.femaleNames),
            middleName: RussianNames.patronymic(of: father, gender: gender), gender: gender,
            birthDate: randomDate(from: CivilDate(year: birthYear, month: 1, day: 1)!, days: 365), phone: phoneNumber())
        let id = try insert(card)
        for role in roles { try c.insertStaffRole(person: id, role: role) }
        roles.forEach { self.roles[id, default: []].append($0) }
        return id
    }

    /// Students class by class; each comes with a family (one or two guardians), and some
    /// families have a second child in another grade.
    mutating func createFamilies() throws {
        var free = classes.map(\.size)
        let admissionDay = calendar.yearStart
        for ci in classes.indices {
            while free[ci] > 0 {
                let surname = rng.pick(RussianNames.surnames)
                let fatherName = rng.pick(RussianNames.maleNames)
                var children = [try enrol(classIndex: ci, surname: surname, fatherName: fatherName, on: admissionDay)]
                free[ci] -= 1
                if rng.chance(0.15) {
                    let others = classes.indices.filter { free[$0] > 0 && classes[$0].name.grade != classes[ci].name.grade }
                    if !others.isEmpty {
                        let si = rng.pick(others)
                        children.append(try enrol(classIndex: si, surname: surname, fatherName: fatherName, on: admissionDay))
                        free[si] -= 1
                    }
                }
                let hasFather = rng.chance(0.7)
                let hasMother = !hasFather || rng.chance(0.93)
                let childBirth = people[children[0]]?.birthDate?.year ?? calendar.startYear - 10
                if hasMother {
                    try addGuardian(gender: .female, surname: surname, firstName: rng.pick(RussianNames.femaleNames),
                                    childBirthYear: childBirth, children: children, relation: "мать")
                }
                if hasFather {
                    try addGuardian(gender: .male, surname: surname, firstName: fatherName,
                                    childBirthYear: childBirth, children: children, relation: "отец")
                }
            }
        }
        for ci in classes.indices {
            for s in Curriculum.subjects where isSplit(s, grade: classes[ci].name.grade) {
                let sorted = classes[ci].students.sorted { (people[$0]?.fullName ?? "") < (people[$1]?.fullName ?? "") }
                let half = (sorted.count + 1) / 2
                var pair: [(id: Int, students: [Int])] = []
                for (gi, members) in [Array(sorted[..<half]), Array(sorted[half...])].enumerated() {
                    let gid = try c.insertGroup(year: year, class: classes[ci].id, subject: subjectIDs[s.name],
                                                name: "\(classes[ci].name) \(s.shortName) гр. \(gi + 1)")
                    for m in members { try c.insertGroupMember(group: gid, student: m) }
                    pair.append((gid, members))
                }
                classes[ci].subgroups[s.name] = pair
            }
        }
        progress("Обучающихся: \(studentClass.count), родителей: \(guardianChildren.count)")
    }

    mutating func enrol(classIndex ci: Int, surname: String, fatherName: String, on day: CivilDate) throws -> Int {
        let gender: PersonCard.Gender = rng.chance(0.5) ? .male : .female
        let grade = classes[ci].name.grade
        // Grade 1 on 1 September is 7 years old: born between September and August seven years earlier.
        let from = CivilDate(year: calendar.startYear - 7 - grade, month: 9, day: 1)!
        let card = PersonCard(lastName: RussianNames.surname(surname, gender: gender),
                              firstName: rng.pick(gender == .male ? RussianNames.maleNames : RussianNames.femaleNames),
                              middleName: RussianNames.patronymic(of: fatherName, gender: gender), gender: gender,
                              birthDate: randomDate(from: from, days: 364))
        let id = try insert(card)
        try c.insertEnrolment(student: id, class: classes[ci].id, joinedOn: day)
        classes[ci].students.append(id)
        studentClass[id] = classes[ci].name.description
        roles[id] = [.student]
        return id
    }

    mutating func addGuardian(gender: PersonCard.Gender, surname: String, firstName: String, childBirthYear: Int,
                              children: [Int], relation: String) throws {
        let birthYear = childBirthYear - Int(rng.normal(29, 4).clamped(19, 45))
        let card = PersonCard(lastName: RussianNames.surname(surname, gender: gender), firstName: firstName,
                              middleName: RussianNames.patronymic(of: rng.pick(RussianNames.maleNames), gender: gender),
                              gender: gender, birthDate: randomDate(from: CivilDate(year: birthYear, month: 1, day: 1)!, days: 364),
                              phone: phoneNumber())
        let id = try insert(card)
        for child in children { try c.insertGuardianLink(guardian: id, student: child, relation: relation) }
        guardianChildren[id] = children
        roles[id] = [.guardian]
    }

    /// Writes a person and the consent recorded for them before their data was entered.
    mutating func insert(_ card: PersonCard) throws -> Int {
        let id = try c.insertPerson(card, createdAt: createdAt)
        try c.insertConsent(person: id, givenOn: calendar.yearStart.adding(days: -14), document: "Согласие № \(id)",
                            givenBy: card.fullName, recordedBy: nil, at: createdAt)
        people[id] = card
        return id
    }

    mutating func randomDate(from start: CivilDate, days: Int) -> CivilDate {
        start.adding(days: Int(rng.next() % UInt64(days + 1)))
    }

    mutating func phoneNumber() -> String {
        let n = rng.next() % 10_000_000
        return "+7 9\(pad(Int(rng.next() % 100), 2)) \(pad(Int(n / 10000), 3))-\(pad(Int(n / 100 % 100), 2))-\(pad(Int(n % 100), 2))"
    }
}

extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(high, Swift.max(low, self)) }
}
