import Domain

/// The home page: the greeting, the sections one may open, the bells, reports of wrong marks.
extension Words {
    public var homeTitle: String { pick("Главная", "Home") }
    public var greeting: String { pick("Здравствуйте!", "Hello!") }
    /// A student by first name.
    public func greetStudent(_ firstName: String) -> String { pick("Здравствуй, \(firstName)!", "Hello, \(firstName)!") }
    /// A grown-up by name and patronymic.
    public func greetAdult(_ names: String) -> String { pick("Здравствуйте, \(names)!", "Hello, \(names)!") }
    public var noSchoolYear: String { pick("На эту дату учебный год не задан.", "No school year is set for this date.") }
    public var passwordChanged: String { pick("Пароль изменён.", "Your password has been changed.") }
    public var bellsTitle: String { pick("Звонки", "Bell times") }
    public var bellsLesson: String { pick("Урок", "Lesson") }
    public var bellsTime: String { pick("Время", "Time") }

    // The sections: a title and what is inside
    public var sectionMyDiary: String { pick("Мой дневник", "My diary") }
    public func sectionChildDiary(_ name: String) -> String { pick("Дневник: \(name)", "Diary: \(name)") }
    public var sectionDiaryText: String { pick("Расписание, домашние задания, отметки и пропуски", "Timetable, homework, marks and absences") }
    public var sectionMyDayText: String { pick("Сегодняшние уроки: тема, задание, посещаемость, отметки", "Today's lessons: topic, homework, attendance, marks") }
    public var sectionJournalsText: String {
        pick("Классы и предметы: отметки, пропуски, средний балл, итоговые", "Classes and subjects: marks, absences, averages, final marks")
    }
    public var sectionUnlocks: String { pick("Открытие журнала", "Reopening the journal") }
    public var sectionUnlocksText: String { pick("Разрешить исправления, перенос из бумажных журналов", "Allow corrections, transfer from paper journals") }
    public var sectionChanges: String { pick("Изменения расписания", "Timetable changes") }
    public var sectionChangesText: String {
        pick("Замены, отмены и переносы уроков сегодня по всей школе", "Today's substitutions, cancelled and moved lessons across the school")
    }
    public var sectionSubstitutions: String { pick("Замены и изменения расписания", "Substitutions and timetable changes") }
    public var sectionSubstitutionsText: String { pick("Уроки любого учителя на любой день", "Any teacher's lessons on any day") }
    public var sectionSettings: String { pick("Настройки журнала", "Journal settings") }
    public var sectionSettingsText: String {
        pick("Срок исправления отметок, виды работ и веса, округление", "Time to correct marks, types of work and weights, rounding")
    }
    public var sectionAudit: String { pick("Журнал изменений", "Change log") }
    public var sectionAuditText: String {
        pick("Кто, когда и что изменил в отметках и пропусках; выгрузка CSV", "Who changed which marks and absences, and when; CSV export")
    }
    public var sectionReports: String { pick("Сообщения об ошибках в отметках", "Reports of wrong marks") }
    public var sectionReportsText: String { pick("От учеников и родителей, по всей школе", "From students and parents, across the school") }
    public var sectionPeople: String { pick("Люди и учётные записи", "People and accounts") }
    public var sectionPeopleText: String { pick("Поиск, карточки, согласия, листки с логинами", "Search, records, consents, login slips") }
    public func sectionMyClass(_ name: String) -> String { pick("Мой класс \(name)", "My class \(name)") }
    public var sectionMyClassText: String {
        pick("Посещаемость и причины пропусков, родители, ознакомление с итоговыми, кто не входил",
             "Attendance and reasons for absence, parents, who has seen the final marks, who has not signed in yet")
    }
    public func sectionClassSlips(_ name: String) -> String { pick("Логины класса \(name)", "Logins of class \(name)") }
    public var sectionClassSlipsText: String { pick("Листки с логинами для учеников и родителей", "Login slips for students and parents") }
    public var sectionPassword: String { pick("Сменить пароль", "Change password") }
    public var sectionPasswordText: String { pick("Задать новый пароль для входа", "Set a new password for signing in") }

    // Reports of wrong marks
    public var reportsTitle: String { pick("Сообщения об ошибках", "Reports of wrong marks") }
    public var reportsAboutYourMarks: String { pick("Сообщения об ошибках в ваших отметках", "Reports of wrong marks in your lessons") }
    public var reportsNone: String { pick("Сообщений нет.", "No reports.") }
    public var reportsLesson: String { pick("Урок", "Lesson") }
    public var reportsClass: String { pick("Класс", "Class") }
    public var reportsSubject: String { pick("Предмет", "Subject") }
    public var reportsStudent: String { pick("Ученик", "Student") }
    public var reportsMark: String { pick("Отметка", "Mark") }
    public var reportsMessage: String { pick("Сообщение", "Message") }
}
