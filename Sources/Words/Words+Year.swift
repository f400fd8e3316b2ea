import Domain

/// The year's change: the administrator's page (`/school/year`), the class teacher's promotion
/// decisions, the year choosers of the archives.
extension Words {
    public var yearTitle: String { pick("Новый учебный год", "New school year") }
    public var yearHint: String { pick("Перевод учеников, выпуск, новый календарь", "Promotion, leavers, the new calendar") }
    public func yearCurrent(_ name: String, closed: Bool) -> String {
        closed ? pick("Последний учебный год: \(name) (закрыт)", "Latest school year: \(name) (closed)")
               : pick("Последний учебный год: \(name)", "Latest school year: \(name)")
    }
    public var yearExplain: String {
        pick("Новый год начинается от последнего: периоды и каникулы переносятся на новые даты (их можно исправить в разделах «Периоды» и «Каникулы»), классы 1–10 становятся на год старше с теми же буквами, ученики переходят в них со своими учётными записями, родителями и согласиями. Оставленные на повторное обучение остаются в своей параллели; 11 классы и выбывающие после 9 класса выбывают с последнего дня года. Нагрузка переносится черновиком. Прошлый год становится только для чтения. Новый 1 класс добавляется загрузкой списка учеников.",
             "The new year starts from the latest one: periods and holidays move to the new dates (edit them under Periods and Holidays), classes 1–10 become a grade older with the same letters, and students move into them with their accounts, parents and consents. Students kept back stay in their grade; grade 11 and those leaving after grade 9 leave on the year's last day. The teaching load is carried over as a draft. The past year becomes read-only. A new grade 1 comes with a students list upload.")
    }
    public func yearNotBegun(_ name: String) -> String {
        pick("Учебный год \(name) ещё не начался: следующий можно начать, когда он начнётся. Готовьте его в разделах «Школа» (выбор года).",
             "School year \(name) has not begun: the next one can be started once it has. Prepare it in the School sections (choose the year).")
    }
    public var yearDateExpected: String { pick("Укажите дату (ДД.ММ.ГГГГ).", "Enter a date (DD.MM.YYYY).") }
    public var yearStarts: String { pick("Первый день нового года", "First day of the new year") }
    public var yearPreview: String { pick("Проверить, что будет сделано", "Preview") }
    public var yearConfirm: String { pick("Начать новый учебный год", "Start the new school year") }
    /// The old year still has lessons ahead: starting the next one closes it all the same.
    public func yearStillRuns(_ name: String, until: CivilDate) -> String {
        pick("Учебный год \(name) ещё идёт: его последний период кончается \(until.russian). Начав новый год сейчас, вы закроете \(name) — отметки, темы и пропуски в нём больше нельзя будет ставить.",
             "School year \(name) is still running: its last period ends on \(until.russian). Starting the new year now closes \(name) — no more marks, topics or absences can be entered in it.")
    }

    public func yearPreviewTitle(_ name: String, _ from: CivilDate, _ to: CivilDate) -> String {
        pick("Будет начат учебный год \(name): \(from.russian) – \(to.russian). Пока ничего не записано.",
             "School year \(name) would start: \(from.russian) – \(to.russian). Nothing is saved yet.")
    }
    public func yearStarted(_ name: String) -> String {
        pick("Начат учебный год \(name). Прошлый год только для чтения.", "School year \(name) has started. The past year is read-only.")
    }
    public var yearClassMoves: String { pick("Классы", "Classes") }
    public var yearFromClass: String { pick("Был", "Was") }
    public var yearToClass: String { pick("Станет", "Becomes") }
    public var yearStudents: String { pick("Учеников", "Students") }
    public var yearNewFirstGrade: String { pick("новый набор (список — загрузкой)", "new intake (by a list upload)") }
    public var yearKeptBackOnly: String { pick("только оставленные", "kept back only") }
    public func yearFigures(promoted: Int, conditional: Int, keptBack: Int, graduates: Int, leavers: Int) -> String {
        pick("Переводятся: \(promoted), условно: \(conditional), остаются на повторное обучение: \(keptBack), выпуск 11 классов: \(graduates), выбывают после 9 класса: \(leavers).",
             "Promoted: \(promoted), conditionally: \(conditional), kept back: \(keptBack), grade 11 leavers: \(graduates), leaving after grade 9: \(leavers).")
    }
    public func yearCalendar(periods: Int, holidays: Int, groups: Int, assignments: Int) -> String {
        pick("Периодов: \(periods), каникул и праздников: \(holidays), групп: \(groups), нагрузка черновиком: \(assignments).",
             "Periods: \(periods), holidays: \(holidays), groups: \(groups), draft teaching assignments: \(assignments).")
    }
    public var yearExceptions: String { pick("Особые случаи", "Special cases") }
    public var yearStudent: String { pick("Ученик", "Student") }
    public var yearClass: String { pick("Класс", "Class") }
    public var yearWhere: String { pick("Куда", "Where to") }
    public func transfer(_ t: Transfer) -> String {
        switch t {
        case let .promoted(grade, letter, conditional):
            conditional ? pick("условно переведён в \(grade)\(letter)", "promoted conditionally to \(grade)\(letter)")
                        : pick("переведён в \(grade)\(letter)", "promoted to \(grade)\(letter)")
        case let .keptBack(grade, letter): pick("оставлен на повторное обучение в \(grade)\(letter)", "kept back in \(grade)\(letter)")
        case let .leaves(graduated): graduated ? pick("выпуск", "leaves school (grade 11)") : pick("выбывает после 9 класса", "leaves after grade 9")
        }
    }

    // MARK: Promotion decisions

    public var promotionTitle: String { pick("Перевод в следующий класс", "Promotion to the next grade") }
    public var promotionHint: String {
        pick("Без отметки ученик переводится в следующий класс (с академической задолженностью — условно). Отметьте исключения.",
             "Unmarked, a student moves up a grade (conditionally with academic debt). Mark the exceptions.")
    }
    public func promotion(_ d: PromotionDecision?) -> String {
        switch d {
        case nil: pick("переводится", "moves up")
        case .keptBack: pick("оставлен на повторное обучение", "kept back")
        case .conditional: pick("условно переведён", "promoted conditionally")
        case .leaves: pick("выбывает после 9 класса", "leaves after grade 9")
        }
    }
    public var promotionDebt: String { pick("задолженность", "academic debt") }
    public var promotionSave: String { pick("Сохранить", "Save") }
    public var promotionDecision: String { pick("Решение", "Decision") }

    // MARK: Draft teaching load

    public func draftAssignments(_ n: Int) -> String {
        pick("Черновик нагрузки из прошлого года: \(n). Проверьте и утвердите.", "Draft teaching load carried from last year: \(n). Check and confirm it.")
    }
    public var draftMark: String { pick("черновик", "draft") }
    public var draftConfirm: String { pick("Утвердить нагрузку", "Confirm the teaching load") }

    // MARK: Archives

    public var archiveYear: String { pick("Учебный год", "School year") }
    public var archiveShow: String { pick("Показать", "Show") }
    public var archiveClosed: String { pick("Год закрыт: только для чтения.", "The year is closed: read-only.") }
}
