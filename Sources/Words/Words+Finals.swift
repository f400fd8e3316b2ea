import Domain

/// Year, exam and final marks, pass/fail marks, the families' acknowledgements with their
/// messages and the answers to wrong-mark reports (issue #12).
extension Words {
    /// A mark as a cell of the grid shows it: «5», «зач», «незач», «н/а», «осв».
    public func markShort(_ v: MarkValue) -> String {
        switch v {
        case let .mark(n): String(n)
        case .pass(true): pick("зач", "pass")
        case .pass(false): pick("незач", "fail")
        case .notAssessed: pick("н/а", "n/a")
        case .exempt: pick("осв", "exempt")
        }
    }

    /// A mark in full: «5», «зачёт», «незачёт», «н/а», «осв».
    public func markFull(_ v: MarkValue) -> String {
        switch v {
        case let .mark(n): String(n)
        case .pass(true): pick("зачёт", "pass")
        case .pass(false): pick("незачёт", "fail")
        case .notAssessed: pick("н/а", "not assessed")
        case .exempt: pick("осв", "exempt")
        }
    }

    /// What a short mark stands for, on hover.
    public func markTitle(_ v: MarkValue) -> String {
        switch v {
        case .notAssessed: pick("не аттестован(а)", "not assessed")
        case .exempt: pick("освобождён(а)", "exempt")
        default: markFull(v)
        }
    }

    /// A column of the year's marks: «Год», «Экз.», «Итог».
    public func kindHeading(_ kind: PeriodMarkKind) -> String {
        switch kind {
        case .period: pick("Период", "Period")
        case .year: pick("Год", "Year")
        case .exam: pick("Экз.", "Exam")
        case .final: pick("Итог", "Final")
        }
    }

    /// The same in full, on hover and in labels.
    public func kindName(_ kind: PeriodMarkKind) -> String {
        switch kind {
        case .period: pick("Отметка за период", "Period mark")
        case .year: pick("Годовая отметка", "Year mark")
        case .exam: pick("Экзаменационная отметка", "Exam mark")
        case .final: pick("Итоговая отметка", "Final mark")
        }
    }

    public func kindMarkOf(_ kind: PeriodMarkKind, _ name: String) -> String { "\(kindName(kind)): \(name)" }

    /// The grid's tab of the year's marks.
    public var yearAndFinalTab: String { pick("Год и итог", "Year and final") }
    /// The final mark the school's rule gives from the year and exam marks.
    public func bySchoolRule(_ v: MarkValue) -> String { pick("по правилу: \(markFull(v))", "by the rule: \(markFull(v))") }
    public var finalRuleExplained: String {
        pick("Итоговая — годовая, а при экзамене — среднее годовой и экзаменационной, округлённое в пользу ученика (4 и 3 — «4»); по зачётному предмету зачёт — когда зачтены оба.",
             "The final mark is the year mark, or with an exam the mean of the year and exam marks rounded up (4 and 3 give 4); on a pass/fail subject a pass needs both.")
    }
    public var finalsWindowClosed: String {
        pick("Годовые, экзаменационные и итоговые отметки ставятся с последних дней последнего периода до конца учебного года.",
             "Year, exam and final marks are given from the last days of the last period to the end of the school year.")
    }
    public var yearReasonLabel: String {
        pick("Причина годовых отметок без отметок за все периоды (если нужна)", "Why a year mark is given without every period's mark (if needed)")
    }
    public var yearReasonPrompt: String {
        pick("Годовая без отметок за все периоды. Укажите причину:", "A year mark without every period's mark. Say why:")
    }
    public var saveYearMarks: String { pick("Сохранить годовые и итоговые", "Save year and final marks") }
    public var passFailNoAverage: String { pick("зачётный предмет: среднего нет", "pass/fail: no average") }
    /// The grid's keys on a pass/fail subject.
    public func gridHintPassFail(codes: String) -> String {
        pick("Стрелки и Tab — по клеткам, з или + — зачёт, − (минус) — незачёт, \(codes) — пропуск, Delete — удалить. Сохраняется сразу.",
             "Arrows and Tab move between cells, + (or p) gives a pass, − (minus) a fail, \(codes) (or n/b/u/o) an absence, Delete removes. Every change is saved at once.")
    }
    /// The lesson page's mark field on a pass/fail subject.
    public var passFailPlaceholder: String { pick("з/н", "+/−") }
    public var passFailTyped: String { pick("з — зачёт, н — незачёт", "+ for a pass, − for a fail") }
    public var passFailExpected: String { pick("Зачётный предмет: «з» — зачёт, «н» — незачёт.", "A pass/fail subject: + for a pass, − for a fail.") }

    // The class's summary of final marks
    public var classFinalsTitle: String { pick("Итоговые отметки класса", "The class's final marks") }
    public var classFinalsLink: String { pick("Сводная ведомость итоговых отметок", "Summary sheet of final marks") }
    public var classFinalsHint: String {
        pick("Итоговая отметка, а пока её нет — годовая (серым). Ставятся в журнале предмета, на вкладке «Год и итог»: по ссылке в заголовке столбца.",
             "The final mark, or until it is given the year mark (in grey). They are given in the subject's journal, on its “Year and final” tab: follow the link in the column's head.")
    }
    public var noSubjectsInClass: String { pick("У класса пока нет предметов.", "The class has no subjects yet.") }

    // Acknowledgements with a message
    public var ackMessageLabel: String { pick("Сообщение классному руководителю (необязательно)", "A message to the class teacher (optional)") }
    public var ackMessagesHeading: String { pick("Сообщения родителей", "Messages from guardians") }
    public var noAckMessages: String { pick("Сообщений нет.", "No messages.") }

    // Answers to wrong-mark reports
    public var teachersAnswer: String { pick("Ответ учителя", "The teacher's answer") }
    public var reportClosed: String { pick("закрыто", "closed") }
    public var reportOpen: String { pick("ждёт ответа", "waiting for an answer") }
    public var yourReport: String { pick("Ваше сообщение", "Your message") }
    public var answerLabel: String { pick("Ответ", "Answer") }
    public var answerButton: String { pick("Ответить", "Answer") }
    public var answerAndClose: String { pick("Ответить и закрыть", "Answer and close") }
    public var reportAnswered: String { pick("Ответ сохранён.", "The answer is saved.") }
}

extension Words {
    public var markKindExpected: String { pick("kind: period, year, exam или final.", "kind: period, year, exam or final.") }
}
