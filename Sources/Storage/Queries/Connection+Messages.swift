import Domain

/// One of a person's threads as their list shows it.
public struct ThreadSummary: Sendable, Equatable {
    public let id: Int
    public let subject: String
    /// The other members' short names, the starter first.
    public let with: [String]
    public let lastAt: Int
    /// Messages of the others this person has not read yet.
    public let unread: Int
    /// The class of a class teacher's broadcast.
    public let classID: Int?
}

/// A thread with its members and how far each has read.
public struct ThreadRecord: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public let id: Int
        public let name: String
        public let readUpTo: Int
        public let readAt: Int?
    }

    public let id: Int
    public let subject: String
    public let startedBy: Int
    public let startedAt: Int
    public let classID: Int?
    public let parentID: Int?
    public let members: [Member]

    public func member(_ person: Int) -> Member? { members.first { $0.id == person } }
}

/// A file sent with a message, without its bytes.
public struct AttachmentInfo: Sendable, Equatable {
    public let id: Int
    public let fileName: String
    public let mediaType: String
    public let size: Int
}

/// One message of a thread.
public struct MessageRecord: Sendable, Equatable {
    public let id: Int
    public let threadID: Int
    public let authorID: Int
    public let authorName: String
    public let at: Int
    public let body: String
    public let withdrawnAt: Int?
    public var attachments: [AttachmentInfo]

    /// The message as others see it once withdrawn: its place, author and time, no text, no files.
    public var hidden: MessageRecord {
        MessageRecord(id: id, threadID: threadID, authorID: authorID, authorName: authorName, at: at, body: "", withdrawnAt: withdrawnAt, attachments: [])
    }
}

/// A message found by the administration's search.
public struct MessageHit: Sendable, Equatable {
    public let threadID: Int
    public let subject: String
    public let messageID: Int
    public let authorName: String
    public let at: Int
    public let body: String
}

extension Connection {
    /// The classes of the given students this year (where they are now).
    public func familyClasses(of students: Set<Int>, year: Int) throws -> Set<Int> {
        var classes = Set<Int>()
        for s in students {
            classes.formUnion(try query("""
                SELECT e.class_id FROM enrolment e JOIN school_class c ON c.id = e.class_id
                WHERE e.student_id = ? AND c.year_id = ? AND e.left_on IS NULL
                """, s, year) { $0.int(0) })
        }
        return classes
    }

    /// Someone a message may be written to, as the policy sees them: their roles this year
    /// (staff roles; a student enrolled now; a guardian of a child enrolled now) and the classes
    /// tying them to the families. nil: no such person.
    public func correspondent(_ id: Int, year: Int) throws -> (roles: Set<Role>, classes: Set<Int>)? {
        guard try first("SELECT 1 FROM person WHERE id = ?", id, row: { _ in true }) != nil else { return nil }
        var roles = Set(try query("SELECT role FROM staff_role WHERE person_id = ?", id) { Role(rawValue: $0.string(0)) }.compactMap { $0 })
        var classes = Set(try query("""
            SELECT class_id FROM teaching_assignment WHERE teacher_id = ?1 AND year_id = ?2
            UNION SELECT id FROM school_class WHERE class_teacher_id = ?1 AND year_id = ?2
            """, id, year) { $0.int(0) })
        let own = try familyClasses(of: [id], year: year)
        if !own.isEmpty { roles.insert(.student) }
        let children = try familyClasses(of: Set(try linkedStudents(guardian: id)), year: year)
        if !children.isEmpty { roles.insert(.guardian) }
        classes.formUnion(own)
        classes.formUnion(children)
        return (roles, classes)
    }

    /// Guardians of the students enrolled in a class now, each once.
    public func classGuardians(classID: Int) throws -> [Int] {
        try guardians(of: try students(classID: classID))
    }

