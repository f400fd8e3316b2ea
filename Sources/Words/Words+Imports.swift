/// The administrator's CSV imports page (`/imports`): upload, preview, confirmation.
extension Words {
    public var importsTitle: String { pick("Загрузка из CSV", "Import from CSV") }
    public var importsHomeHint: String {
        pick("Сотрудники, обучающиеся, родители, расписание, КТП — с проверкой перед загрузкой",
             "Staff, students, guardians, the timetable, thematic plans — checked before they are imported")
    }
    public var importsIntro: String {
        pick("Файл, сохранённый из Excel как CSV: UTF-8 или Windows-1251, разделитель «;» или «,», заголовки столбцов по-русски в любом порядке. Сначала файл проверяется и показывается, что изменится; в школе ничего не меняется, пока вы не подтвердите загрузку. Файл хотя бы с одной ошибкой не загружается совсем. Повторная загрузка того же файла ничего не меняет.",
             "A file saved from Excel as CSV: UTF-8 or Windows-1251, separated by «;» or «,», with Russian column headings in any order. The file is checked first and you see what would change; nothing in the school changes until you confirm. A file with even one error is not imported at all. Importing the same file again changes nothing.")
    }
    public var importsOrderHint: String {
        pick("Школу заполняют в таком порядке: сотрудники, обучающиеся, родители, расписание, затем КТП.",
             "A new school is filled in this order: staff, students, guardians, the timetable, then the thematic plans.")
    }
    public var importsKindLegend: String { pick("Что загружать", "What to import") }

    /// The name of a kind of import, by its code (`staff`, `students`, `guardians`, `timetable`, `plan`).
    public func importsKind(_ code: String) -> String {
        switch code {
        case "staff": pick("Сотрудники", "Staff")
        case "students": pick("Обучающиеся", "Students")
        case "guardians": pick("Родители (законные представители)", "Parents and guardians")
        case "timetable": pick("Расписание", "Timetable")
        case "plan": pick("КТП класса по предмету", "Thematic plan of a class's subject")
        default: code
        }
    }

    /// The columns of a kind's file: the headings are Russian in either language, as the files have them.
    public func importsColumns(_ code: String) -> String {
        let (required, optional): (String, String) = switch code {
        case "staff": ("Фамилия, Имя, Должность", "Отчество, Классный руководитель, Телефон, Email, Согласие, Документ согласия")
        case "students": ("Фамилия, Имя, Класс", "Отчество, Дата рождения, Дата зачисления, Пол, Телефон, Email, Согласие, Документ согласия")
        case "guardians": ("Фамилия, Имя, Ребёнок, Класс ребёнка", "Отчество, Кем приходится, Телефон, Email, Согласие, Документ согласия")
        case "timetable": ("Класс, День, Урок, Предмет, Учитель", "Группа, Кабинет")
        case "plan": ("Тема", "Часы")
        default: ("", "")
        }
        return pick("Столбцы: \(required); по желанию: \(optional).", "Columns: \(required); optional: \(optional).")
    }

    /// What else a kind's import does, beside its rows.
    public func importsKindNote(_ code: String) -> String {
        switch code {
        case "students":
            // The file's column keeps its name in every language: the file must have it so.
            let column = "Дата зачисления"
            return pick("\(column) (ДД.ММ.ГГГГ) — с какого дня ученик в журнале класса; пусто — с сегодняшнего дня. Ученик из другого класса переводится с этой даты.",
                        "\(column) (DD.MM.YYYY) is the day the student appears in the class's journal; empty, today. A student from another class is moved on that day.")
        case "timetable":
            return pick("Уроки журнала с сегодняшнего дня до конца года следуют расписанию; уроки, в которые уже что-то записано, остаются.",
                 "The journal's lessons from today to the end of the year follow the timetable; lessons with entries stay as they are.")
        case "plan":
            return pick("Файл заменяет план; темы записываются в уроки года по порядку там, где тема ещё не записана.",
                 "The file replaces the plan; its topics go into the year's lessons in order where no topic has been written yet.")
        default: return ""
        }
    }

