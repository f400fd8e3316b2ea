import Domain

/// People: the card, adding a person, consents, guardians, a student's arrival and leaving,
/// families without electronic access.
extension Words {
    // MARK: The card

    public var personalCardTitle: String { pick("Личные данные", "Personal details") }
    public var editCardTitle: String { pick("Изменить личную карточку", "Edit the personal card") }
    public var lastNameLabel: String { pick("Фамилия", "Last name") }
    public var firstNameLabel: String { pick("Имя", "First name") }
    public var middleNameLabel: String { pick("Отчество", "Patronymic") }
    public var genderLabel: String { pick("Пол", "Gender") }
    public var genderMale: String { pick("мужской", "male") }
    public var genderFemale: String { pick("женский", "female") }
    public var birthDateLabel: String { pick("Дата рождения", "Date of birth") }
    public var phoneLabel: String { pick("Телефон", "Phone") }
    public var phoneHint: String { pick("Например, +7 912 345-67-89", "For example, +7 912 345-67-89") }
    public var emailLabel: String { pick("Email", "Email") }
    public var notRecorded: String { pick("не указано", "not recorded") }
    public var personalDataLabel: String { pick("Дата рождения, телефон, email", "Date of birth, phone, email") }
    public var personalDataNeedsConsent: String {
        pick("Не хранятся: нет согласия на обработку персональных данных. Запишите согласие, затем заполните их.",
             "Not kept: no consent to the processing of personal data. Record a consent first, then fill them in.")
    }
    public var personalDataWithdrawn: String {
        pick("Дата рождения, телефон и email скрыты: согласие отозвано. Их можно будет заполнить после нового согласия.",
             "Date of birth, phone and email are hidden: the consent was withdrawn. They can be filled in after a new consent.")
    }
    /// What a page shows in place of personal data after the consent was withdrawn.
    public var hiddenConsentWithdrawn: String { pick("скрыто: согласие отозвано", "hidden: consent withdrawn") }
    public var rolesLabel: String { pick("Должности", "Roles") }
    public var save: String { pick("Сохранить", "Save") }
    public var notSavedSeeFields: String { pick("Не сохранено: ошибки — рядом с полями.", "Not saved: see the messages beside the fields.") }
    public func personAdded(_ login: String) -> String {
        pick("Добавлен(а). Логин: \(login). Чтобы человек мог войти, напечатайте листок с логином ниже.",
             "Added. Login: \(login). Print a login slip below so that they can sign in.")
    }
    public var enrolledOnPrefix: String { pick("Зачислен(а)", "Enrolled") }
    public func enrolledOn(_ date: String) -> String { pick("Зачислен(а) \(date)", "Enrolled on \(date)") }
    public func arrivesOn(_ date: String) -> String { pick("Прибудет \(date): в журнале — с этого дня", "Arrives on \(date): in the journal from that day") }
    public var leftFromClass: String { pick("Выбыл(а) из класса", "Left class") }
    public func since(_ date: String) -> String { pick("с \(date)", "from \(date)") }
    public var unlink: String { pick("отвязать", "unlink") }
    public func unlinkLabel(_ name: String) -> String { pick("Отвязать: \(name)", "Unlink \(name)") }
    public var chooseClass: String { pick("Выберите класс.", "Choose a class.") }

    // MARK: Consent

    public var revokeConsentTitle: String { pick("Отзыв согласия", "Withdrawing the consent") }
    public func revokeConsentExplained(_ since: String) -> String {
        pick("Согласие от \(since) действует. Если человек (или законный представитель) отозвал его, отметьте это: дата рождения, телефон и email перестанут показываться на всех страницах («скрыто: согласие отозвано»).",
             "The consent of \(since) is in force. If it was withdrawn, record it: the date of birth, phone and email stop being shown on every page.")
    }
    public func consentRevokedOn(_ date: String) -> String { pick("отозвано \(date)", "withdrawn on \(date)") }
    public var revokeConsentButton: String { pick("Согласие отозвано — записать", "Record the withdrawal") }
    public var consentLegend: String { pick("Согласие на обработку персональных данных", "Consent to the processing of personal data") }
    public var consentExplained: String {
        pick("Без согласия хранятся только имя и класс. Дата рождения, телефон и email — только после записанного согласия (152-ФЗ).",
             "Without a consent only the name and the class are kept. Date of birth, phone and email need a recorded consent.")
    }
    public var consentOnLabel: String { pick("Дата согласия", "Date of the consent") }
    public var consentDocumentLabel: String { pick("Документ согласия", "Consent document") }
    public var consentDocumentHint: String { pick("Например, «Согласие № 15 от 01.09.2026»", "For example, «Consent No. 15 of 01.09.2026»") }
    public var consentGivenByLabel: String { pick("Кто дал согласие", "Given by") }
    public var consentGivenByHint: String { pick("Сам человек или законный представитель", "The person or their legal representative") }

