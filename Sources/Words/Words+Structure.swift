import Domain

/// The school's structure: its pages (`/school/…`), the refusals of `StructureDesk` and the
/// text of its audit rows (always Russian: the trail is read as it was written).
extension Words {
    public var menuSchool: String { pick("Школа", "School") }

    // MARK: Sections

    public var structureTitle: String { pick("Школа: учебный год", "School: the year") }
    public var structurePeriods: String { pick("Периоды", "Periods") }
    public var structureHolidays: String { pick("Каникулы и праздники", "Holidays") }
    public var structureBells: String { pick("Звонки", "Bells") }
    public var structureRooms: String { pick("Кабинеты", "Rooms") }
    public var structureSubjects: String { pick("Предметы", "Subjects") }
    public var structureClasses: String { pick("Классы", "Classes") }
    public var structureAssignments: String { pick("Нагрузка", "Teaching") }
    public var structureMenuHint: String {
        pick("Периоды, каникулы, звонки, кабинеты, предметы, классы, нагрузка", "Periods, holidays, bells, rooms, subjects, classes, teaching")
    }

    public var structurePeriodsHint: String { pick("Четверти и полугодия с датами", "Quarters and half-years with their dates") }
    public var structureHolidaysHint: String { pick("Каникулы и праздники, в том числе для отдельных классов", "Breaks and public holidays, also for some grades") }
    public var structureBellsHint: String { pick("Расписания звонков и время уроков", "Bell schedules and lesson times") }
    public var structureRoomsHint: String { pick("Кабинеты для расписания", "Rooms for the timetable") }
    public var structureSubjectsHint: String { pick("Предметы и как они оцениваются", "Subjects and how they are assessed") }
    public var structureClassesHint: String { pick("Классы, классные руководители, звонки, периоды", "Classes, class teachers, bells, periods") }
    public var structureAssignmentsHint: String { pick("Кто какой предмет ведёт в каком классе", "Who teaches which subject to which class") }

    public var structurePeriodsRule: String {
        pick("Классы 2–9 отчитываются по четвертям, 10–11 — по полугодиям (схему задаёт класс). Периоды схемы идут по порядку номеров, не пересекаются и лежат в учебном году. Изменение дат перепланирует уроки.",
             "Grades 2–9 report by quarters, 10–11 by half-years (each class has its scheme). A scheme's periods follow their numbers, do not overlap and lie within the year. Changing the dates re-plans the lessons.")
    }
    public var structureHolidaysRule: String {
        pick("В эти дни у указанных классов уроков нет: например, дополнительная неделя в феврале только для 1 класса. Добавление, изменение и удаление перепланирует уроки.",
             "No lessons on these days for the grades given: grade 1's extra February week, for instance. Adding, changing or removing one re-plans the lessons.")
    }
    public var structureBellsRule: String {
        pick("Номера уроков от 0 до 12; уроки одного расписания идут по порядку и не пересекаются. Номер урока менять нельзя — его называет расписание уроков.",
             "Lessons are numbered 0 to 12; a schedule's lessons follow in order and do not overlap. A lesson's number stays: the timetable names it.")
    }
    public var structureSubjectsRule: String {
        pick("Оценивание: отметки 1–5, зачёт/незачёт или без отметок. Пока в журнале года есть отметки по предмету, его оценивание не меняется. Зачёты в журнале появятся позже; по предмету без отметок журнал отметок не примет.",
             "Assessment: marks 1–5, pass/fail, or none. While the year's journal has marks in a subject, its assessment stays. Pass/fail entries in the journal come later; a subject without marks takes none.")
    }
    public var structureClassesRule: String {
        pick("Смена параллели или схемы периодов перепланирует уроки класса; схема не меняется, если уже выставлены итоговые отметки за периоды. Удалить можно только класс без учеников, уроков и расписания.",
             "A new grade or period scheme re-plans the class's lessons; the scheme stays once period marks are set. Only a class without students, lessons and timetable can be removed.")
    }

    // MARK: Column heads and fields

