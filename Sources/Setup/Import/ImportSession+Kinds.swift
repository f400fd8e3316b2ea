import Domain
import Storage

extension ImportSession {
    /// `Фамилия;Имя;Отчество;Дата рождения;Класс` [+ `Дата зачисления`, `Пол`, `Телефон`, `Email`, `Согласие`, `Документ согласия`].
    ///
    /// A new student joins the class on «Дата зачисления» (today when the column or the cell is
    /// empty); a student found in another class leaves it on that date and joins the new one
    /// the same day, one person with two enrolments. The journal lists a student on the lessons
    /// of that date on only.
    mutating func student(_ row: CSVTable.Row) throws {
        let card = try personCard(row)
        let consent = try consent(row, card: card)
        let target = try schoolClass(row, column: "Класс")
        let joinedOn = try enrolmentDate(row)
        try duplicate("\(card.fullName)|\(card.birthDate?.iso ?? "")", row)
        if let found = try c.findStudent(card, year: year.id) {
            if found.classID == target.id {
                report.unchanged += 1
                return
            }
            guard joinedOn >= found.joinedOn else {
                let given = value(row, "Дата зачисления")
                throw InputError(line: row.line, "«Дата зачисления»: «\(given.isEmpty ? joinedOn.russian + " (сегодня)" : given)» — раньше, чем \(card.fullName) зачислен(а) в \(try c.className(id: found.classID) ?? "прежний класс") (\(found.joinedOn.russian))")
            }
            try c.moveStudent(found.id, from: found.classID, to: target.id, on: joinedOn)
            record(.moved, row, "\(card.fullName) — перевод в \(target.name) с \(joinedOn.russian)")
            return
        }
        if let known = try c.findFormerStudent(card) {
            try c.insertEnrolment(student: known, class: target.id, joinedOn: joinedOn)
            record(.updated, row, "\(card.fullName), \(target.name) — зачисление с \(joinedOn.russian) (уже известен в Табеле)")
            return
        }
        let id = try createPerson(card, consent: consent, document: value(row, "Документ согласия"))
        try c.insertEnrolment(student: id, class: target.id, joinedOn: joinedOn)
        record(.created, row, "\(card.fullName), \(target.name) — новый обучающийся\(joinedOn == year.startsOn ? "" : " с \(joinedOn.russian)")")
    }

    /// The day a row's student joins their class: «Дата зачисления», or today (the year's first
    /// day for a year not begun yet); a day of the school year.
    func enrolmentDate(_ row: CSVTable.Row) throws -> CivilDate {
        let text = value(row, "Дата зачисления")
        guard !text.isEmpty else { return max(today, year.startsOn) }
        guard let date = CivilDate(russian: text) else {
            throw InputError(line: row.line, "«Дата зачисления»: «\(text)» — ожидается дата ДД.ММ.ГГГГ")
        }
        guard year.startsOn <= date, date <= year.endsOn else {
            throw InputError(line: row.line, "«Дата зачисления»: «\(text)» — не в \(year.name) учебном году (\(year.startsOn.russian)–\(year.endsOn.russian))")
        }
        return date
    }

    /// `Фамилия;Имя;Отчество;Должность` [+ `Классный руководитель`, `Телефон`, `Email`, `Согласие`].
    mutating func staffMember(_ row: CSVTable.Row) throws {
        let card = try personCard(row)
        let consent = try consent(row, card: card)
        let roles = try self.roles(row)
        let led = value(row, "Классный руководитель").isEmpty ? nil : try schoolClass(row, column: "Классный руководитель")
        try duplicate(card.fullName, row)
        let existing = try c.findStaff(card)
        let id = try existing ?? createPerson(card, consent: consent, document: value(row, "Документ согласия"))
        var changed = false
        for role in roles where try !c.hasRole(id, role) {
            try c.insertStaffRole(person: id, role: role)
            changed = true
        }
        if let led, try c.classTeacher(classID: led.id) != id {
            try c.setClassTeacher(class: led.id, teacher: id)
            changed = true
        }
        if existing == nil {
            record(.created, row, "\(card.fullName) — \(roles.map(\.russian).joined(separator: ", "))")
        } else if changed {
            record(.updated, row, "\(card.fullName) — обновлены должности или классное руководство")
        } else {
            report.unchanged += 1
        }
    }

    func roles(_ row: CSVTable.Row) throws -> [Role] {
        let names: [String: Role] = [
            "учитель": .teacher, "педагог": .teacher, "администратор": .administrator, "директор": .director,
            "заместительдиректора": .deputy, "завуч": .deputy, "заместитель": .deputy, "педагог-психолог": .psychologist,
            "психолог": .psychologist, "секретарь": .secretary,
        ]
        let text = value(row, "Должность")
        var roles: [Role] = []
        for part in text.split(separator: ",") {
            let key = CSVTable.normalise(String(part)).replacing("поувр", with: "").replacing("повр", with: "")
            guard let role = names[key] else {
                throw InputError(line: row.line, "«Должность»: «\(String(part).trimmingWhitespace)» не известна (учитель, классный руководитель задаётся отдельным столбцом; администратор, директор, заместитель директора, педагог-психолог, секретарь)")
            }
            if !roles.contains(role) { roles.append(role) }
        }
        guard !roles.isEmpty else { throw InputError(line: row.line, "не заполнен столбец «Должность»") }
        return roles
    }

