import Domain

/// Messages, announcements and events, notifications (issue 15).
extension Words {
    // MARK: Messages
    public var menuMessages: String { pick("Сообщения", "Messages") }
    public func menuMessagesUnread(_ n: Int) -> String { pick("Сообщения (\(n))", "Messages (\(n))") }
    public var messagesTitle: String { pick("Сообщения", "Messages") }
    public var noThreads: String { pick("Сообщений пока нет.", "No messages yet.") }
    public var newMessage: String { pick("Написать сообщение", "Write a message") }
    public var recipientsLabel: String { pick("Кому", "To") }
    public var recipientsHint: String {
        pick("Можно выбрать нескольких: удерживайте Ctrl (на телефоне — отметьте каждого).", "You may choose several: hold Ctrl (on a phone, tick each).")
    }
    public var messageSubjectLabel: String { pick("Тема", "Subject") }
    public var bodyLabel: String { pick("Сообщение", "Message") }
    public var fileLabel: String { pick("Файл (PDF, PNG или JPEG, до 3 МБ)", "File (PDF, PNG or JPEG, up to 3 MB)") }
    public var answer: String { pick("Ответить", "Answer") }
    public var answerPrivately: String { pick("Ответить учителю лично", "Answer the teacher privately") }
    public var yourAnswerLabel: String { pick("Ваш ответ", "Your answer") }
    public var broadcastTitle: String { pick("Сообщение родителям класса", "A message to the guardians of the class") }
    public var broadcastHint: String {
        pick("Получит каждый родитель класса; ответы придут вам лично, другие родители их не увидят.",
             "Every guardian of the class receives it; the answers come to you privately, other guardians do not see them.")
    }
    public func broadcastTo(_ className: String) -> String { pick("Родителям \(className)", "To the guardians of \(className)") }
    public var unreadLabel: String { pick("непрочитанных", "unread") }
    public func unreadCount(_ n: Int) -> String { pick("новых: \(n)", "new: \(n)") }
    public func withWhom(_ names: String) -> String { pick("с: \(names)", "with: \(names)") }
    public var withdrawn: String { pick("Сообщение отозвано автором.", "The author withdrew this message.") }
    public var withdrawnOwn: String { pick("Вы отозвали это сообщение; другие его не видят.", "You withdrew this message; the others do not see it.") }
    public var withdrawHint: String { pick("Пока никто не прочитал, сообщение можно отозвать.", "Until someone reads it, the message can be withdrawn.") }
    public func readBy(_ names: String) -> String { pick("Прочитано: \(names)", "Read by: \(names)") }
    public func readByCount(_ n: Int, _ of: Int) -> String { pick("Прочитали \(n) из \(of)", "Read by \(n) of \(of)") }
    public var notReadYet: String { pick("Ещё не прочитано", "Not read yet") }
    public var answersTitle: String { pick("Ответы родителей", "Guardians' answers") }
    public var noAnswers: String { pick("Ответов пока нет.", "No answers yet.") }
    public var attachmentsLabel: String { pick("Файлы", "Files") }
    public func fileSize(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? pick("\(bytes / (1024 * 1024)) МБ", "\(bytes / (1024 * 1024)) MB") : pick("\(max(1, bytes / 1024)) КБ", "\(max(1, bytes / 1024)) KB")
    }
    public var messageSent: String { pick("Сообщение отправлено.", "The message was sent.") }
    public var messageWithdrawn: String { pick("Сообщение отозвано.", "The message was withdrawn.") }
    public var allMessages: String { pick("Все сообщения", "All messages") }
    public var nobodyToWrite: String { pick("Писать пока некому.", "There is no one to write to yet.") }
    public var kioskReadOnly: String { pick("На киоске сообщения только читают; ответить можно с телефона или компьютера.",
                                            "At the kiosk messages are only read; answer from a phone or a computer.") }
    public func newMessageNotice(_ author: String, _ subject: String) -> String {
        pick("Новое сообщение от \(author): «\(subject)»", "A new message from \(author): “\(subject)”")
    }
    public func roleStaff(_ roles: String) -> String { roles }
    public func studentOf(_ className: String) -> String { pick("ученик \(className)", "student of \(className)") }
    public func guardianOf(_ classes: String) -> String { pick("родитель, \(classes)", "guardian, \(classes)") }
    public func classTeacherOf(_ classes: String) -> String { pick("кл. рук. \(classes)", "class teacher of \(classes)") }
    public var staffGroup: String { pick("Сотрудники", "Staff") }
    public var familiesGroup: String { pick("Ученики и родители", "Students and guardians") }

    // MARK: The administration's search
    public var searchTitle: String { pick("Поиск по сообщениям", "Search the messages") }
    public var searchHint: String {
        pick("Для разбора обращений и жалоб. Каждый поиск записывается в журнал изменений.",
             "For looking into complaints. Every search is recorded in the change log.")
    }
    public var messageSearchLabel: String { pick("Что искать (в теме и тексте)", "What to look for (in subjects and texts)") }
    public var searchButton: String { pick("Искать", "Search") }
    public var nothingFound: String { pick("Ничего не найдено.", "Nothing found.") }
    public func foundCount(_ n: Int) -> String { pick("Найдено сообщений: \(n)", "Messages found: \(n)") }
    public var withdrawnMark: String { pick("отозвано", "withdrawn") }
}