    public var structureYear: String { pick("Учебный год", "School year") }
    public var structureShow: String { pick("Показать", "Show") }
    public var structureNumber: String { pick("№", "No.") }
    public var structureName: String { pick("Название", "Name") }
    public var structureNameOptional: String { pick("Название (можно не указывать)", "Name (optional)") }
    public var structureStartsOn: String { pick("Начало", "First day") }
    public var structureEndsOn: String { pick("Конец", "Last day") }
    public var structureLength: String { pick("Длительность", "Length") }
    public var structureScheme: String { pick("Схема периодов", "Period scheme") }
    public var structureSchemeByGrade: String { pick("по параллели (2–9 четверти, 10–11 полугодия)", "by grade (2–9 quarters, 10–11 half-years)") }
    public var structureQuarters: String { pick("Четверти", "Quarters") }
    public var structureHalves: String { pick("Полугодия", "Half-years") }
    public var structureGradesHead: String { pick("Классы", "Grades") }
    public var structureFromGrade: String { pick("С класса", "From grade") }
    public var structureToGrade: String { pick("По класс", "To grade") }
    public var structureBellNumber: String { pick("Урок", "Lesson") }
    public var structureStartsAt: String { pick("Начало", "Starts") }
    public var structureEndsAt: String { pick("Конец", "Ends") }
    public var structureScheduleName: String { pick("Название расписания", "Schedule name") }
    public var structureShortName: String { pick("Сокращение", "Short name") }
    public var structureScaleHead: String { pick("Оценивание", "Assessment") }
    public var structureGrade: String { pick("Параллель", "Grade") }
    public var structureLetter: String { pick("Буква", "Letter") }
    public var structureClass: String { pick("Класс", "Class") }
    public var structureClassTeacher: String { pick("Классный руководитель", "Class teacher") }
    public var structureBellSchedule: String { pick("Звонки", "Bells") }
    public var structureMarks: String { pick("Отметки", "Marks") }
    public var structureSubject: String { pick("Предмет", "Subject") }
    public var structureGroup: String { pick("Группа", "Group") }
    public var structureTeacher: String { pick("Учитель", "Teacher") }
    public var structureHours: String { pick("Часов в неделю", "Hours a week") }
    public var structureDate: String { pick("Дата", "Date") }
    public var structureEntered: String { pick("Что записано", "Entered") }

    public var structureYes: String { pick("ставятся", "yes") }
    public var structureNo: String { pick("не ставятся", "no") }
    public var structureNobody: String { pick("— не назначен —", "— none —") }
    public var structureWholeClass: String { pick("весь класс", "whole class") }
    public var structureNone: String { pick("Пока ничего нет.", "Nothing yet.") }
    public var structureNoBells: String { pick("Уроков в расписании пока нет.", "No lessons in this schedule yet.") }
    public var structureNoClasses: String { pick("Ни один класс не занимается по этому расписанию.", "No class rings by this schedule.") }
    public var structureNoYear: String {
        pick("Учебный год не задан: создайте его командой «tabel setup init».", "No school year yet: create one with «tabel setup init».")
    }

    public func structureUsedBy(_ classes: String) -> String { pick("Классы: \(classes)", "Classes: \(classes)") }
    public func structureBellLabel(_ schedule: String, _ number: Int) -> String { pick("\(schedule), \(number)-й урок", "\(schedule), lesson \(number)") }
    public func structureGrades(_ grades: ClosedRange<Int>) -> String {
        grades.lowerBound == grades.upperBound ? pick("\(grades.lowerBound) класс", "grade \(grades.lowerBound)")
            : pick("\(grades.lowerBound)–\(grades.upperBound) классы", "grades \(grades.lowerBound)–\(grades.upperBound)")
    }
    public func structureDays(_ n: Int) -> String { pick("\(n) \(Self.russianPlural(n, "день", "дня", "дней"))", n == 1 ? "1 day" : "\(n) days") }
    public func structureScale(_ scale: SubjectScale) -> String {
        switch scale {
        case .marks: pick("отметки 1–5", "marks 1–5")
        case .passFail: pick("зачёт / незачёт", "pass / fail")
        case .unmarked: pick("без отметок", "no marks")
        }
    }

    // MARK: Buttons and notices

    public var structureAdd: String { pick("Добавить", "Add") }
    public var structureSave: String { pick("Сохранить", "Save") }
    public var structureDelete: String { pick("Удалить", "Delete") }
    public var structureRename: String { pick("Переименовать", "Rename") }
    public var structureDeleteSchedule: String { pick("Удалить расписание", "Delete the schedule") }
    public var structureAddPeriod: String { pick("Добавить период", "Add a period") }
    public var structureAddHoliday: String { pick("Добавить каникулы или праздник", "Add a holiday") }
    public var structureAddSchedule: String { pick("Добавить расписание звонков", "Add a bell schedule") }
    public var structureAddBell: String { pick("Добавить урок", "Add a lesson") }
    public var structureAddRoom: String { pick("Добавить кабинет", "Add a room") }
    public var structureAddSubject: String { pick("Добавить предмет", "Add a subject") }
    public var structureAddClass: String { pick("Добавить класс", "Add a class") }
    public var structureAddAssignment: String { pick("Добавить нагрузку", "Add teaching") }

