/// What an audit row records was done. The raw value is what the trail stores; renaming a
/// case is a migration, never an edit.
public enum AuditAction: String, CaseIterable, Sendable {
    case markCreate = "mark.create", markChange = "mark.change", markDelete = "mark.delete", markReport = "mark.report"
    case markReportAnswer = "mark.report_answer"
    case absenceCreate = "absence.create", absenceChange = "absence.change", absenceDelete = "absence.delete"
    case periodMarkCreate = "period_mark.create", periodMarkChange = "period_mark.change", periodMarkDelete = "period_mark.delete"
    case topicChange = "topic.change", homeworkChange = "homework.change", individualHomework = "homework.individual"
    case remarkCreate = "remark.create"
    case finalsAcknowledge = "finals.acknowledge"
    case journalUnlock = "journal.unlock", transferWindow = "journal.transfer_window"
    case journalUnlockEnd = "journal.unlock_end", transferWindowEnd = "journal.transfer_window_end"
    case timetableSubstitution = "timetable.substitution", timetableCancelled = "timetable.cancelled"
    case timetableMoved = "timetable.moved", timetableReplaced = "timetable.replaced", timetableAdded = "timetable.added"
    case timetableRoom = "timetable.room"
    case timetableEntryAdd = "timetable.entry_add", timetableEntryChange = "timetable.entry_change", timetableEntryRemove = "timetable.entry_remove"
    case lessonReplanCreate = "lesson.replan_create", lessonReplanUpdate = "lesson.replan_update", lessonReplanRemove = "lesson.replan_remove"
    case groupCreate = "group.create", groupChange = "group.change", groupMembers = "group.members", groupSplit = "group.split"
    case planImport = "import.plan", staffImport = "import.staff", studentsImport = "import.students"
    case guardiansImport = "import.guardians", timetableImport = "import.timetable"
    case settingChange = "setting.change", workTypeCreate = "work_type.create", workTypeChange = "work_type.change"
    case consentRecord = "consent.record", consentRevoke = "consent.revoke"
    case slipIssue = "slip.issue", slipVoid = "slip.void"
    case signInSuccess = "signin.success", signInFailure = "signin.failure", signInLocked = "signin.locked", signInKiosk = "signin.kiosk"
    case passwordChange = "password.change", languageChange = "account.language"
    case accountLock = "account.lock", accountUnlock = "account.unlock", accountCompromised = "account.compromised"
    case kioskRegister = "kiosk.register", kioskPair = "kiosk.pair"
    case accessDenied = "access.denied"
    case setupInit = "setup.init", demoGenerate = "demo.generate"
    case structurePeriod = "structure.period", structureHoliday = "structure.holiday", structureBells = "structure.bells"
    case structureRoom = "structure.room", structureSubject = "structure.subject", structureClass = "structure.class"
    case structureAssignment = "structure.assignment"
    case personCreate = "person.create", personChange = "person.change"
    case guardianLink = "guardian.link", guardianUnlink = "guardian.unlink"
    case enrolmentJoin = "enrolment.join", enrolmentLeave = "enrolment.leave"
    case electronicAccessRefuse = "electronic_access.refuse", electronicAccessRestore = "electronic_access.restore"
    case printJournal = "print.journal", printSummary = "print.summary", printDiary = "print.diary", printBlank = "print.blank"
    case yearNew = "year.new", yearPromotion = "year.promotion", assignmentsConfirm = "structure.assignments_confirm"
    case messageSend = "message.send", messageWithdraw = "message.withdraw", messageSearch = "message.search"
    case eventCreate = "event.create", notificationChoice = "notification.choice"