    // MARK: Guardians

    public var linkGuardianTitle: String { pick("Привязать родителя", "Link a guardian") }
    public var guardianLoginOrName: String { pick("Логин или ФИО родителя", "Guardian's login or full name") }
    public var guardianLoginOrNameHint: String {
        pick("Родитель, который уже есть в Табеле (например, у брата или сестры в другом классе)", "A guardian already in Tabel (say, of a brother or sister in another class)")
    }
    public var relationLabel: String { pick("Кем приходится", "Relation") }
    public var relationHint: String { pick("мать, отец, опекун…", "mother, father, guardian…") }
    public var linkGuardianButton: String { pick("Привязать", "Link") }
    public var addNewGuardian: String { pick("Добавить нового родителя", "Add a new guardian") }
    public var childLabel: String { pick("Ребёнок", "Child") }
    public var childClassLabel: String { pick("Класс ребёнка", "The child's class") }
    public var showStudents: String { pick("Показать учеников", "Show the students") }

    // MARK: Arrival and leaving

    public var leaveTitle: String { pick("Выбытие", "Leaving") }
    public var leaveExplained: String {
        pick("С этой даты ученик не в списке класса и не в списках уроков; его отметки, пропуски и итоговые остаются в журнале, дневник — за время учёбы.",
             "From this date the student is on neither the class's list nor the lessons'; their marks, absences and final marks stay in the journal, the diary covers their time at school.")
    }
    public var leaveDateLabel: String { pick("Дата выбытия", "Date of leaving") }
    public var leaveReasonLabel: String { pick("Причина", "Reason") }
    public var leaveReasonHint: String { pick("Например, «переезд, перевод в школу № 5 (приказ № 112)»", "For example, «moved, transferred to school No. 5»") }
    public var leaveButton: String { pick("Записать выбытие", "Record the leaving") }
    public var enrolTitle: String { pick("Зачислить в класс", "Enrol in a class") }
    public var enrolButton: String { pick("Зачислить", "Enrol") }
    public var classLabel: String { pick("Класс", "Class") }
    public var joinedOnLabel: String { pick("Дата зачисления", "Date of enrolment") }
    public var joinedOnHint: String {
        pick("С этого дня ученик в списках уроков. Сегодня — если не указано другое.", "On the lessons' lists from this day. Today unless told otherwise.")
    }

    // MARK: Families without electronic access

    public var electronicAccessTitle: String { pick("Электронный дневник", "Electronic diary") }
    public func electronicAccessRefused(_ since: String) -> String {
        pick("Семья отказалась от электронного доступа (записано \(since)): получает еженедельную распечатку.",
             "The family refused electronic access (recorded \(since)): they get a weekly printout.")
    }
    public var electronicAccessRefuseExplained: String {
        pick("Если семья письменно отказалась от электронного дневника, отметьте это: классный руководитель будет давать ей еженедельную распечатку.",
             "If the family refused the electronic diary in writing, record it: the class teacher gives them a weekly printout.")
    }
    public var electronicAccessRestoreExplained: String {
        pick("Семья отказалась от электронного доступа. Если она передумала, отметьте это.", "The family refused electronic access. If they changed their mind, record it.")
    }
    public var electronicAccessRefuseButton: String { pick("Семья отказалась — записать", "Record the refusal") }
    public var electronicAccessRestoreButton: String { pick("Семья пользуется дневником", "The family uses the diary") }
    public var electronicAccessRefusedBox: String {
        pick("Семья отказалась от электронного доступа (нужна распечатка)", "The family refused electronic access (needs a printout)")
    }

    // MARK: Adding a person