/// Announcements and events.
extension Words {
    public var eventsTitle: String { pick("Объявления и события", "Announcements and events") }
    public var eventsWeekTitle: String { pick("События недели", "This week's events") }
    public var noEvents: String { pick("Объявлений и событий нет.", "No announcements or events.") }
    public var allEvents: String { pick("Все объявления и события", "All announcements and events") }
    public var newEvent: String { pick("Новое объявление или событие", "A new announcement or event") }
    public var eventTitleLabel: String { pick("Заголовок", "Title") }
    public var eventDetailsLabel: String { pick("Подробности (необязательно)", "Details (optional)") }
    public var eventStartsLabel: String { pick("С какого дня", "From") }
    public var eventEndsLabel: String { pick("По какой день (необязательно)", "Until (optional)") }
    public var eventForLabel: String { pick("Для кого", "For whom") }
    public var wholeSchool: String { pick("Вся школа", "The whole school") }
    public func eventForClass(_ name: String) -> String { pick("Класс \(name)", "Class \(name)") }
    public var postEvent: String { pick("Опубликовать", "Publish") }
    public var eventPosted: String { pick("Опубликовано.", "Published.") }
    public var eventsHomeHint: String { pick("Объявить о собрании, экскурсии, празднике", "Announce a meeting, an outing, a celebration") }
    public var kioskEvents: String { pick("Объявления", "Announcements") }
}

/// Notifications for families.
extension Words {
    public func absenceNotice(_ child: String, _ subject: String, _ bell: Int) -> String {
        pick("\(child): отсутствует на уроке «\(subject)» (\(bell)-й урок) без уважительной причины", "\(child): absent from \(subject) (lesson \(bell)) without a valid reason")
    }
    public func markNotice(_ child: String, _ value: String, _ workType: String, _ subject: String, _ date: String) -> String {
        pick("\(child): отметка \(value) («\(workType)») по предмету «\(subject)» за \(date)", "\(child): mark \(value) (\(workType)) in \(subject) for \(date)")
    }
    public func remarkNotice(_ child: String, _ subject: String, _ text: String) -> String {
        pick("\(child), «\(subject)»: \(text)", "\(child), \(subject): \(text)")
    }
    public func finalsNotice(_ child: String, _ what: String, _ subject: String, _ value: String) -> String {
        pick("\(child): выставлена отметка \(what) по предмету «\(subject)» — \(value); ознакомьтесь в дневнике",
             "\(child): a final mark (\(what)) in \(subject) — \(value); please acknowledge it in the diary")
    }
    public func weeklyNotice(_ child: String, marks: Int, absences: Int, remarks: Int) -> String {
        pick("\(child) за неделю: отметок — \(marks), пропусков — \(absences), замечаний и похвал — \(remarks)",
             "\(child) this week: marks \(marks), absences \(absences), remarks and praise \(remarks)")
    }
    public var notificationsTitle: String { pick("Уведомления", "Notifications") }
    public var noNotifications: String { pick("Уведомлений нет.", "No notifications.") }
    public var notificationSettings: String { pick("Какие уведомления получать", "Which notifications to receive") }
    public var notificationSettingsHint: String {
        pick("Уведомления видны в дневнике и на киоске; по почте — если в карточке указан адрес и школа настроила почтовый сервер.",
             "Notifications show in the diary and at the kiosk; by e-mail too when your card has an address and the school has set up its mail relay.")
    }
    public func notificationKind(_ kind: String) -> String {
        switch kind {
        case "absence": pick("Пропуск урока сегодня", "An absence today")
        case "mark": pick("Новая отметка", "A new mark")
        case "remark": pick("Замечание или похвала учителя", "A teacher's remark or praise")
        case "message": pick("Новое сообщение", "A new message")
        case "finals": pick("Итоговые отметки — ознакомиться", "Final marks to acknowledge")
        case "weekly": pick("Итоги недели (по понедельникам)", "The week's summary (on Mondays)")
        default: pick("Также по электронной почте", "By e-mail as well")
        }
    }
    public var saveChoice: String { pick("Сохранить", "Save") }
    public var choiceSaved: String { pick("Сохранено.", "Saved.") }
    public var notificationsHomeHint: String { pick("Пропуски, отметки, замечания, сообщения; что получать", "Absences, marks, remarks, messages; what to receive") }
    public var markAllRead: String { pick("Отметить все прочитанными", "Mark all as read") }
    public func unreadNotifications(_ n: Int) -> String { pick("Новых уведомлений: \(n)", "New notifications: \(n)") }
    public var allNotifications: String { pick("Все уведомления", "All notifications") }
}