    /// The action in words, for the change log.
    public var russian: String {
        switch self {
        case .markCreate: "Отметка выставлена"
        case .markChange: "Отметка изменена"
        case .markDelete: "Отметка удалена"
        case .markReport: "Сообщение об ошибке в отметке"
        case .absenceCreate: "Пропуск отмечен"
        case .absenceChange: "Причина пропуска изменена"
        case .absenceDelete: "Пропуск снят"
        case .markReportAnswer: "Ответ на обращение об отметке"
        case .periodMarkCreate: "Итоговая отметка выставлена"
        case .periodMarkChange: "Итоговая отметка изменена"
        case .periodMarkDelete: "Итоговая отметка удалена"
        case .topicChange: "Тема урока записана"
        case .homeworkChange: "Домашнее задание записано"
        case .individualHomework: "Индивидуальное задание"
        case .remarkCreate: "Сообщение в дневник"
        case .finalsAcknowledge: "Итоги просмотрены родителем"
        case .journalUnlock: "Журнал открыт для исправлений"
        case .transferWindow: "Открыт перенос из бумажного журнала"
        case .journalUnlockEnd: "Разрешение на исправления отозвано"
        case .transferWindowEnd: "Перенос из бумажного журнала закрыт"
        case .timetableSubstitution: "Замена учителя"
        case .timetableCancelled: "Урок отменён"
        case .timetableMoved: "Урок перенесён"
        case .timetableReplaced: "Замена предмета"
        case .timetableAdded: "Урок добавлен"
        case .timetableRoom: "Замена кабинета"
        case .timetableEntryAdd: "Урок добавлен в расписание"
        case .timetableEntryChange: "Расписание изменено"
        case .timetableEntryRemove: "Урок убран из расписания"
        case .lessonReplanCreate: "Уроки созданы по расписанию"
        case .lessonReplanUpdate: "Урок изменён по расписанию"
        case .lessonReplanRemove: "Урок удалён по расписанию"
        case .groupCreate: "Группа создана"
        case .groupChange: "Группа изменена"
        case .groupMembers: "Состав группы изменён"
        case .groupSplit: "Класс разделён на группы"
        case .planImport: "Загружено КТП"
        case .staffImport: "Загружен список сотрудников"
        case .studentsImport: "Загружен список обучающихся"
        case .guardiansImport: "Загружен список родителей"
        case .timetableImport: "Загружено расписание"
        case .settingChange: "Настройка изменена"
        case .workTypeCreate: "Вид работы добавлен"
        case .workTypeChange: "Вид работы изменён"
        case .consentRecord: "Согласие записано"
        case .consentRevoke: "Согласие отозвано"
        case .slipIssue: "Выдан листок входа"
        case .slipVoid: "Листок входа аннулирован"
        case .signInSuccess: "Вход"
        case .signInFailure: "Неудачный вход"
        case .signInLocked: "Вход в заблокированную учётную запись"
        case .signInKiosk: "Вход на киоске"
        case .passwordChange: "Пароль изменён"
        case .languageChange: "Язык страниц изменён"
        case .accountLock: "Учётная запись заблокирована"
        case .accountUnlock: "Учётная запись разблокирована"
        case .accountCompromised: "Учётная запись скомпрометирована"
        case .kioskRegister: "Киоск зарегистрирован"
        case .kioskPair: "Киоск подключён"
        case .accessDenied: "Отказано в доступе"
        case .setupInit: "Школа создана"
        case .demoGenerate: "Создана демо-школа"
        case .structurePeriod: "Отчётные периоды изменены"
        case .structureHoliday: "Каникулы и праздники изменены"
        case .structureBells: "Расписание звонков изменено"
        case .structureRoom: "Кабинеты изменены"
        case .structureSubject: "Предметы изменены"
        case .structureClass: "Классы изменены"
        case .structureAssignment: "Нагрузка изменена"
        case .personCreate: "Человек добавлен"
        case .personChange: "Личная карточка изменена"
        case .guardianLink: "Родитель привязан к ребёнку"
        case .guardianUnlink: "Родитель отвязан от ребёнка"
        case .enrolmentJoin: "Обучающийся зачислен"
        case .enrolmentLeave: "Обучающийся выбыл"
        case .electronicAccessRefuse: "Семья отказалась от электронного доступа"
        case .electronicAccessRestore: "Семья вернулась к электронному дневнику"
        case .printJournal: "Напечатана копия журнала"
        case .printSummary: "Напечатана сводная ведомость"
        case .printDiary: "Напечатан дневник"
        case .printBlank: "Напечатаны бланки временного журнала"
        case .yearNew: "Начат новый учебный год"
        case .yearPromotion: "Решение о переводе"
        case .assignmentsConfirm: "Нагрузка утверждена"
        case .messageSend: "Сообщение отправлено"
        case .messageWithdraw: "Сообщение отозвано"
        case .messageSearch: "Поиск по сообщениям"
        case .eventCreate: "Объявление или событие добавлено"
        case .notificationChoice: "Выбор уведомлений изменён"
        }
    }
}

/// A value an audit row changed, kept in a form the application reads back (the revert of a
/// stolen login's changes), beside the text a person read at the time.
public enum AuditValue: Sendable, Equatable {
    case mark(value: MarkValue, workType: Int)
    case absence(AbsenceCode)
    case periodMark(MarkValue)
    case setting(key: String, value: String)