    /// Short names of people by id.
    public func shortNames(_ ids: [Int]) throws -> [Int: String] {
        var names: [Int: String] = [:]
        for id in Set(ids) {
            names[id] = try first("SELECT last_name, first_name, middle_name FROM person WHERE id = ?", id) {
                PersonCard(lastName: $0.string(0), firstName: $0.string(1), middleName: $0.string(2)).shortName
            }
        }
        return names
    }

    // MARK: Writes

    public func insertThread(subject: String, startedBy: Int, at: Int, classID: Int?, parentID: Int?) throws -> Int {
        _ = try run("INSERT INTO message_thread (subject, started_by, started_at, class_id, parent_id, last_at) VALUES (?, ?, ?, ?, ?, ?)",
                    subject, startedBy, at, classID, parentID, at)
        return lastInsertID
    }

    public func addThreadMember(thread: Int, person: Int) throws {
        _ = try run("INSERT OR IGNORE INTO thread_member (thread_id, person_id) VALUES (?, ?)", thread, person)
    }

    /// A new message; its author has read the thread up to it.
    public func insertMessage(thread: Int, author: Int, at: Int, body: String) throws -> Int {
        _ = try run("INSERT INTO message (thread_id, author_id, at, body) VALUES (?, ?, ?, ?)", thread, author, at, body)
        let id = lastInsertID
        _ = try run("UPDATE message_thread SET last_at = ? WHERE id = ?", at, thread)
        try markThreadRead(thread: thread, person: author, upTo: id, at: at)
        return id
    }

    public func insertAttachment(message: Int, fileName: String, mediaType: String, bytes: [UInt8]) throws {
        _ = try run("INSERT INTO message_attachment (message_id, file_name, media_type, bytes) VALUES (?, ?, ?, ?)", message, fileName, mediaType, bytes)
    }

    /// Moves a member's reading mark forward (never back).
    public func markThreadRead(thread: Int, person: Int, upTo message: Int, at: Int) throws {
        _ = try run("UPDATE thread_member SET read_up_to = ?3, read_at = ?4 WHERE thread_id = ?1 AND person_id = ?2 AND read_up_to < ?3",
                    thread, person, message, at)
    }

    public func withdrawMessage(_ id: Int, at: Int) throws {
        _ = try run("UPDATE message SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL", at, id)
    }

    // MARK: Reads

    /// A person's threads, newest first; withdrawn messages do not count as unread.
    public func threads(of person: Int) throws -> [ThreadSummary] {
        let rows = try query("""
            SELECT t.id, t.subject, t.last_at, t.class_id, t.started_by,
                   (SELECT count(*) FROM message m WHERE m.thread_id = t.id AND m.id > tm.read_up_to
                        AND m.author_id <> tm.person_id AND m.withdrawn_at IS NULL)
            FROM thread_member tm JOIN message_thread t ON t.id = tm.thread_id
            WHERE tm.person_id = ? ORDER BY t.last_at DESC, t.id DESC
            """, person) { r in (id: r.int(0), subject: r.string(1), lastAt: r.int(2), classID: r.optionalInt(3), startedBy: r.int(4), unread: r.int(5)) }
        return try rows.map { t in
            // A broadcast names its author only; a conversation, everyone else in it.
            let others = t.classID != nil && t.startedBy != person ? [t.startedBy]
                : try query("SELECT person_id FROM thread_member WHERE thread_id = ? AND person_id <> ? ORDER BY person_id = ? DESC, person_id",
                            t.id, person, t.startedBy) { $0.int(0) }
            let names = try shortNames(others)
            return ThreadSummary(id: t.id, subject: t.subject, with: others.compactMap { names[$0] }, lastAt: t.lastAt, unread: t.unread, classID: t.classID)
        }
    }

    /// Messages of others a person has not read.
    public func unreadMessages(of person: Int) throws -> Int {
        try first("""
            SELECT count(*) FROM thread_member tm JOIN message m ON m.thread_id = tm.thread_id
            WHERE tm.person_id = ? AND m.id > tm.read_up_to AND m.author_id <> tm.person_id AND m.withdrawn_at IS NULL
            """, person) { $0.int(0) } ?? 0
    }

