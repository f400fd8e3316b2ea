import Domain

/// Error pages, and the messages that reach a page or a JSON body from below the pages: the
/// desks' refusals (`DeskError`), the journal's rules (`JournalRefusal`), the HTTP layer's
/// parsers. Those are written in Russian where they are raised; `message(_:)` gives the
/// visitor's language at the edge, where they become a page or a JSON body. JSON `error`
/// codes never change.
extension Words {
    /// The heading of an error page for a status.
    public func errorTitle(_ status: Int) -> String {
        switch status {
        case 400: pick("Неверный запрос", "Bad request")
        case 401: pick("Нужно войти", "Please sign in")
        case 403: pick("Доступ запрещён", "Access denied")
        case 404: pick("Страница не найдена", "Page not found")
        case 405: pick("Так нельзя", "Not allowed")
        case 413: pick("Слишком большой запрос", "Request too large")
        case 429: pick("Слишком много попыток", "Too many attempts")
        case 503: pick("Сервис недоступен", "Service unavailable")
        case 507: pick("Нет места на диске", "No space left on the disk")
        default: pick("Что-то пошло не так", "Something went wrong")
        }
    }

    public var backHome: String { pick("На главную", "Back to the home page") }
    public var internalError: String {
        pick("Произошла внутренняя ошибка. Попробуйте ещё раз; если она повторится, сообщите администратору.",
             "Something went wrong on the server. Please try again; if it happens again, tell the administrator.")
    }
    public var diskFull: String {
        pick("Нет места на диске: сохранить не удалось, ничего не потеряно. Сообщите администратору.",
             "No space left on the disk: nothing could be saved, nothing is lost. Tell the administrator.")
    }
    public var methodNotAllowed: String { pick("Этот адрес не принимает такой запрос.", "This address does not take this kind of request.") }
    public var signInRequired: String { pick("Нужно войти.", "Please sign in.") }
    public var foreignOrigin: String { pick("Запрос с чужого сайта отклонён.", "A request from another site was refused.") }
    public var jsonBodyExpected: String { pick("Ожидается тело application/json.", "An application/json body is expected.") }
    public var jsonBodyUnreadable: String { pick("Тело запроса — не тот JSON, что ожидается.", "The request body is not the JSON expected.") }
    public var staleForm: String {
        pick("Форма устарела или отправлена не с этой страницы. Обновите страницу и отправьте её ещё раз.",
             "The form is out of date or was not sent from this page. Reload the page and send it again.")
    }
    /// A query parameter that should be a number («class: ожидается номер.»).
    public func numberExpected(_ name: String) -> String { pick("\(name): ожидается номер.", "\(name): a number is expected.") }
    /// A query parameter that should be a date.
    public func isoDateExpected(_ name: String) -> String { pick("\(name): дата в виде ГГГГ-ММ-ДД.", "\(name): a date as YYYY-MM-DD.") }
    public var dateExpected: String { pick("Дата в виде ГГГГ-ММ-ДД.", "A date as YYYY-MM-DD.") }
    public var fromAfterTo: String { pick("from позже to.", "from is after to.") }
    public var atMostAYear: String { pick("Не больше года за один запрос.", "At most a year per request.") }
    public var noSuchLesson: String { pick("Такого урока нет.", "There is no such lesson.") }
    public var noSuchMark: String { pick("Такой отметки нет.", "There is no such mark.") }
    public var noSuchPeriod: String { pick("Такого периода нет.", "There is no such period.") }

