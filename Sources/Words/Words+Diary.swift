import Domain

/// The student's and guardian's diary (shared with the kiosk): the week, marks by subject,
/// final marks.
extension Words {
    /// «на 15.11» after the homework's label: the day it is due.
    public func due(_ date: CivilDate) -> String { pick("на \(date.shortRussian)", "due \(shortDate(date))") }
    /// Above homework set for one student only, as they read it.
    public var personalForYou: String { pick("Лично тебе", "Just for you") }
    /// As a parent, teacher or the administration reads it: «Лично для Артёма».
    public func personalFor(firstName: String, genitive: String) -> String { pick("Лично для \(genitive)", "Just for \(firstName)") }
    public var homeworkShort: String { pick("ДЗ", "Homework") }
    public var todayTag: String { pick("сегодня", "today") }
    public var noLessons: String { pick("Уроков нет.", "No lessons.") }
    public var tabWeek: String { pick("Неделя", "Week") }
    public var tabMarks: String { pick("Оценки", "Marks") }
    public var tabFinals: String { pick("Итоги", "Final marks") }
    public var previousWeek: String { pick("← Неделя", "← Week") }
    public var nextWeek: String { pick("Неделя →", "Week →") }
    public var children: String { pick("Дети", "Children") }
    public var weekExpected: String { pick("Неделя задаётся датой ГГГГ-ММ-ДД.", "A week is given by a date, YYYY-MM-DD.") }
    public var diaryRangeNeeded: String { pick("Укажите from и to в виде ГГГГ-ММ-ДД.", "Give from and to as YYYY-MM-DD.") }
    public var diaryRangeFormat: String { pick("Даты from и to задаются в виде ГГГГ-ММ-ДД.", "The dates from and to are written YYYY-MM-DD.") }

    // Marks by subject
    public var averageBefore: String { pick("Средний балл", "Average") }
    /// Between the average and the mark it gives now.
    public var averageGives: String { pick(" — сейчас выходит ", ", for now a ") }
    /// What it takes to reach the next mark: `count` fives of an answer in class.
    public func toNextMark(_ mark: Int, fives count: Int) -> String {
        pick("; до «\(mark)» — ещё \(count) \(russianPlural(count, "пятёрка", "пятёрки", "пятёрок")) за устный ответ",
             "; a \(mark) needs \(count == 1 ? "one more 5" : "\(count) more 5s") for answers in class")
    }
    public var noMarksYet: String { pick("Отметок пока нет.", "No marks yet.") }
    public func finalOf(_ mark: MarkValue) -> String { pick("итог: \(markFull(mark))", "final: \(markFull(mark))") }
    public var howItWorks: String { pick("Как считается", "How it is worked out") }
    public func formulaExplained(_ formula: String, rounding: String) -> String {
        pick("Средний взвешенный: Σ(вес × отметка) / Σ веса = \(formula). Округление: \(rounding).",
             "Weighted average: Σ(weight × mark) / Σ weights = \(formula). Rounding: \(rounding).")
    }
    public var noSubjectsYet: String { pick("В расписании класса пока нет предметов.", "The class's timetable has no subjects yet.") }
    public var wrongMark: String { pick("ошибка?", "wrong?") }
    public func whatIsWrong(mark: MarkValue, date: CivilDate) -> String {
        pick("Что не так с отметкой «\(markFull(mark))» за \(date.shortRussian)?", "What is wrong with the mark “\(markFull(mark))” given on \(shortDate(date))?")
    }
    public var tellTheTeacher: String { pick("Сообщить учителю", "Tell the teacher") }
    public var reportSent: String { pick("Сообщение отправлено учителю.", "Your message has been sent to the teacher.") }

    // Final marks
    public var yearMark: String { pick("Годовая отметка", "Year mark") }
    public var yearHeading: String { pick("Год", "Year") }
    public func acknowledgedOn(_ date: CivilDate) -> String { pick("ознакомлен(а) \(date.russian)", "seen on \(self.date(date))") }
    public var notAcknowledged: String { pick("родители ещё не ознакомились", "parents have not seen them yet") }
    public var acknowledge: String { pick("Ознакомлен(а) с итоговыми отметками", "I have seen the final marks") }
    public var noFinalMarksYet: String { pick("Итоговых отметок пока нет.", "No final marks yet.") }
    public var absencesThisYear: String { pick("Пропуски за учебный год", "Absences this school year") }
}
