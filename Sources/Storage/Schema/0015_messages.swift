extension Schema {
    /// Migration 15 (issue 15): messages between the school's people, announcements and events
    /// (the `school_event` of migration 1, now with its author), notifications for families and
    /// the e-mail queue. Nothing here is ever deleted: a withdrawn message is kept and marked.
    static let messages = """
    -- A conversation: its subject, who started it, and, for a class teacher's broadcast to the
    -- guardians of a class, the class. A guardian's answer to a broadcast is a thread of its own
    -- (parent_id: the broadcast), between that guardian and the broadcast's author only.
    CREATE TABLE message_thread (
        id         INTEGER PRIMARY KEY,
        subject    TEXT NOT NULL CHECK (subject <> ''),
        started_by INTEGER NOT NULL REFERENCES person(id),
        started_at INTEGER NOT NULL,
        class_id   INTEGER REFERENCES school_class(id),
        parent_id  INTEGER REFERENCES message_thread(id),
        -- Unix seconds of its newest message: the list's order.
        last_at    INTEGER NOT NULL
    );
    CREATE INDEX message_thread_parent ON message_thread(parent_id) WHERE parent_id IS NOT NULL;

    -- Who is in a thread, and how far each has read (the newest message id they saw).
    CREATE TABLE thread_member (
        thread_id  INTEGER NOT NULL REFERENCES message_thread(id),
        person_id  INTEGER NOT NULL REFERENCES person(id),
        read_up_to INTEGER NOT NULL DEFAULT 0,
        read_at    INTEGER,
        PRIMARY KEY (thread_id, person_id)
    ) WITHOUT ROWID;
    CREATE INDEX thread_member_person ON thread_member(person_id, thread_id);

    CREATE TABLE message (
        id           INTEGER PRIMARY KEY,
        thread_id    INTEGER NOT NULL REFERENCES message_thread(id),
        author_id    INTEGER NOT NULL REFERENCES person(id),
        at           INTEGER NOT NULL,
        body         TEXT NOT NULL CHECK (body <> ''),
        -- Withdrawn by its author before anyone read it: kept, no longer shown to the others.
        withdrawn_at INTEGER
    );
    CREATE INDEX message_thread_order ON message(thread_id, id);

    -- A small file sent with a message (PDF, PNG, JPEG).
    CREATE TABLE message_attachment (
        id         INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES message(id),
        file_name  TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        bytes      BLOB NOT NULL
    );
    CREATE INDEX message_attachment_message ON message_attachment(message_id);

    -- Announcements and events: who posted them, when.
    ALTER TABLE school_event ADD COLUMN author_id INTEGER REFERENCES person(id);
    ALTER TABLE school_event ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX school_event_class ON school_event(class_id, starts_on) WHERE class_id IS NOT NULL;

    -- What a family is told in the diary: an absence, a mark, a remark, a message, period
    -- marks to acknowledge; about which student.
    CREATE TABLE notification (
        id         INTEGER PRIMARY KEY,
        person_id  INTEGER NOT NULL REFERENCES person(id),
        student_id INTEGER REFERENCES person(id),
        kind       TEXT NOT NULL CHECK (kind IN ('absence', 'mark', 'remark', 'message', 'finals')),
        at         INTEGER NOT NULL,
        text       TEXT NOT NULL,
        read_at    INTEGER
    );
    CREATE INDEX notification_person ON notification(person_id, id);

    -- The kinds a person turned off (none: every kind is on), and whether they want e-mail.
    CREATE TABLE notification_choice (
        person_id INTEGER NOT NULL REFERENCES person(id),
        kind      TEXT NOT NULL CHECK (kind IN ('absence', 'mark', 'remark', 'message', 'finals', 'email', 'weekly')),
        enabled   INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        PRIMARY KEY (person_id, kind)
    ) WITHOUT ROWID;

    -- E-mail waiting for the school's relay: sent by the server's background sender, retried
    -- with a growing pause; kept once sent.
    CREATE TABLE mail_queue (
        id         INTEGER PRIMARY KEY,
        to_address TEXT NOT NULL,
        subject    TEXT NOT NULL,
        body       TEXT NOT NULL,
        queued_at  INTEGER NOT NULL,
        attempts   INTEGER NOT NULL DEFAULT 0,
        next_at    INTEGER NOT NULL,
        sent_at    INTEGER,
        last_error TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX mail_queue_due ON mail_queue(next_at) WHERE sent_at IS NULL;
    """
}