    /// The journal rule's refusal in words.
    public func refusal(_ r: JournalRefusal) -> String {
        switch r {
        case .futureLesson: pick(r.message, "The lesson has not begun yet: marks and absences are only given for lessons that have taken place.")
        case .cancelledLesson: pick(r.message, "The lesson was cancelled: no marks or absences are given for it.")
        case .editWindowClosed: pick(r.message, "The time for correcting marks of this lesson is over. Ask the deputy head to reopen the journal.")
        case .periodClosed: pick(r.message, "The final mark for the period is already given: this period's marks are closed.")
        case .periodMarkWindow: pick(r.message, "Final marks are only given in the last days of a period.")
        case .absenceCorrectionWindow: pick(r.message, "The time for correcting the reason of an absence is over.")
        case .marksDisabled: pick(r.message, "This class is not given marks.")
        case .lessonHasEntries: pick(r.message, "The lesson already has marks or absences: it cannot be cancelled, moved or replaced by another subject.")
        case .studentAbsent: pick(r.message, "The student is marked absent from this lesson. If the mark is right, confirm it.")
        case .yearNeedsPeriods: pick(r.message, "A year mark follows the marks of every period, and some are missing. To give it without them, say why.")
        case .wrongScale: pick(r.message, "The subject has another scale: a pass or a fail on a pass/fail subject, 1 to 5 on the others.")
        case .subjectUnmarked: pick(r.message, "This subject is not given marks.")
        case .yearClosed: pick(r.message, "The school year is closed: the next one has begun, and last year's records are read-only.")
        }
    }

    /// A message raised below the pages, in this language. Russian is returned as it is; in
    /// English a message the catalogue knows is translated (a pattern's «{}» parts are kept,
    /// translated themselves when the catalogue knows them), anything else is left as written.
    public func message(_ russian: String) -> String {
        guard language == .english else { return russian }
        return Self.englishMessage(russian, depth: 0) ?? russian
    }

    /// Whether the catalogue knows `russian` (for tests: every desk message has an English text).
    public static func knows(_ russian: String) -> Bool { englishMessage(russian, depth: 0) != nil }

    static func englishMessage(_ russian: String, depth: Int) -> String? {
        if let exact = exactMessages[russian] { return exact }
        for (pattern, english) in patternMessages {
            guard let parts = Self.match(pattern, russian) else { continue }
            var out = ""
            var rest = english[...]
            for part in parts {
                guard let hole = rest.firstRange(of: "{}") else { break }
                out += rest[..<hole.lowerBound]
                out += depth == 0 ? englishMessage(part, depth: 1) ?? part : part
                rest = rest[hole.upperBound...]
            }
            return out + rest
        }
        return nil
    }

    /// The parts of `text` standing for the «{}» of `pattern`, or nil when it does not match.
    static func match(_ pattern: String, _ text: String) -> [String]? {
        var literals: [String] = []
        var rest = pattern[...]
        while let hole = rest.firstRange(of: "{}") {
            literals.append(String(rest[..<hole.lowerBound]))
            rest = rest[hole.upperBound...]
        }
        literals.append(String(rest))
        guard literals.count > 1, text.hasPrefix(literals[0]), text.hasSuffix(literals[literals.count - 1]),
              text.count >= literals[0].count + literals[literals.count - 1].count else { return nil }
        var remaining = text.dropFirst(literals[0].count).dropLast(literals[literals.count - 1].count)
        var parts: [String] = []
        for literal in literals.dropFirst().dropLast() {
            guard let at = remaining.firstRange(of: literal) else { return nil }
            parts.append(String(remaining[..<at.lowerBound]))
            remaining = remaining[at.upperBound...]
        }
        parts.append(String(remaining))
        return parts
    }