    public var structureSaved: String { pick("Сохранено.", "Saved.") }
    public var structureNotSaved: String { pick("Не сохранено: исправьте отмеченное.", "Not saved: correct what is marked.") }
    public func structureSavedReplanned(created: Int, removed: Int) -> String {
        pick("Сохранено. Уроки перепланированы: добавлено \(created), удалено \(removed).",
             "Saved. Lessons re-planned: \(created) added, \(removed) removed.")
    }

    // MARK: Counts on the index

    public func structureCount(_ n: Int) -> String { pick("Всего: \(n)", "\(n) in all") }
    public func structurePeriodsCount(quarters: Int, halves: Int) -> String { pick("Четвертей: \(quarters), полугодий: \(halves)", "\(quarters) quarters, \(halves) half-years") }
    public func structureSchedulesCount(_ n: Int) -> String { pick("Расписаний: \(n)", "\(n) schedules") }
    public func structureAssignmentsCount(_ n: Int, hours: String) -> String { pick("Записей: \(n), часов в неделю: \(hours)", "\(n) entries, \(hours) hours a week") }
    public func structureAssignmentsOf(_ className: String, hours: String) -> String {
        pick("Нагрузка \(className): \(hours) ч в неделю", "Teaching in \(className): \(hours) hours a week")
    }

    // MARK: Lessons outside the plan

    public func structureOutsidePlan(_ n: Int) -> String {
        pick("Уроки вне плана с записями: \(n)", "Lessons outside the plan with entries: \(n)")
    }
    public var structureOutsidePlanHint: String {
        pick("Эти уроки приходятся на каникулы или не попадают ни в один период класса, но за них уже есть отметки, пропуски, тема или задание — поэтому они остались. Перенесите их или проверьте даты.",
             "These lessons fall on a holiday or in no period of their class, but something is entered for them (marks, absences, a topic or homework), so they stay. Move them or check the dates.")
    }
    public func structureMarksCount(_ n: Int) -> String { pick("отметок: \(n)", "marks: \(n)") }
    public func structureAbsencesCount(_ n: Int) -> String { pick("пропусков: \(n)", "absences: \(n)") }
    public var structureTopicEntered: String { pick("своя тема", "a topic of its own") }
    public var structureHomeworkEntered: String { pick("задание", "homework") }
    public var structureRemarksEntered: String { pick("замечания", "remarks") }
    public var structureTimetableChanged: String { pick("изменение расписания", "a timetable change") }
    public var structureOpenLesson: String { pick("открыть урок", "open the lesson") }
    public func structureMore(_ n: Int) -> String { pick("И ещё \(n).", "And \(n) more.") }

    // MARK: Refusals

    public var structureNotFound: String { pick("Такого нет: возможно, его уже удалили.", "There is no such thing: it may have been deleted.") }

    /// What is wrong with a value of the school's structure.
    public func problem(_ problem: StructureProblem) -> String {
        switch problem {
        case .required: pick("Заполните это поле.", "Fill this in.")
        case let .tooLong(max): pick("Не длиннее \(max) знаков.", "At most \(max) characters.")
        case .notADate: pick("Дата в виде ДД.ММ.ГГГГ.", "A date as DD.MM.YYYY.")
        case .notATime: pick("Время в виде ЧЧ:ММ.", "A time as HH:MM.")
        case .notANumber: pick("Нужно число.", "A number, please.")
        case .endsBeforeStart: pick("Конец раньше начала.", "It ends before it starts.")
        case let .outsideYear(year):
            pick("Вне учебного года \(year.name) (\(year.startsOn.russian)–\(year.endsOn.russian)).",
                 "Outside the school year \(year.name) (\(year.startsOn.russian)–\(year.endsOn.russian)).")
        case let .outOfRange(range): pick("От \(range.lowerBound) до \(range.upperBound).", "From \(range.lowerBound) to \(range.upperBound).")
        case let .numberTaken(n): pick("Номер \(n) уже есть.", "Number \(n) is taken.")
        case let .nameTaken(name): pick("«\(name)» уже есть.", "«\(name)» exists already.")
        case let .overlapsPeriod(name): pick("Пересекается с периодом «\(name)».", "Overlaps «\(name)».")
        case let .periodOrder(name): pick("Периоды идут по порядку номеров: не сходится с «\(name)».", "Periods follow their numbers: this does not fit «\(name)».")
        case let .overlapsBell(n): pick("Пересекается с \(n)-м уроком.", "Overlaps lesson \(n).")
        case let .bellOrder(n): pick("Уроки идут по порядку номеров: не сходится с \(n)-м уроком.", "Lessons follow their numbers: this does not fit lesson \(n).")
        case .gradeOrder: pick("«По класс» не меньше «с класса».", "«To grade» is not below «from grade».")
        case .unknownChoice: pick("Выберите из списка.", "Choose from the list.")
        case .hours: pick("От 0 до 40 часов, можно с половиной (1,5).", "0 to 40 hours, halves allowed (1.5).")
        case .letter: pick("Одна буква: \(ClassName.letters.map(String.init).joined(separator: ", ")).", "One letter: \(ClassName.letters.map(String.init).joined(separator: ", ")).")
        case .assignmentExists: pick("Этот учитель уже ведёт этот предмет в этом классе (группе).", "This teacher teaches this subject to this class (group) already.")
        case .groupOfAnotherClass: pick("Группа другого класса.", "A group of another class.")
        case let .missingBells(numbers):
            pick("В этом расписании нет уроков, которые стоят в расписании класса: \(numbers.map(String.init).joined(separator: ", ")).",
                 "The schedule lacks lessons the class's timetable uses: \(numbers.map(String.init).joined(separator: ", ")).")
        case .periodMarksSet: pick("В классе уже выставлены итоговые отметки за периоды: схему не изменить.", "Period marks are set in this class: the scheme stays.")
        case .scaleInUse: pick("В журнале этого года уже есть отметки по предмету: оценивание не изменить.", "This year's journal has marks in the subject: the assessment stays.")
        case let .inUse(refs):
            pick("Не удалить: на это ссылаются " + references(refs, russian: true) + ".",
                 "Cannot delete: referred to by " + references(refs, russian: false) + ".")
        }
    }

