import Domain

/// The reports' pages and exports (DOMAIN.md, "Reports").
extension Words {
    public var reportsSection: String { pick("Отчёты", "Reports") }
    public var reportsSectionText: String {
        pick("Накопляемость отметок, успеваемость и посещаемость за период или за даты", "Marks accumulated, progress and attendance over a period or dates")
    }
    public var reportsIntro: String { pick("Выберите класс и отчёт.", "Choose a class and a report.") }
    public var reportsNoClasses: String { pick("Нет классов, отчёты которых вам доступны.", "No class's reports are open to you.") }
    public var progressReportTitle: String { pick("Успеваемость и посещаемость", "Progress and attendance") }
    public func progressReportOf(_ className: String) -> String {
        pick("Успеваемость и посещаемость: \(className)", "Progress and attendance: \(className)")
    }
    public var progressReportExplained: String {
        pick("Средний балл — взвешенный, как в журнале. Качество — доля учеников со средним, дающим «4» или «5»; успеваемость — без «2»; считаются ученики, у которых есть отметки.",
             "Averages are weighted, as in the journal. Quality is the share of students whose average gives a 4 or a 5; success, no 2; of the students who have marks.")
    }
    public func reportPreliminary(_ endsOn: CivilDate, due: CivilDate) -> String {
        pick("Предварительный отчёт: период заканчивается \(date(endsOn)) (предварительный сдают с \(date(due))), отметки ещё могут измениться.",
             "Preliminary report: the period ends on \(date(endsOn)) (the preliminary one is due from \(date(due))); marks may still change.")
    }
    public var reportClass: String { pick("Класс", "Class") }
    public var reportPeriod: String { pick("Период", "Period") }
    public var reportDates: String { pick("или даты", "or dates") }
    public var reportFrom: String { pick("с", "from") }
    public var reportTo: String { pick("по", "to") }
    public var reportBySubject: String { pick("По предметам", "By subject") }
    public var reportByStudent: String { pick("По ученикам", "By student") }
    public var reportSubject: String { pick("Предмет", "Subject") }
    public var reportStudent: String { pick("Ученик", "Student") }
    public var reportStudents: String { pick("Учеников", "Students") }
    public var reportRated: String { pick("С отметками", "With marks") }
    public var reportAverage: String { pick("Средний балл", "Average") }
    public var reportQuality: String { pick("Качество, %", "Quality, %") }
    public var reportSuccess: String { pick("Успеваемость, %", "Success, %") }
    public func reportMarkCount(_ mark: Int) -> String { pick("«\(mark)»", "\"\(mark)\"") }
    public var reportMissedLessons: String { pick("Пропущено уроков", "Lessons missed") }
    public var reportMissedHours: String { pick("Часов", "Hours") }
    public func reportAbsenceLessons(_ code: AbsenceCode) -> String { pick("\(code.rawValue), уроков", "\(code.rawValue), lessons") }
    public func reportAbsenceHours(_ code: AbsenceCode) -> String { pick("\(code.rawValue), часов", "\(code.rawValue), hours") }
    public var reportRange: String { pick("Даты", "Dates") }
    public func reportDateRange(_ from: CivilDate, _ to: CivilDate) -> String { "\(date(from)) – \(date(to))" }
    /// A percentage or hours as short as they go: «85,7», "85.7".
    public func reportNumber(_ x: Double?) -> String { x.map(weight) ?? "—" }
}

/// The filling report (накопляемость).
extension Words {
    public var fillingReportTitle: String { pick("Накопляемость отметок и заполнение журнала", "Marks accumulated and the journal filled in") }
    public var fillingReportExplained: String {
        pick("Доли учеников — от списка класса (группы) за даты; доли уроков — от проведённых к сегодняшнему дню (без отменённых). «Зачёт» и «незачёт» — тоже отметки. Учитель — по расписанию.",
             "Students' shares are of the class's (group's) list over the dates; lessons' shares, of those held by today (not cancelled). A pass or a fail counts as a mark. The teacher is the timetabled one.")
    }
    public var reportTeacher: String { pick("Учитель", "Teacher") }
    public var reportGroup: String { pick("Группа", "Group") }
    public var reportNoMarks: String { pick("Без отметок, %", "No marks, %") }
    public var reportNoMarksCount: String { pick("Без отметок", "No marks") }
    public var reportOneMark: String { pick("С одной отметкой, %", "One mark, %") }
    public var reportOneMarkCount: String { pick("С одной отметкой", "One mark") }
    public var reportLessonsHeld: String { pick("Уроков проведено", "Lessons held") }
    public var reportWithTopic: String { pick("С темой, %", "With a topic, %") }
    public var reportWithHomework: String { pick("С заданием, %", "With homework, %") }
    public var reportNoLessons: String { pick("За эти даты уроков нет.", "No lessons over these dates.") }
}

/// The substitutions report.
extension Words {
    public var substitutionsReportTitle: String { pick("Пропущенные и замещённые уроки", "Missed and substituted lessons") }
    public var substitutionsReportExplained: String {
        pick("Пропущено — уроки учителя по расписанию, которые провёл другой учитель; отменено — его отменённые уроки; заменял — уроки, проведённые вместо другого учителя.",
             "Missed: the teacher's timetabled lessons another teacher gave; cancelled: their lessons cancelled; substituted: lessons they gave in another teacher's place.")
    }
    public var reportMissedByTeacher: String { pick("Пропущено (замена)", "Missed (substituted)") }
    public var reportCancelled: String { pick("Отменено", "Cancelled") }
    public var reportSubstituted: String { pick("Заменял", "Substituted") }
    public var reportNoChanges: String { pick("За эти даты замен и отмен нет.", "No substitutions or cancellations over these dates.") }
}