    public func kindName(_ kind: PersonKind) -> String {
        switch kind {
        case .student: pick("Ученик", "Student")
        case .guardian: pick("Родитель", "Guardian")
        case .staff: pick("Сотрудник", "Staff member")
        }
    }
    public func addPersonTitle(_ kind: PersonKind) -> String {
        switch kind {
        case .student: pick("Добавить ученика", "Add a student")
        case .guardian: pick("Добавить родителя", "Add a guardian")
        case .staff: pick("Добавить сотрудника", "Add a staff member")
        }
    }
    public func addButton(_ kind: PersonKind) -> String { addPersonTitle(kind) }
    public var notAddedSeeFields: String { pick("Не добавлено: ошибки — рядом с полями.", "Not added: see the messages beside the fields.") }
    public var addPerson: String { pick("Добавить человека", "Add a person") }
    public var addStudent: String { pick("Добавить ученика", "Add a student") }

    // MARK: The class page

    public var leaversTitle: String { pick("Выбывшие", "Left the class") }
    public var noElectronicAccessTitle: String { pick("Без электронного доступа", "Without electronic access") }
    public var noElectronicAccessExplained: String {
        pick("Эти семьи отказались от электронного дневника: им нужна еженедельная распечатка уроков, отметок и пропусков.",
             "These families refused the electronic diary: they need a weekly printout of lessons, marks and absences.")
    }
    public var noElectronicAccessNone: String { pick("Все семьи класса пользуются электронным дневником.", "Every family of the class uses the electronic diary.") }
    public var paperTag: String { pick("без эл. доступа", "no e-access") }
    public func arrivedTag(_ date: String) -> String { pick("с \(date)", "from \(date)") }

    // MARK: The diary of a student who left

    public func diaryOfLeaver(_ date: String) -> String {
        pick("Выбыл(а) из класса \(date): дневник — за время учёбы, отметки сохранены.",
             "Left the class on \(date): the diary covers their time at school, the marks are kept.")
    }
}

/// The people list, the card and the class page as they were before the catalogue (same Russian).
extension Words {
    // MARK: The people list

    public var peopleTitle: String { pick("Люди", "People") }
    public var peopleHeading: String { pick("Люди и учётные записи", "People and accounts") }
    public var searchLabel: String { pick("Фамилия, имя или логин", "Name or login") }
    public var allClasses: String { pick("все", "all") }
    public var findButton: String { pick("Найти", "Find") }
    public var classesHeading: String { pick("Классы", "Classes") }
    public func peopleFound(_ n: Int) -> String { pick("Найдено: \(n)", "Found: \(n)") }
    public func shownFirst(_ shown: Int, of all: Int) -> String {
        pick("Показаны первые \(shown) из \(all): уточните поиск.", "The first \(shown) of \(all) are shown: narrow the search.")
    }
    public var slipsShort: String { pick("листки", "slips") }
    public func bornIn(_ year: Int) -> String { pick("\(year) г. р.", "born \(year)") }
    public var lockedInList: String { pick(" (заблокирована)", " (locked)") }
    public var consentNone: String { pick("нет", "no") }
    public var columnName: String { pick("ФИО", "Name") }
    public var columnWho: String { pick("Кто", "Who") }
    public var columnLogin: String { pick("Логин", "Login") }
    public var columnConsent: String { pick("Согласие на обработку ПДн", "Consent to personal data") }

    // MARK: The card