    public func thread(_ id: Int) throws -> ThreadRecord? {
        guard let t = try first("SELECT subject, started_by, started_at, class_id, parent_id FROM message_thread WHERE id = ?", id, row: { r in
            (subject: r.string(0), startedBy: r.int(1), startedAt: r.int(2), classID: r.optionalInt(3), parentID: r.optionalInt(4))
        }) else { return nil }
        let members = try query("""
            SELECT tm.person_id, p.last_name, p.first_name, p.middle_name, tm.read_up_to, tm.read_at
            FROM thread_member tm JOIN person p ON p.id = tm.person_id WHERE tm.thread_id = ?
            ORDER BY tm.person_id = ? DESC, p.last_name, p.first_name
            """, id, t.startedBy) { r in
            ThreadRecord.Member(id: r.int(0), name: PersonCard(lastName: r.string(1), firstName: r.string(2), middleName: r.string(3)).shortName,
                                readUpTo: r.int(4), readAt: r.optionalInt(5))
        }
        return ThreadRecord(id: id, subject: t.subject, startedBy: t.startedBy, startedAt: t.startedAt, classID: t.classID, parentID: t.parentID, members: members)
    }

    /// A thread's messages, oldest first, with their attachments.
    public func threadMessages(_ thread: Int) throws -> [MessageRecord] {
        var messages = try query("""
            SELECT m.id, m.author_id, p.last_name, p.first_name, p.middle_name, m.at, m.body, m.withdrawn_at
            FROM message m JOIN person p ON p.id = m.author_id WHERE m.thread_id = ? ORDER BY m.id
            """, thread) { r in
            MessageRecord(id: r.int(0), threadID: thread, authorID: r.int(1),
                          authorName: PersonCard(lastName: r.string(2), firstName: r.string(3), middleName: r.string(4)).shortName,
                          at: r.int(5), body: r.string(6), withdrawnAt: r.optionalInt(7), attachments: [])
        }
        let files = try query("""
            SELECT a.message_id, a.id, a.file_name, a.media_type, length(a.bytes)
            FROM message_attachment a JOIN message m ON m.id = a.message_id WHERE m.thread_id = ? ORDER BY a.id
            """, thread) { r in (message: r.int(0), info: AttachmentInfo(id: r.int(1), fileName: r.string(2), mediaType: r.string(3), size: r.int(4))) }
        for f in files {
            if let i = messages.firstIndex(where: { $0.id == f.message }) { messages[i].attachments.append(f.info) }
        }
        return messages
    }

    public func message(_ id: Int) throws -> MessageRecord? {
        guard let thread = try first("SELECT thread_id FROM message WHERE id = ?", id, row: { $0.int(0) }) else { return nil }
        return try threadMessages(thread).first { $0.id == id }
    }

    /// An attachment with its bytes and the thread it belongs to.
    public func attachment(_ id: Int) throws -> (threadID: Int, info: AttachmentInfo, bytes: [UInt8], withdrawn: Bool)? {
        try first("""
            SELECT m.thread_id, a.file_name, a.media_type, a.bytes, m.withdrawn_at IS NOT NULL
            FROM message_attachment a JOIN message m ON m.id = a.message_id WHERE a.id = ?
            """, id) { r in
            let bytes = r.blob(3)
            return (r.int(0), AttachmentInfo(id: id, fileName: r.string(1), mediaType: r.string(2), size: bytes.count), bytes, r.bool(4))
        }
    }

    /// A guardian's private thread answering a broadcast, when they started one.
    public func answerThread(parent: Int, by person: Int) throws -> Int? {
        try first("SELECT id FROM message_thread WHERE parent_id = ? AND started_by = ?", parent, person) { $0.int(0) }
    }

    /// The private answers to a broadcast.
    public func answerThreads(parent: Int) throws -> [Int] {
        try query("SELECT id FROM message_thread WHERE parent_id = ? ORDER BY last_at DESC", parent) { $0.int(0) }
    }