    /// Messages of the desks, the domain and the HTTP layer, word for word, and their English.
    static let exactMessages: [String: String] = {
        var table: [String: String] = [
            // The new year and the archives (issue #12, 4 and 5)
            "Учебного года ещё нет: сначала tabel setup init.": "There is no school year yet: run tabel setup init first.",
            "Выбыть после 9 класса можно только из 9 класса.": "Only a grade 9 student can leave after grade 9.",
            "Такого учебного года нет.": "There is no such school year.",
            "Из 11 класса не переводят условно: выпуск или повторное обучение.": "Grade 11 is not promoted conditionally: the student leaves school or is kept back.",
            // Final marks, acknowledgements and wrong-mark reports (issue #12)
            "Годовая, экзаменационная и итоговая отметки — без периода.": "Year, exam and final marks are given without a period.",
            "Сообщение длиннее 1000 знаков.": "The message is longer than 1000 characters.",
            "Ответ длиннее 1000 знаков.": "The answer is longer than 1000 characters.",
            "Напишите ответ или закройте обращение.": "Write an answer or close the report.",
            "Такого обращения нет.": "There is no such report.",
            "Обращение уже закрыто.": "The report is already closed.",
            // Odd requests the server answers itself
            "Неверный запрос: в строке запроса нулевой байт.": "Bad request: a NUL byte in the request line.",
            // People by hand
            "Зачислить в класс можно обучающегося, не сотрудника и не родителя.": "Only a student can be enrolled in a class, not staff or a parent.",
            "Выберите класс, в который зачислить.": "Choose the class to enrol into.",
            "Выберите класс этого учебного года.": "Choose a class of this school year.",
            "Ученик не из этого класса.": "The student is not in this class.",
            "Выберите группу этого класса.": "Choose a group of this class.",
            "Групп — хотя бы две.": "At least two groups.",
            "У групп разные названия.": "Groups have different names.",
            "Каждый ученик — в одной группе.": "Each student is in one group.",
            "Такой группы нет.": "There is no such group.",
            "Нет такого класса.": "There is no such class.",
            "У группы не указан предмет.": "The group has no subject.",
            "Название группы — от 1 до 60 знаков.": "A group's name is 1 to 60 characters.",
            "Такой записи расписания нет.": "There is no such timetable entry.",
            "Ничего не изменено: выберите, что меняется.": "Nothing changed: choose what changes.",
            "Нет учебного года этого класса.": "There is no school year of this class.",
            "Выберите день недели: с понедельника по субботу.": "Choose a day of the week: Monday to Saturday.",
            "Укажите кабинет.": "Give the room.",
            "Название кабинета — не длиннее 30 знаков.": "A room's name is at most 30 characters.",
            "Укажите, кого добавить: student, guardian или staff.": "Say whom to add: student, guardian or staff.",
            "На сегодня не задан учебный год.": "No school year is set for today.",
            "Выберите ребёнка (хотя бы одного).": "Choose a child (at least one).",
            "Свою роль администратора снять нельзя: это сделает другой администратор.": "You cannot remove your own administrator role: another administrator will do it.",
            "Человек не может быть родителем самому себе.": "A person cannot be their own parent.",
            "Отказ от электронного доступа записывают обучающемуся.": "A refusal of electronic access is recorded on the student.",
            "Отметьте хотя бы одну должность.": "Tick at least one role.",
            "Этот человек сейчас не числится ни в одном классе.": "This person is not in any class now.",
            "Укажите дату выбытия (ДД.ММ.ГГГГ).": "Give the date of leaving (DD.MM.YYYY).",
            "Укажите причину (например, «переезд, перевод в другую школу»).": "Give the reason (for example, “moved, transferred to another school”).",
            "Это обучающийся, а не родитель.": "This is a student, not a parent.",
            "Этот родитель уже привязан к ребёнку.": "This parent is already linked to the child.",
            "Этот родитель не привязан к ребёнку.": "This parent is not linked to the child.",
            "Согласия, которое можно отозвать, нет.": "There is no consent to withdraw.",
            "Заполните это поле.": "Fill in this field.",
            "Только буквы, дефис, апостроф и пробел, до 60 знаков.": "Letters, hyphen, apostrophe and space only, up to 60 characters.",
            "Пол — М или Ж.": "Gender is M or F.",
            "Дата рождения — ДД.ММ.ГГГГ, не позже сегодняшней и не раньше 1920 года.": "Birth date as DD.MM.YYYY, not after today and not before 1920.",
            "Телефон — цифры (от 5 до 15), можно с +, пробелами, скобками и дефисами.": "A phone number is 5 to 15 digits, with +, spaces, brackets and hyphens allowed.",
            "Адрес почты вида name@example.ru.": "An e-mail address like name@example.ru.",
            "Укажите дату согласия (ДД.ММ.ГГГГ).": "Give the date of the consent (DD.MM.YYYY).",
            // DeskError's own
            "У обучающегося уже есть отметка этого вида работы за урок: исправьте её.":
                "The student already has a mark of this type of work for the lesson: correct it instead.",
            "У вас нет доступа к этой странице.": "You do not have access to this page.",
            // The HTTP layer
            "Такой страницы нет.": "There is no such page.",
            "Отправленные данные слишком велики.": "What was sent is too large.",
            "Сервер сейчас занят или перезапускается. Попробуйте ещё раз через несколько секунд.":
                "The server is busy or restarting. Try again in a few seconds.",
            "Слишком много полей в запросе.": "Too many fields in the request.",
            "Форма отправлена в неверном формате.": "The form was sent in a wrong format.",
            "Слишком много частей в форме.": "Too many parts in the form.",
            "Ожидалась форма multipart/form-data.": "A multipart/form-data form was expected.",
            "Неверный адрес запроса.": "A wrong request address.",
            "Неверная кодировка адреса запроса.": "A wrongly encoded request address.",
            // Desks
            "Период не указан или ещё не закончился.": "The period is missing or has not ended yet.",
            "Опишите ошибку (до 500 символов).": "Describe the mistake (up to 500 characters).",
            "Такой отметки нет.": "There is no such mark.",
            "Такого урока нет.": "There is no such lesson.",
            "Тема длиннее 500 знаков.": "The topic is longer than 500 characters.",
            "Домашнее задание длиннее 2000 знаков.": "The homework is longer than 2000 characters.",
            "Этой темы нет в КТП класса по предмету.": "This topic is not in the class's scheme of work for the subject.",
            "Задание длиннее 2000 знаков.": "The assignment is longer than 2000 characters.",
            "Напишите сообщение (до 1000 знаков).": "Write a message (up to 1000 characters).",
            "Такого периода у класса нет.": "The class has no such period.",
            "Такого периода нет.": "There is no such period.",
            "Даты: «с» не позже «по», не больше года.": "Dates: «from» no later than «to», at most a year.",
            "Такого обучающегося нет.": "There is no such student.",
            "Отметка — число от 1 до 5.": "A mark is a number from 1 to 5.",
            "Этого обучающегося нет в классе.": "This student is not in the class.",
            "Выберите класс и предмет, который в нём преподают.": "Choose a class and a subject taught in it.",
            "Срок должен быть в будущем.": "The deadline must be in the future.",
            "Диапазон длиннее года.": "The range is longer than a year.",
            "Перенос — не больше двух месяцев сразу.": "A transfer covers at most two months at once.",
            "Такого действующего разрешения нет.": "There is no such permission in force.",
            "Такого открытого переноса нет.": "There is no such open transfer.",
            "Неизвестный вид работы.": "Unknown type of work.",
            "Этого обучающегося нет в списке класса (группы) на дату урока.": "This student is not on the class (group) list on the lesson's date.",
            "Название: от 1 до 60 символов.": "Name: from 1 to 60 characters.",
            "Код регистрации киоска неверен или уже использован.": "The kiosk's registration code is wrong or already used.",
            "Такого человека нет.": "There is no such person.",
            "Дата согласия не может быть в будущем.": "The date of consent cannot be in the future.",
            "Укажите дату в виде ДД.ММ.ГГГГ.": "Give the date as DD.MM.YYYY.",
            "Не длиннее 200 символов.": "At most 200 characters.",
            "У этого человека нет учётной записи.": "This person has no account.",
            "Нет такого класса или предмета.": "There is no such class or subject.",
            "Новый вид работы: код до 6 букв, название и вес от 0,1 до 100.":
                "A new type of work: a code of up to 6 letters, a name and a weight from 0.1 to 100.",
            "Текущий пароль указан неверно.": "The current password is wrong.",
            "Причина длиннее 500 знаков.": "The reason is longer than 500 characters.",
            "Выберите учителя из списка.": "Choose a teacher from the list.",
            "Это учитель по расписанию.": "This is the timetabled teacher.",
            "Номер урока — от 0 до 12.": "A lesson number is from 0 to 12.",
            "Выберите предмет из списка.": "Choose a subject from the list.",
            // The password rules
            "Это один из самых распространённых паролей: его легко подобрать.": "This is one of the most common passwords: it is easy to guess.",
            "Пароль не должен содержать ваш логин.": "The password must not contain your login.",
            "Пароль не должен содержать ваше имя или фамилию.": "The password must not contain your first name or surname.",
            "Пароль из одного-двух повторяющихся символов легко подобрать.": "A password of one or two repeated characters is easy to guess.",
            // Messages, events and notifications (issue #15)
            "Выберите, кому написать.": "Choose whom to write to.",
            "Адресатов больше 100.": "More than 100 recipients.",
            "Такого адресата нет.": "No such recipient.",
            "Такого класса нет.": "No such class.",
            "У учеников класса нет родителей в списках.": "No guardians of the class's students are on the lists.",
            "Такой переписки нет.": "No such conversation.",
            "Такого сообщения нет.": "No such message.",
            "Сообщение уже прочитано: отозвать его нельзя.": "The message has been read: it can no longer be withdrawn.",
            "Такого файла нет.": "No such file.",
            "Для поиска нужно хотя бы 3 знака.": "A search needs at least 3 characters.",
            "Напишите тему.": "Write a subject.",
            "Тема длиннее 200 знаков.": "The subject is longer than 200 characters.",
            "Напишите сообщение.": "Write a message.",
            "Сообщение длиннее 10000 знаков.": "The message is longer than 10000 characters.",
            "Не больше трёх файлов к сообщению.": "At most three files to a message.",
            "Файл больше 3 МБ.": "The file is larger than 3 MB.",
            "Прикрепить можно PDF, PNG или JPEG.": "Only PDF, PNG or JPEG files can be attached.",
            "Напишите заголовок.": "Write a title.",
            "Заголовок длиннее 200 знаков.": "The title is longer than 200 characters.",
            "Текст длиннее 2000 знаков.": "The text is longer than 2000 characters.",
            "Дата окончания раньше даты начала.": "The end date is before the start date.",
            "Дата — не в учебном году.": "The date is not in a school year.",
            // Timetable changes as the desk notes them on a lesson
            "Урок отменён": "Lesson cancelled",
        ]
        for r in JournalRefusal.allCases { table[r.message] = Words.english.refusal(r) }
        // The catalogue's own messages that code without a visitor raises in Russian.
        let raisedInRussian: [KeyPath<Words, String>] = [\.jsonBodyExpected, \.jsonBodyUnreadable, \.noSuchLesson, \.noSuchMark,
                                                       \.noSuchPeriod, \.signInRequired, \.foreignOrigin, \.staleForm, \.internalError,
                                                       \.methodNotAllowed, \.dateExpected, \.fromAfterTo, \.atMostAYear]
        for message in raisedInRussian { table[Words.russian[keyPath: message]] = Words.english[keyPath: message] }
        return table
    }()