    public var studentOfClass: String { pick("Обучающийся, класс", "Student, class") }
    public var studentsDiary: String { pick("Дневник ученика", "The student's diary") }
    public var classTeacherOf: String { pick("Классный руководитель:", "Class teacher of") }
    public var contactsNeedConsent: String { pick("контакты — только с согласием на обработку ПДн", "contacts only with a consent to personal data") }
    public var guardiansHeading: String { pick("Родители", "Guardians") }
    public var noGuardians: String { pick("Родители не записаны.", "No guardians recorded.") }
    public var childrenHeading: String { pick("Дети", "Children") }
    public var diaryLink: String { pick("дневник", "diary") }
    public var classComma: String { pick(", класс ", ", class ") }
    public var recordConsentTitle: String { pick("Записать согласие", "Record a consent") }
    public var consentDateHint: String { pick("ДД.ММ.ГГГГ", "DD.MM.YYYY") }
    public var consentShortDocumentLabel: String { pick("Документ", "Document") }
    public var recordButton: String { pick("Записать", "Record") }
    public var noNumber: String { pick("без номера", "no number") }
    public func givenBy(_ who: String) -> String { pick(", дал(а): \(who)", ", given by \(who)") }
    public var slipWarningInUse: String {
        pick("Этот человек уже пользуется Табелем. Новый листок сразу отключит его пароль и завершит его сеансы.",
             "This person already uses Tabel. A new slip disables their password and ends their sessions at once.")
    }
    public var slipExplained: String {
        pick("Новый листок содержит временный пароль. Прежний пароль и прежние листки этого человека сразу перестанут действовать.",
             "A new slip holds a temporary password. The person's earlier password and slips stop working at once.")
    }
    public var slipTitle: String { pick("Листок с логином", "Login slip") }
    public var noAccountYet: String { pick("Учётной записи ещё нет: листок создаст её.", "No account yet: the slip creates one.") }
    public var createAccountAndPrint: String { pick("Создать учётную запись и напечатать листок", "Create the account and print a slip") }
    public var printNewSlip: String { pick("Напечатать новый листок (PDF)", "Print a new slip (PDF)") }
    public var lockTitle: String { pick("Блокировка", "Lock") }
    public var accountIsLocked: String { pick("Учётная запись заблокирована.", "The account is locked.") }
    public var lockExplained: String { pick("Блокировка завершает все сеансы и запрещает вход.", "A lock ends every session and stops signing in.") }
    public var unlockButton: String { pick("Разблокировать", "Unlock") }
    public var lockButton: String { pick("Заблокировать", "Lock") }
    public var allPeople: String { pick("← Все люди", "← All people") }
    public func backToClass(_ name: String) -> String { pick("← Класс \(name)", "← Class \(name)") }
    public var loginColon: String { pick("Логин:", "Login:") }
    public var noAccount: String { pick("нет учётной записи", "no account") }
    public var lockedSuffix: String { pick(" — заблокирована", " — locked") }
    public var accountHeading: String { pick("Учётная запись", "Account") }
    public var consentsHeading: String { pick("Согласия на обработку персональных данных", "Consents to the processing of personal data") }
    public var noConsent: String { pick("Не записано. Пока согласия нет, хранятся только имя и класс.", "None recorded. Until there is one, only the name and the class are kept.") }

    // MARK: The class page

