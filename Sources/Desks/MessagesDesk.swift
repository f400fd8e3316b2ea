import Domain
import Storage
import Words

/// Messages between the school's people (issue 15): threads, a class teacher's broadcast to the
/// guardians of the class with the answers coming back privately, read receipts, small files.
/// Who may write to whom is the access policy's (`.sendMessage` on a `.correspondent`). Every
/// message is kept: its author may withdraw one nobody has read yet (kept, marked, audited),
/// and the administration may search them all when a complaint needs it (audited).
public struct MessagesDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A file to send with a message, as uploaded.
    public struct Attachment: Sendable {
        public let fileName: String
        public let bytes: [UInt8]

        public init(fileName: String, bytes: [UInt8]) {
            self.fileName = fileName
            self.bytes = bytes
        }
    }

    /// A thread as one of its members (or, read-only, the kiosk) sees it.
    public struct ThreadView: Sendable {
        public let thread: ThreadRecord
        /// Oldest first; another's withdrawn message keeps its place without its text or files.
        public let messages: [MessageRecord]
        /// A broadcast's private answers, for its author: (thread, guardian's name, unread).
        public let answers: [ThreadSummary]
        /// The viewer may write in it (a broadcast takes answers in their own threads).
        public let isBroadcast: Bool
    }

    /// Starts a thread with the people given; returns its id.
    public func write(to people: [Int], subject: String, body: String, attachments: [Attachment] = [], today: CivilDate, by editor: Editor) throws -> Int {
        let (subject, body) = try Self.check(subject: subject, body: body)
        let recipients = people.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        guard !recipients.isEmpty else { throw DeskError.invalid("Выберите, кому написать.", field: "to") }
        guard recipients.count <= MessageRules.maxRecipients else { throw DeskError.invalid("Адресатов больше 100.", field: "to") }
        let files = try Self.check(attachments)
        return try database.write { c in
            let year = try c.academicYear(containing: today)?.id ?? -1
            for id in recipients {
                guard let who = try c.correspondent(id, year: year) else { throw DeskError.invalid("Такого адресата нет.", field: "to") }
                try editor.require(.sendMessage, .correspondent(id: id, roles: who.roles, classes: who.classes))
            }
            let thread = try c.insertThread(subject: subject, startedBy: editor.actor.personID, at: editor.at, classID: nil, parentID: nil)
            for person in [editor.actor.personID] + recipients { try c.addThreadMember(thread: thread, person: person) }
            let message = try post(c, thread: thread, subject: subject, body: body, files: files, notify: recipients, editor)
            try c.appendAudit(editor.entry(.messageSend, entity: "message", id: message, new: "«\(subject)», адресатов: \(recipients.count)"))
            return thread
        }
    }

    /// A class teacher's message to every guardian of the class (each once); returns its thread.
    public func broadcast(classID: Int, subject: String, body: String, attachments: [Attachment] = [], by editor: Editor) throws -> Int {
        try editor.require(.broadcastMessages, .schoolClass(classID))
        let (subject, body) = try Self.check(subject: subject, body: body)
        let files = try Self.check(attachments)
        return try database.write { c in
            guard try c.schoolClass(classID) != nil else { throw DeskError.notFound("Такого класса нет.") }
            let guardians = try c.classGuardians(classID: classID).filter { $0 != editor.actor.personID }
            guard !guardians.isEmpty else { throw DeskError.invalid("У учеников класса нет родителей в списках.", field: "class") }
            let thread = try c.insertThread(subject: subject, startedBy: editor.actor.personID, at: editor.at, classID: classID, parentID: nil)
            for person in [editor.actor.personID] + guardians { try c.addThreadMember(thread: thread, person: person) }
            let message = try post(c, thread: thread, subject: subject, body: body, files: files, notify: guardians, editor)
            try c.appendAudit(editor.entry(.messageSend, entity: "message", id: message, new: "«\(subject)», родителям класса: \(guardians.count)",
                                           schoolClass: classID))
            return thread
        }
    }

    /// An answer in a thread of one's own; a guardian's answer to a broadcast goes to a thread of
    /// its own with the broadcast's author. Returns the thread the answer went to.
    public func answer(thread id: Int, body: String, attachments: [Attachment] = [], by editor: Editor) throws -> Int {
        try editor.require(.sendMessage, .school)
        let (_, body) = try Self.check(subject: "-", body: body)
        let files = try Self.check(attachments)
        return try database.write { c in
            let me = editor.actor.personID
            guard let thread = try c.thread(id), thread.member(me) != nil else { throw DeskError.notFound("Такой переписки нет.") }
            var target = thread
            if thread.classID != nil, thread.startedBy != me {
                if let existing = try c.answerThread(parent: id, by: me), let t = try c.thread(existing) {
                    target = t
                } else {
                    let answer = try c.insertThread(subject: thread.subject, startedBy: me, at: editor.at, classID: nil, parentID: id)
                    for person in [me, thread.startedBy] { try c.addThreadMember(thread: answer, person: person) }
                    target = try c.thread(answer)!
                }
            }
            let notify = target.members.map(\.id).filter { $0 != me }
            let message = try post(c, thread: target.id, subject: target.subject, body: body, files: files, notify: notify, editor)
            try c.appendAudit(editor.entry(.messageSend, entity: "message", id: message, new: "«\(target.subject)», ответ"))
            return target.id
        }
    }

    /// Withdraws one's own message that no one else has read yet: kept, marked, audited.
    public func withdraw(message id: Int, by editor: Editor) throws {
        try editor.require(.sendMessage, .school)
        try database.write { c in
            guard let m = try c.message(id), m.authorID == editor.actor.personID, let thread = try c.thread(m.threadID) else {
                throw DeskError.notFound("Такого сообщения нет.")
            }
            guard m.withdrawnAt == nil else { return }
            guard !thread.members.contains(where: { $0.id != m.authorID && $0.readUpTo >= id }) else {
                throw DeskError.invalid("Сообщение уже прочитано: отозвать его нельзя.", field: "message")
            }
            try c.withdrawMessage(id, at: editor.at)
            try c.appendAudit(editor.entry(.messageWithdraw, entity: "message", id: id, new: "«\(thread.subject)»"))
        }
    }

    /// The threads of the editor, newest first.
    public func threads(of actor: Actor) throws -> [ThreadSummary] {
        try database.read { try $0.threads(of: actor.personID) }
    }

    /// A thread of the editor's; reading it on the web marks it read (the kiosk only reads).
    /// Anyone outside it is told it does not exist.
    public func open(thread id: Int, by editor: Editor) throws -> ThreadView {
        try editor.require(.readMessages, .school)
        let me = editor.actor.personID
        let view = try database.read { c -> ThreadView in
            guard let thread = try c.thread(id), thread.member(me) != nil else { throw DeskError.notFound("Такой переписки нет.") }
            let messages = try c.threadMessages(id).map { m in
                m.withdrawnAt == nil || m.authorID == me ? m : m.hidden
            }
            let answers = thread.classID != nil && thread.startedBy == me
                ? try c.threads(of: me).filter { summary in try c.thread(summary.id)?.parentID == id } : []
            return ThreadView(thread: thread, messages: messages, answers: answers, isBroadcast: thread.classID != nil)
        }
        if editor.actor.channel == .web, let last = view.messages.last?.id, (view.thread.member(me)?.readUpTo ?? 0) < last {
            try database.write { try $0.markThreadRead(thread: id, person: me, upTo: last, at: editor.at) }
        }
        return view
    }

    /// A file of a message in one of the actor's threads (nothing of a withdrawn message but to its author).
    public func attachment(_ id: Int, by actor: Actor) throws -> (info: AttachmentInfo, bytes: [UInt8]) {
        try database.read { c in
            guard let a = try c.attachment(id), let thread = try c.thread(a.threadID), thread.member(actor.personID) != nil else {
                throw DeskError.notFound("Такого файла нет.")
            }
            let own = try c.threadMessages(a.threadID).contains { $0.authorID == actor.personID && $0.attachments.contains { $0.id == id } }
            guard !a.withdrawn || own else { throw DeskError.notFound("Такого файла нет.") }
            return (a.info, a.bytes)
        }
    }

    /// The administration's search over every message (withdrawn ones too), audited with what was sought.
    public func search(_ text: String, by editor: Editor) throws -> [MessageHit] {
        try editor.require(.searchMessages, .school)
        let text = text.trimmingWhitespace
        guard text.count >= 3 else { throw DeskError.invalid("Для поиска нужно хотя бы 3 знака.", field: "q") }
        return try database.write { c in
            try c.appendAudit(editor.entry(.messageSearch, entity: "message", new: text))
            return try c.searchMessages(text)
        }
    }

    /// The people the editor may write to, by name, for the new message form: staff first, then families.
    public func correspondents(today: CivilDate, for actor: Actor) throws -> [MessageCandidate] {
        try database.read { c in
            let year = try c.academicYear(containing: today)?.id ?? -1
            return try c.messageCandidates(year: year).filter { p in
                AccessPolicy.permits(actor, .sendMessage, .correspondent(id: p.id, roles: p.roles, classes: p.classes))
            }
        }
    }

    // MARK: Rules

    static func check(subject: String, body: String) throws -> (String, String) {
        let subject = subject.trimmingWhitespace, body = body.trimmingWhitespace
        guard !subject.isEmpty else { throw DeskError.invalid("Напишите тему.", field: "subject") }
        guard subject.count <= MessageRules.maxSubject else { throw DeskError.invalid("Тема длиннее 200 знаков.", field: "subject") }
        guard !body.isEmpty else { throw DeskError.invalid("Напишите сообщение.", field: "body") }
        guard body.count <= MessageRules.maxBody else { throw DeskError.invalid("Сообщение длиннее 10000 знаков.", field: "body") }
        return (subject, body)
    }

    static func check(_ files: [Attachment]) throws -> [(name: String, type: String, bytes: [UInt8])] {
        guard files.count <= MessageRules.maxAttachments else { throw DeskError.invalid("Не больше трёх файлов к сообщению.", field: "file") }
        return try files.map { f in
            guard f.bytes.count <= MessageRules.maxAttachmentBytes else { throw DeskError.invalid("Файл больше 3 МБ.", field: "file") }
            guard let type = MessageRules.mediaType(of: f.bytes) else { throw DeskError.invalid("Прикрепить можно PDF, PNG или JPEG.", field: "file") }
            return (MessageRules.fileName(f.fileName), type, f.bytes)
        }
    }

    /// Writes a message with its files and tells the families among `notify` in their diary.
    func post(_ c: Connection, thread: Int, subject: String, body: String, files: [(name: String, type: String, bytes: [UInt8])], notify: [Int],
              _ editor: Editor) throws -> Int {
        let id = try c.insertMessage(thread: thread, author: editor.actor.personID, at: editor.at, body: body)
        for f in files { try c.insertAttachment(message: id, fileName: f.name, mediaType: f.type, bytes: f.bytes) }
        let author = try c.shortNames([editor.actor.personID])[editor.actor.personID] ?? ""
        let mailFrom = try c.mailFrom()
        for person in notify {
            let children = try c.linkedStudents(guardian: person)
            let isStudent = try c.isEnrolledNow(person)
            guard isStudent || !children.isEmpty else { continue }
            let text = Words.russian.newMessageNotice(author, subject)
            try c.notify(person: person, student: isStudent ? person : children.first, kind: .message, at: editor.at, text: text,
                         mailSubject: subject, mailFrom: mailFrom)
        }
        return id
    }
}