/// The activity report.
extension Words {
    public var activityReportTitle: String { pick("Активность пользователей", "Users' activity") }
    public var activityReportExplained: String {
        pick("По журналу изменений: входы — в браузере и на киоске; изменения — все записанные действия, кроме входов и отказов в доступе. Неделя — с понедельника.",
             "From the change log: sign-ins in a browser and at a kiosk; changes, every recorded action but sign-ins and refusals. Weeks start on Monday.")
    }
    public var reportByRole: String { pick("По ролям", "By role") }
    public var reportByWeek: String { pick("По неделям", "By week") }
    public var reportRole: String { pick("Роль", "Role") }
    public var reportAccountsActive: String { pick("Учётных записей", "Accounts") }
    public var reportSignIns: String { pick("Входов", "Sign-ins") }
    public var reportChanges: String { pick("Изменений", "Changes") }
    public var reportWeek: String { pick("Неделя", "Week") }
    public var reportUser: String { pick("Пользователь", "User") }
    public var reportLogin: String { pick("Логин", "Login") }
    public var reportNoActivity: String { pick("За эти даты никто не входил и ничего не менял.", "Nobody signed in or changed anything over these dates.") }
}

/// The forecast of period marks.
extension Words {
    public var forecastReportTitle: String { pick("Прогноз итоговых отметок", "Forecast of period marks") }
    public func forecastReportOf(_ className: String) -> String { pick("Прогноз итоговых отметок: \(className)", "Forecast of period marks: \(className)") }
    public func forecastDue(_ endsOn: CivilDate, due: CivilDate) -> String {
        pick("Период заканчивается \(date(endsOn)); прогноз готовят за 10 дней, с \(date(due)).",
             "The period ends on \(date(endsOn)); the forecast is drawn ten days before, from \(date(due)).")
    }
    public func forecastRule(_ rule: RoundingRule) -> String {
        pick("Отметка — по текущему взвешенному среднему: \(rule.russian).",
             "The mark comes from the current weighted average: from \(weight(rule.threshold3)) a 3, from \(weight(rule.threshold4)) a 4, from \(weight(rule.threshold5)) a 5.")
    }
}

/// The timeliness report.
extension Words {
    public var timelinessReportTitle: String { pick("Своевременность выставления отметок и домашних заданий", "Timeliness of marks and homework") }
    public func timelinessReportExplained(homeworkMinutes: Int) -> String {
        pick("По журналу изменений, для уроков за эти даты. Устный ответ — в течение 1 дня после урока; письменные работы — 5 дней (2–9 классы), 7 дней (10–11); домашнее задание — не позже \(homeworkMinutes) мин. после последнего урока класса в этот день. Перенос из бумажного журнала не считается опозданием.",
             "From the change log, for the lessons of these dates. An oral answer within a day of the lesson; written work within 5 days (grades 2–9) or 7 (10–11); homework no later than \(homeworkMinutes) min after the class's last lesson of the day. Entries transferred from a paper journal are not late.")
    }
    public var reportMarksGiven: String { pick("Отметок", "Marks") }
    public var reportHomeworkGiven: String { pick("Уроков с заданием", "Lessons with homework") }
    public var reportLate: String { pick("С опозданием", "Late") }
    public var reportLatePercent: String { pick("С опозданием, %", "Late, %") }
    public var reportNoEntries: String { pick("За эти даты записей нет.", "No entries over these dates.") }
}

/// The reports' charts: each has its numbers beside its bars and a description for screen readers.
extension Words {
    public var chartMarksTitle: String { pick("Распределение по отметкам: ученики по среднему баллу", "Students by the mark their average gives") }
    public func chartMarksDescription(_ className: String) -> String {
        pick("Для каждого предмета класса \(className) — сколько учеников имеют средний балл, дающий «5», «4», «3» и «2»; числа написаны справа от полос и в таблице «По предметам».",
             "For each subject of class \(className), how many students' averages give a 5, 4, 3 and 2; the numbers are written beside the bars and in the table By subject.")
    }
    public func chartCount(_ mark: Int, _ n: Int) -> String { "«\(mark)» \(n)" }
    public var chartAttendanceTitle: String { pick("Пропуски по неделям", "Absences by week") }
    public var chartAttendanceDescription: String {
        pick("Для каждой недели — сколько уроков пропущено, по причинам Н, Б, У и опоздания О; числа написаны справа от полос.",
             "For each week, the lessons missed by reason and the times late; the numbers are written beside the bars.")
    }
    public func chartWeek(_ monday: CivilDate) -> String { "\(shortDate(monday))–\(shortDate(monday.adding(days: 5)))" }
    public var chartNoAbsences: String { pick("нет", "none") }
    public var chartFillingTitle: String { pick("Заполнение журнала по учителям: уроки с темой, %", "The journal filled in by teacher: lessons with a topic, %") }
    public var chartFillingDescription: String {
        pick("Для каждого учителя — доля проведённых уроков с записанной темой; справа — доли уроков с темой и с домашним заданием.",
             "For each teacher, the share of lessons held that have a topic; beside it, the shares of lessons with a topic and with homework.")
    }
    public func chartFillingFigures(topic: String, homework: String) -> String {
        pick("темы \(topic) % · д/з \(homework) %", "topics \(topic) % · hw \(homework) %")
    }
}