    public func classTitle(_ name: String) -> String { pick("Класс \(name)", "Class \(name)") }
    public func classSummary(teacher: String?, students: Int) -> String {
        pick("Классный руководитель: \(teacher ?? "не назначен") · учеников: \(students)", "Class teacher: \(teacher ?? "none") · students: \(students)")
    }
    public var slipsButton: String { pick("Листки с логинами", "Login slips") }
    public var accountsOfClass: String { pick("Ученики и родители: учётные записи", "Students and guardians: accounts") }
    public var pageSections: String { pick("Разделы страницы", "Sections of the page") }
    public var studentsHeading: String { pick("Ученики", "Students") }
    public var finalsTab: String { pick("Итоговые: ознакомление", "Final marks: seen") }
    public var reportsTab: String { pick("Сообщения об ошибках", "Wrong-mark reports") }
    public var notSignedInTab: String { pick("Ещё не входили", "Not signed in yet") }
    public var columnNumber: String { pick("№", "No.") }
    public var columnDiary: String { pick("Дневник", "Diary") }
    public var columnWeekAbsences: String { pick("Пропусков за неделю", "Absences this week") }
    public func reasonsSaved(_ n: Int) -> String { pick("Сохранено причин: \(n).", "Reasons saved: \(n).") }
    public var reasonsPartlySaved: String {
        pick("Не все причины сохранены: ошибки — рядом с полями, остальные сохранены.", "Not every reason was saved: see the messages beside the fields; the others are saved.")
    }
    public var classPreviousWeek: String { pick("← Прошлая неделя", "← Previous week") }
    public var classNextWeek: String { pick("Следующая неделя →", "Next week →") }
    public var todayLink: String { pick("Сегодня", "Today") }
    public var noAbsences: String { pick("Пропусков нет.", "No absences.") }
    public var weekHeading: String { pick("Неделя", "Week") }
    public var columnStudent: String { pick("Ученик", "Student") }
    public var weekReasonsHeading: String { pick("Причины пропусков за неделю", "Reasons of the week's absences") }
    public var reasonsExplained: String {
        pick("Классный руководитель исправляет причину (не сам пропуск), когда принесли документ: в течение рабочих дней, которые установила школа.",
             "The class teacher corrects the reason (not the absence itself) when a document is brought, within the working days the school set.")
    }
    public var finalsHeading: String { pick("Ознакомление родителей с итоговыми отметками", "Guardians who have seen the final marks") }
    public var reportsHeading: String { pick("Сообщения об ошибках в отметках", "Reports of wrong marks") }
    public var contactsHeading: String { pick("Родители и их контакты", "Guardians and their contacts") }
    public var contactsExplained: String {
        pick("Телефон и почта показаны только тех, чьё согласие на обработку персональных данных записано.",
             "Phone and email are shown only for those whose consent to the processing of personal data is recorded.")
    }
    public var columnGuardians: String { pick("Родители", "Guardians") }
    public var notSignedInHeading: String { pick("Ещё не входили в Табель", "Not signed in to Tabel yet") }
    public var everyoneSignedIn: String { pick("Все ученики и родители класса уже входили.", "Every student and guardian of the class has signed in.") }
    public func printSlipsForNew(_ n: Int) -> String { pick("Напечатать листки тем, кто ещё не входил (\(n))", "Print slips for those not signed in yet (\(n))") }
    public var noContactConsent: String { pick("нет согласия на контакты", "no consent to contacts") }
    public var notRecordedPlural: String { pick("не записаны", "none recorded") }
    public var studentLower: String { pick("ученик", "student") }
    public var guardianLower: String { pick("родитель", "guardian") }
    public var noWeekAbsences: String { pick("За неделю пропусков нет.", "No absences this week.") }
    public var saveReasons: String { pick("Сохранить причины", "Save the reasons") }
    public func closedReasons(_ n: Int) -> String {
        pick("Уже не исправить (срок прошёл или урок не ваш): \(n)", "Too late to correct (past the window, or not your lesson): \(n)")
    }
    public var columnDate: String { pick("Дата", "Date") }
    public var columnLesson: String { pick("Урок", "Lesson") }
    public var columnSubject: String { pick("Предмет", "Subject") }
    public var columnReason: String { pick("Причина", "Reason") }
    public var noPeriodFinished: String { pick("Ни одна четверть (полугодие) ещё не закончилась.", "No quarter (half-year) has finished yet.") }
    public var byLessons: String { pick("— по урокам —", "— by lesson —") }
    public func wholeDay(_ n: Int) -> String { pick("весь день (\(n) \(n < 5 ? "урока" : "уроков"))", "the whole day (\(n) lessons)") }
    public func reasonForDay(_ student: String, _ date: String) -> String { pick("Причина на весь день: \(student), \(date)", "Reason for the whole day: \(student), \(date)") }
    public func reasonFor(_ student: String, _ date: String, bell: Int) -> String {
        pick("Причина: \(student), \(date), \(bell)-й урок", "Reason: \(student), \(date), lesson \(bell)")
    }
    public func lessonNumber(_ bell: Int) -> String { pick("\(bell)-й урок", "lesson \(bell)") }
    public var reasonCannotBeCorrected: String {
        pick("Эту причину исправить нельзя: пропуск уже снят или урок не вашего класса.", "This reason cannot be corrected: the absence was removed or the lesson is not your class's.")
    }
    public var noSuchPerson: String { pick("Такого человека нет.", "There is no such person.") }
    /// The grid's mark of a student who left within its dates: «выбыл(а) 20.11».
    public func gridLeft(_ date: String) -> String { pick("выбыл(а) \(date)", "left \(date)") }
    /// The grid's mark of a student who arrived within its dates: «с 20.11».
    public func gridJoined(_ date: String) -> String { pick("с \(date)", "from \(date)") }
    public var gridNotEnrolled: String { pick("Не в списке класса на эту дату", "Not on the class list on this date") }
    public var chooseAbsenceCode: String {
        let codes = AbsenceCode.allCases.map(\.rawValue)
        return pick("Выберите \(codes.dropLast().joined(separator: ", ")) или \(codes.last ?? "").", "Choose \(codes.dropLast().joined(separator: ", ")) or \(codes.last ?? "").")
    }
    public var lessonNotOfClass: String { pick("Этот урок не из класса.", "This lesson is not the class's.") }
}