    /// Messages whose subject or text contains `text` (case as typed; withdrawn ones too), newest first.
    public func searchMessages(_ text: String, limit: Int = 200) throws -> [MessageHit] {
        try query("""
            SELECT t.id, t.subject, m.id, p.last_name, p.first_name, p.middle_name, m.at, m.body
            FROM message m JOIN message_thread t ON t.id = m.thread_id JOIN person p ON p.id = m.author_id
            WHERE instr(m.body, ?1) > 0 OR instr(t.subject, ?1) > 0
            ORDER BY m.id DESC LIMIT ?2
            """, text, limit) { r in
            MessageHit(threadID: r.int(0), subject: r.string(1), messageID: r.int(2),
                       authorName: PersonCard(lastName: r.string(3), firstName: r.string(4), middleName: r.string(5)).shortName,
                       at: r.int(6), body: r.string(7))
        }
    }
}

/// Someone one might write to, for the new message form.
public struct MessageCandidate: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let roles: Set<Role>
    public let classes: Set<Int>
    /// A student's class, a guardian's children's classes, a class teacher's class: by name.
    public let classNames: [String]
}

extension Connection {
    /// The school's people this year, in a few queries: staff, students enrolled now, their
    /// guardians; each with their roles and classes as `correspondent` gives them.
    public func messageCandidates(year: Int) throws -> [MessageCandidate] {
        var roles: [Int: Set<Role>] = [:], classes: [Int: Set<Int>] = [:], shown: [Int: Set<Int>] = [:]
        for (id, role) in try query("SELECT person_id, role FROM staff_role", row: { ($0.int(0), Role(rawValue: $0.string(1))) }) {
            if let role { roles[id, default: []].insert(role) }
        }
        for (id, c) in try query("""
            SELECT teacher_id, class_id FROM teaching_assignment WHERE year_id = ?1
            UNION SELECT class_teacher_id, id FROM school_class WHERE year_id = ?1 AND class_teacher_id IS NOT NULL
            """, year, row: { ($0.int(0), $0.int(1)) }) {
            classes[id, default: []].insert(c)
        }
        for (id, c) in try query("SELECT class_teacher_id, id FROM school_class WHERE year_id = ? AND class_teacher_id IS NOT NULL", year, row: { ($0.int(0), $0.int(1)) }) {
            shown[id, default: []].insert(c)
        }
        let enrolled = try query("""
            SELECT e.student_id, e.class_id FROM enrolment e JOIN school_class c ON c.id = e.class_id
            WHERE c.year_id = ? AND e.left_on IS NULL
            """, year) { ($0.int(0), $0.int(1)) }
        var classOf: [Int: Int] = [:]
        for (s, c) in enrolled {
            classOf[s] = c
            roles[s, default: []].insert(.student)
            classes[s, default: []].insert(c)
            shown[s, default: []].insert(c)
        }
        for (g, s) in try query("SELECT guardian_id, student_id FROM guardian_link", row: { ($0.int(0), $0.int(1)) }) {
            guard let c = classOf[s] else { continue }
            roles[g, default: []].insert(.guardian)
            classes[g, default: []].insert(c)
            shown[g, default: []].insert(c)
        }
        let classNames = Dictionary(uniqueKeysWithValues: try query("SELECT id, name FROM school_class WHERE year_id = ?", year) { ($0.int(0), $0.string(1)) })
        let people = try query("SELECT id, last_name, first_name, middle_name FROM person ORDER BY last_name, first_name, middle_name") {
            ($0.int(0), PersonCard(lastName: $0.string(1), firstName: $0.string(2), middleName: $0.string(3)).fullName)
        }
        return people.compactMap { id, name in
            guard let r = roles[id], !r.isEmpty else { return nil }
            return MessageCandidate(id: id, name: name, roles: r, classes: classes[id] ?? [],
                                    classNames: (shown[id] ?? []).compactMap { classNames[$0] }.sorted())
        }
    }
}