    /// The stored form: a flat JSON object.
    public var encoded: String {
        switch self {
        case let .mark(value, workType): "{\"mark\":\(Self.json(value)),\"workType\":\(workType)}"
        case let .absence(code): "{\"absence\":\(Self.quoted(code.rawValue))}"
        case let .periodMark(value): "{\"periodMark\":\(Self.json(value))}"
        case let .setting(key, value): "{\"setting\":\(Self.quoted(key)),\"value\":\(Self.quoted(value))}"
        }
    }

    /// Reads what `encoded` wrote; nil for anything else.
    public init?(encoded text: String) {
        guard let f = Self.fields(text) else { return nil }
        if let value = f["mark"].flatMap(MarkValue.init(text:)), let type = f["workType"].flatMap({ Int($0) }) {
            self = .mark(value: value, workType: type)
        } else if let code = f["absence"].flatMap(AbsenceCode.init(rawValue:)) {
            self = .absence(code)
        } else if let value = f["periodMark"].flatMap(MarkValue.init(text:)) {
            self = .periodMark(value)
        } else if let key = f["setting"], let value = f["value"] {
            self = .setting(key: key, value: value)
        } else {
            return nil
        }
    }

    /// 1–5 as a number (as rows before issue #12 were written), the rest as a string.
    static func json(_ value: MarkValue) -> String { value.number.map(String.init) ?? quoted(value.text) }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where ch.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(ch.value, radix: 16).count) + String(ch.value, radix: 16)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// The members of a flat object of strings and integers, as `encoded` writes it.
    static func fields(_ text: String) -> [String: String]? {
        var chars = Array(text.unicodeScalars)[...]
        func string() -> String? {
            guard chars.popFirst() == "\"" else { return nil }
            var out = String.UnicodeScalarView()
            while let c = chars.popFirst() {
                if c == "\"" { return String(out) }
                guard c == "\\" else { out.append(c); continue }
                switch chars.popFirst() {
                case "u":
                    guard chars.count >= 4, let v = UInt32(String(String.UnicodeScalarView(chars.prefix(4))), radix: 16), let u = Unicode.Scalar(v) else { return nil }
                    chars = chars.dropFirst(4)
                    out.append(u)
                case let e?: out.append(e)
                case nil: return nil
                }
            }
            return nil
        }
        guard chars.popFirst() == "{" else { return nil }
        var fields: [String: String] = [:]
        while chars.first != "}" {
            guard let key = string(), chars.popFirst() == ":" else { return nil }
            if chars.first == "\"" {
                guard let value = string() else { return nil }
                fields[key] = value
            } else {
                let digits = chars.prefix { $0 == "-" || ("0"..."9").contains($0) }
                guard !digits.isEmpty else { return nil }
                fields[key] = String(String.UnicodeScalarView(digits))
                chars = chars.dropFirst(digits.count)
            }
            if chars.first == "," { chars = chars.dropFirst() }
        }
        return chars.count == 1 ? fields : nil
    }
}

/// One row of the audit trail before it is written.
public struct AuditEntry: Sendable {
    public enum Via: String, Sendable {
        case page, api, `import`, cli, system

        /// How the change came, as the change log says it.
        public var russian: String {
            switch self {
            case .page: "через страницу"
            case .api: "через журнал (API)"
            case .import: "загрузкой файла"
            case .cli: "с консоли сервера"
            case .system: "автоматически"
            }
        }
    }

    public var at: Int
    public var account: Int?
    public var session: Int?
    public var via: Via
    public var action: AuditAction
    public var entity: String
    public var entityID: Int?
    /// The values as a person reads them («4 КР»), as they were at the time.
    public var oldValue: String?
    public var newValue: String?
    /// The same values for the application to read back.
    public var oldData: AuditValue?
    public var newData: AuditValue?
    public var reason: String
    public var address: String
    /// Where a journal entry belongs, so the change log can be filtered by it.
    public var lesson: Int?
    public var student: Int?
    public var schoolClass: Int?

    public init(at: Int, account: Int? = nil, session: Int? = nil, via: Via, action: AuditAction, entity: String,
                entityID: Int? = nil, oldValue: String? = nil, newValue: String? = nil, oldData: AuditValue? = nil, newData: AuditValue? = nil,
                reason: String = "", address: String = "", lesson: Int? = nil, student: Int? = nil, schoolClass: Int? = nil) {
        self.at = at
        self.account = account
        self.session = session
        self.via = via
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.oldValue = oldValue
        self.newValue = newValue
        self.oldData = oldData
        self.newData = newData
        self.reason = reason
        self.address = address
        self.lesson = lesson
        self.student = student
        self.schoolClass = schoolClass
    }
}