    /// Messages with parts that vary («{}»), and their English.
    static let patternMessages: [(String, String)] = [
        ("Новый учебный год начинается после окончания текущего ({}).", "The new school year starts after the current one ends ({})."),
        ("Новый учебный год начинается не позже чем через год после окончания текущего ({}).",
         "The new school year starts no later than a year after the current one ends ({})."),
        ("Учебный год {} уже есть.", "School year {} already exists."),
        ("Учебный год {} ещё не начался: следующий начинают от начавшегося.", "School year {} has not begun yet: the next one is started from a year under way."),
        ("Учебного года {} нет. Есть: {}.", "There is no school year {}. There are: {}."),
        ("В этом году обучающийся уже был в этом классе (до {}): повторное зачисление в тот же класс не ведётся.",
         "This year the student was already in this class (until {}): enrolling into the same class again is not kept."),
        ("Перевод — после дня зачисления в прежний класс ({}) и не позже сегодняшнего дня.",
         "A move is dated after the day of enrolment in the former class ({}) and not later than today."),
        ("№ {} — не обучающийся этого года.", "No. {} is not a student this year."),
        ("В классе уже есть {}: это не тот же человек?", "The class already has {}: is this not the same person?"),
        ("{} уже есть в Табеле: привяжите этого родителя на карточке ребёнка.", "{} is already in Tabel: link this parent on the child's card."),
        ("Сотрудник {} уже есть в Табеле.", "Staff member {} is already in Tabel."),
        ("Должности: administrator, director, deputy, teacher, psychologist, secretary; «{}» — нет такой.",
         "Roles: administrator, director, deputy, teacher, psychologist, secretary; there is no “{}”."),
        ("Этого ученика нет в группе «{}».", "This student is not in the group “{}”."),
        ("«{}» в классе {} уже идёт по группам: переводите учеников между ними.", "“{}” in class {} is already taught in groups: move students between them."),
        ("Распределите по группам всех учеников класса; без группы: {}.", "Put every student of the class into a group; with no group: {}."),
        ("Ученик № {} не из этого класса.", "Student no. {} is not in this class."),
        ("Ученик № {} не учится в этом году.", "Student no. {} is not at school this year."),
        ("Урок и так здесь: {}.", "The lesson is already there: {}."),
        ("{} в это время занят: {}, {} — {}, {}-й урок.", "{} is busy at that time: {}, {} — {}, lesson {}."),
        ("Эта запись расписания действует только до {}.", "This timetable entry is in force only until {}."),
        ("Дата — учебный день {} учебного года (не воскресенье).", "The date is a school day of the {} school year (not a Sunday)."),
        ("Изменение вступает в силу не раньше сегодняшнего дня ({}).", "A change takes effect no earlier than today ({})."),
        ("Дата — в пределах {} учебного года: до {}.", "The date is within the {} school year: until {}."),
        ("В расписании звонков класса {} нет {}-го урока.", "The bell schedule of class {} has no lesson {}."),
        ("Дата зачисления — в пределах учебного года ({}–{}).", "The enrolment date is within the school year ({}–{})."),
        ("Не раньше дня выбытия из прежнего класса ({}).", "Not earlier than the day of leaving the former class ({})."),
        ("В журнале у обучающегося есть отметки или пропуски с {}: зачисление — не позже этого дня.",
         "The journal has the student's marks or absences from {}: the enrolment must be no later than that day."),
        ("Человек № {} не найден.", "Person no. {} not found."),
        ("логин «{}» не найден", "login “{}” not found"),
        ("Тема «{}»: до 500 знаков и от 1 до 200 часов.", "Topic “{}”: up to 500 characters and from 1 to 200 hours."),
        ("неизвестная настройка «{}» (есть: {})", "unknown setting “{}” (there are: {})"),
        ("«{}» не подходит; допустимо: {}", "“{}” does not fit; allowed: {}"),
        ("от {} до {}", "from {} to {}"),
        ("{}: нужно название и вес от 0,1 до 100.", "{}: a name and a weight from 0.1 to 100 are needed."),
        ("Вид работы с кодом «{}» уже есть.", "A type of work with the code “{}” already exists."),
        ("Поле «{}» закодировано неверно.", "The field “{}” is wrongly encoded."),
        ("Пароль должен быть не короче {} символов.", "The password must be at least {} characters long."),
        ("Пароль должен быть не длиннее {} символов.", "The password must be at most {} characters long."),
        // Timetable changes as the desk notes them on a lesson
        ("Замена: {}", "Substitute: {}"),
        ("Перенесён с {}, {}-й урок", "Moved from {}, lesson {}"),
        ("Вместо урока «{}»", "Instead of {}"),
    ]
}