    func references(_ references: [StructureReference: Int], russian: Bool) -> String {
        StructureReference.allCases.compactMap { r in references[r].map { "\(reference(r, russian: russian)): \($0)" } }.joined(separator: ", ")
    }

    func reference(_ r: StructureReference, russian: Bool) -> String {
        switch r {
        case .students: russian ? "ученики" : "students"
        case .lessons: russian ? "уроки" : "lessons"
        case .timetable: russian ? "расписание уроков" : "timetable entries"
        case .assignments: russian ? "нагрузка" : "teaching assignments"
        case .groups: russian ? "группы" : "groups"
        case .plan: russian ? "темы КТП" : "thematic plan topics"
        case .periodMarks: russian ? "итоговые отметки" : "period marks"
        case .acknowledgements: russian ? "ознакомления родителей" : "families' acknowledgements"
        case .classes: russian ? "классы" : "classes"
        case .unlocks: russian ? "разрешения на исправления" : "journal unlocks"
        case .events: russian ? "события" : "events"
        }
    }

    // MARK: The audit trail's text

    public func auditPeriod(_ p: Period) -> String {
        "\(p.name) (\(p.scheme == .quarter ? "четверти" : "полугодия"), № \(p.number)): \(p.startsOn.russian)–\(p.endsOn.russian)"
    }

    public func auditHoliday(_ h: Holiday) -> String {
        "\(h.name): \(h.startsOn.russian)–\(h.endsOn.russian), \(Words.russian.structureGrades(h.grades))"
    }

    public func auditSchedule(_ name: String) -> String { "звонки «\(name)»" }
    public func auditBell(_ b: Bell) -> String { "\(b.number)-й урок \(b.startsAt)–\(b.endsAt)" }

    public func auditSubject(_ s: Subject) -> String { "\(s.name) (\(s.shortName)), \(Words.russian.structureScale(s.scale))" }

    public func auditClass(_ p: ClassProfile, teacher: String?, schedule: String) -> String {
        "\(p.name) (\(p.grade)\(p.letter)): кл. рук. \(teacher?.trimmingWhitespace ?? "не назначен"), звонки «\(schedule)», "
            + "\(p.scheme == .quarter ? "четверти" : "полугодия"), отметки \(p.marksEnabled ? "ставятся" : "не ставятся")"
    }

    public func auditAssignment(teacher: String, subject: String, className: String, group: String?, hours: String) -> String {
        "\(teacher) — \(subject) — \(className)\(group.map { ", \($0)" } ?? ""), \(hours) ч в неделю"
    }

    public func auditReplan(created: Int, removed: Int, outside: Int) -> String {
        "уроков добавлено \(created), удалено \(removed); вне плана с записями \(outside)"
    }

    /// «1 день», «2 дня», «5 дней».
    static func russianPlural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let (t, h) = (n % 10, n % 100)
        if t == 1 && h != 11 { return one }
        if (2...4).contains(t) && !(12...14).contains(h) { return few }
        return many
    }

    /// The reason audit rows of a re-plan give when the school's calendar or a class changed.
    public var structureReplanReason: String { pick("изменение учебного года", "the school year changed") }
}