    /// `Фамилия;Имя;Отчество;Ребёнок;Класс ребёнка` [+ `Кем приходится`, `Телефон`, `Email`, `Согласие`].
    mutating func guardian(_ row: CSVTable.Row) throws {
        let card = try personCard(row)
        let consent = try consent(row, card: card)
        let childClass = try schoolClass(row, column: "Класс ребёнка")
        let childName = value(row, "Ребёнок").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let children = try c.studentsNamed(childName, classID: childClass.id)
        guard children.count == 1 else {
            throw InputError(line: row.line, children.isEmpty
                ? "ученик «\(childName)» в классе \(childClass.name) не найден"
                : "в классе \(childClass.name) несколько учеников «\(childName)»: укажите отчество")
        }
        let child = children[0]
        try duplicate("\(card.fullName)|\(child)", row)
        if let found = try c.findGuardian(card, student: child) {
            if try c.isLinked(guardian: found, student: child) {
                report.unchanged += 1
            } else {
                try c.insertGuardianLink(guardian: found, student: child, relation: value(row, "Кем приходится"))
                record(.updated, row, "\(card.fullName) — ещё один ребёнок: \(childName)")
            }
            return
        }
        let id = try createPerson(card, consent: consent, document: value(row, "Документ согласия"))
        try c.insertGuardianLink(guardian: id, student: child, relation: value(row, "Кем приходится"))
        record(.created, row, "\(card.fullName) — родитель: \(childName), \(childClass.name)")
    }

    /// `Класс;День;Урок;Предмет;Учитель` [+ `Группа`, `Кабинет`].
    mutating func timetableEntry(_ row: CSVTable.Row) throws {
        let target = try schoolClass(row, column: "Класс")
        let weekday = try self.weekday(row)
        let bellText = value(row, "Урок")
        let bells = try c.bellNumbers(classID: target.id)
        guard let bell = Int(bellText), bells.contains(bell) else {
            throw InputError(line: row.line, "«Урок»: «\(bellText)» — нет такого урока в расписании звонков (есть: \(bells.map(String.init).joined(separator: ", ")))")
        }
        let subjectText = value(row, "Предмет")
        guard let subject = try c.subjectID(named: subjectText) else {
            throw InputError(line: row.line, "предмет «\(subjectText)» не найден (есть: \(try c.subjectNames().joined(separator: ", ")))")
        }
        let teacherText = value(row, "Учитель")
        let teachers = try c.staffNamed(teacherText)
        guard teachers.count == 1 else {
            throw InputError(line: row.line, teachers.isEmpty ? "учитель «\(teacherText)» не найден среди сотрудников"
                                                              : "учитель «\(teacherText)» неоднозначен: укажите полное имя")
        }
        let groupText = value(row, "Группа")
        var group: Int?
        if !groupText.isEmpty {
            guard let g = try c.groupID(named: groupText, classID: target.id) else {
                throw InputError(line: row.line, "группа «\(groupText)» в классе \(target.name) не найдена (есть: \(try c.groupNames(classID: target.id).joined(separator: ", ")))")
            }
            group = g
        }
        let roomText = value(row, "Кабинет")
        let room = roomText.isEmpty ? nil : try c.roomID(named: roomText)
        try duplicate("\(target.id)|\(group ?? 0)|\(weekday)|\(bell)", row)
        try c.ensureTeachingAssignment(year: year.id, teacher: teachers[0], subject: subject, classID: target.id, group: group)
        if let existing = try c.timetableEntry(classID: target.id, group: group, weekday: weekday, bell: bell, year: year.id) {
            if existing.subject == subject, existing.teacher == teachers[0], existing.room == room {
                report.unchanged += 1
            } else {
                try c.updateTimetableEntry(existing.id, subject: subject, teacher: teachers[0], room: room)
                record(.updated, row, "\(target.name), \(RussianCalendar.weekdaysShort[weekday - 1]), \(bell)-й урок изменён")
            }
            return
        }
        _ = try c.insertTimetableEntry(year: year.id, class: target.id, group: group, subject: subject, teacher: teachers[0], room: room,
                                       weekday: weekday, bell: bell, validFrom: year.startsOn, validTo: year.endsOn)
        record(.created, row, "\(target.name), \(RussianCalendar.weekdaysShort[weekday - 1]), \(bell)-й урок: \(subjectText)")
    }

    func weekday(_ row: CSVTable.Row) throws -> Int {
        let text = value(row, "День").lowercased()
        if let n = Int(text), (1...6).contains(n) { return n }
        for (i, short) in RussianCalendar.weekdaysShort.prefix(6).enumerated()
        where text == short.lowercased() || text == RussianCalendar.weekdays[i] {
            return i + 1
        }
        throw InputError(line: row.line, "«День»: «\(value(row, "День"))» — ожидается Пн, Вт, Ср, Чт, Пт, Сб или номер дня 1–6")
    }
}