    public var importsClassLabel: String { pick("Класс (для КТП)", "Class (thematic plan only)") }
    public var importsSubjectLabel: String { pick("Предмет (для КТП)", "Subject (thematic plan only)") }
    public var importsChoose: String { pick("— выберите —", "— choose —") }
    public var importsFileLabel: String { pick("Файл CSV", "CSV file") }
    /// The size limit of an upload, in whole megabytes (the server's limit of a request).
    public func importsFileHint(megabytes: Int) -> String { pick("Не больше \(megabytes) МБ.", "At most \(megabytes) MB.") }
    public var importsCheck: String { pick("Проверить", "Check") }

    public var importsNoKind: String { pick("Выберите, что загружать.", "Choose what to import.") }
    public var importsNoFile: String { pick("Выберите файл.", "Choose a file.") }
    public func importsTooLarge(megabytes: Int) -> String {
        pick("Файл больше \(megabytes) МБ: разделите его на части.", "The file is over \(megabytes) MB: split it into parts.")
    }
    public var importsEmptyFile: String { pick("Файл пуст.", "The file is empty.") }
    public var importsNoPlanTarget: String { pick("Для КТП выберите класс и предмет.", "For a thematic plan choose the class and the subject.") }
    public var importsGone: String {
        pick("Эта проверка устарела или начата в другом сеансе: загрузите файл ещё раз.",
             "This check has expired or was made in another session: upload the file again.")
    }

    public func importsPreviewTitle(_ fileName: String) -> String { pick("Проверка файла «\(fileName)»", "Check of «\(fileName)»") }
    public func importsPlanTarget(_ className: String, _ subject: String) -> String { pick("\(subject), \(className)", "\(subject), \(className)") }
    public var importsErrorsLead: String {
        pick("В файле есть ошибки — ничего не загружено. Исправьте их и загрузите файл ещё раз:",
             "The file has errors — nothing was imported. Correct them and upload the file again:")
    }
    public func importsErrorsCount(_ n: Int) -> String { pick("Ошибок: \(n)", "Errors: \(n)") }
    /// What the file is imported as (a kind, and for a plan its class and subject).
    public func importsKindLine(_ what: String, done: Bool = false) -> String {
        done ? pick("Что загружено: \(what)", "Imported: \(what)") : pick("Что загружается: \(what)", "Importing: \(what)")
    }
    public var importsWhatChanges: String { pick("Что изменится", "What will change") }
    public var importsWhatChanged: String { pick("Что изменилось", "What changed") }
    public var importsCountCreated: String { pick("добавится", "to add") }
    public var importsCountUpdated: String { pick("изменится", "to change") }
    public var importsCountMoved: String { pick("из них переводов в другой класс", "of them moved to another class") }
    public var importsCountUnchanged: String { pick("без изменений", "unchanged") }
    public var importsDoneCreated: String { pick("добавлено", "added") }
    public var importsDoneUpdated: String { pick("изменено", "changed") }

    /// The heading of the rows of one kind of change, by its code (`created`, `updated`, `moved`).
    public func importsChange(_ code: String) -> String {
        switch code {
        case "created": pick("Новое", "New")
        case "updated": pick("Изменения", "Changes")
        case "moved": pick("Переводы в другой класс", "Moves to another class")
        default: code
        }
    }

    public var importsLine: String { pick("Строка", "Line") }
    public var importsWhat: String { pick("Что", "What") }
    public func importsAndMore(_ n: Int) -> String { pick("…и ещё \(n)", "…and \(n) more") }
    public var importsBesides: String { pick("Кроме того", "Besides") }
    public var importsNothingChanges: String { pick("Файл ничего не меняет: всё в нём уже есть в школе.", "The file changes nothing: the school already has all of it.") }
    public var importsConfirm: String { pick("Загрузить", "Import") }
    public var importsCancel: String { pick("Отменить", "Cancel") }
    public func importsConfirmHint(minutes: Int) -> String {
        pick("Проверка действует \(minutes) минут. При загрузке файл проверяется ещё раз и загружается целиком или не загружается совсем.",
             "The check is valid for \(minutes) minutes. On import the file is checked again and imported whole or not at all.")
    }
    public var importsDoneTitle: String { pick("Файл загружен", "File imported") }
    public var importsAnother: String { pick("Загрузить другой файл", "Import another file") }
    public var importsAuditLink: String { pick("Журнал изменений", "Change log") }
}
