extension Schema {
    /// Migration 1: the whole domain of DOMAIN.md's glossary.
    ///
    /// Conventions: calendar dates are TEXT `YYYY-MM-DD` in the school's time zone, times of
    /// day TEXT `HH:MM`, instants INTEGER Unix seconds. Nothing is deleted from the journal
    /// tables without an audit row; the audit table itself refuses UPDATE and DELETE.
    static let school = """
    CREATE TABLE school (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        name        TEXT NOT NULL CHECK (name <> ''),
        short_name  TEXT NOT NULL DEFAULT '',
        address     TEXT NOT NULL DEFAULT '',
        network_address TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE academic_year (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL UNIQUE,
        starts_on TEXT NOT NULL,
        ends_on   TEXT NOT NULL,
        CHECK (starts_on < ends_on)
    );

    CREATE TABLE period (
        id        INTEGER PRIMARY KEY,
        year_id   INTEGER NOT NULL REFERENCES academic_year(id),
        scheme    TEXT NOT NULL CHECK (scheme IN ('quarter', 'half')),
        number    INTEGER NOT NULL CHECK (number BETWEEN 1 AND 4),
        name      TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on   TEXT NOT NULL,
        CHECK (starts_on <= ends_on),
        UNIQUE (year_id, scheme, number)
    );

    -- Breaks and public holidays: no lessons on these dates. min_grade..max_grade limits a
    -- break to some grades (the extra February week of grade 1).
    CREATE TABLE holiday (
        id        INTEGER PRIMARY KEY,
        year_id   INTEGER NOT NULL REFERENCES academic_year(id),
        name      TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on   TEXT NOT NULL,
        min_grade INTEGER NOT NULL DEFAULT 1,
        max_grade INTEGER NOT NULL DEFAULT 11,
        CHECK (starts_on <= ends_on)
    );
    CREATE INDEX holiday_year ON holiday(year_id, starts_on);

    CREATE TABLE bell_schedule (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );

    CREATE TABLE bell (
        schedule_id INTEGER NOT NULL REFERENCES bell_schedule(id),
        number      INTEGER NOT NULL CHECK (number BETWEEN 0 AND 12),
        starts_at   TEXT NOT NULL,
        ends_at     TEXT NOT NULL,
        CHECK (starts_at < ends_at),
        PRIMARY KEY (schedule_id, number)
    ) WITHOUT ROWID;

    CREATE TABLE room (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );

    CREATE TABLE subject (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        short_name TEXT NOT NULL
    );

    -- Everyone the school knows: staff, students and guardians. One person may be several.
    CREATE TABLE person (
        id          INTEGER PRIMARY KEY,
        last_name   TEXT NOT NULL CHECK (last_name <> ''),
        first_name  TEXT NOT NULL CHECK (first_name <> ''),
        middle_name TEXT NOT NULL DEFAULT '',
        gender      TEXT CHECK (gender IN ('m', 'f')),
        birth_date  TEXT,
        phone       TEXT NOT NULL DEFAULT '',
        email       TEXT NOT NULL DEFAULT '',
        created_at  INTEGER NOT NULL
    );
    CREATE INDEX person_name ON person(last_name, first_name, middle_name);

    -- Consent to personal-data processing (152-FZ), recorded before personal data is stored.
    CREATE TABLE consent (
        id          INTEGER PRIMARY KEY,
        person_id   INTEGER NOT NULL REFERENCES person(id),
        given_on    TEXT NOT NULL,
        document    TEXT NOT NULL DEFAULT '',
        given_by    TEXT NOT NULL DEFAULT '',
        recorded_by INTEGER REFERENCES person(id),
        recorded_at INTEGER NOT NULL,
        revoked_on  TEXT
    );
    CREATE INDEX consent_person ON consent(person_id);

    CREATE TABLE staff_role (
        person_id INTEGER NOT NULL REFERENCES person(id),
        role      TEXT NOT NULL CHECK (role IN ('administrator', 'director', 'deputy', 'teacher', 'psychologist', 'secretary')),
        PRIMARY KEY (person_id, role)
    ) WITHOUT ROWID;

    CREATE TABLE school_class (
        id               INTEGER PRIMARY KEY,
        year_id          INTEGER NOT NULL REFERENCES academic_year(id),
        grade            INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 11),
        letter           TEXT NOT NULL,
        name             TEXT NOT NULL,
        class_teacher_id INTEGER REFERENCES person(id),
        bell_schedule_id INTEGER NOT NULL REFERENCES bell_schedule(id),
        period_scheme    TEXT NOT NULL CHECK (period_scheme IN ('quarter', 'half')),
        marks_enabled    INTEGER NOT NULL DEFAULT 1 CHECK (marks_enabled IN (0, 1)),
        UNIQUE (year_id, name)
    );
    CREATE INDEX school_class_teacher ON school_class(class_teacher_id);

    -- A student's place in a class; left_on is set when they leave or move.
    CREATE TABLE enrolment (
        student_id INTEGER NOT NULL REFERENCES person(id),
        class_id   INTEGER NOT NULL REFERENCES school_class(id),
        joined_on  TEXT NOT NULL,
        left_on    TEXT,
        PRIMARY KEY (student_id, class_id)
    ) WITHOUT ROWID;
    CREATE INDEX enrolment_class ON enrolment(class_id, student_id, left_on);

    -- A subgroup of one class (class_id set) or a cross-class group (class_id NULL).
    CREATE TABLE study_group (
        id         INTEGER PRIMARY KEY,
        year_id    INTEGER NOT NULL REFERENCES academic_year(id),
        class_id   INTEGER REFERENCES school_class(id),
        subject_id INTEGER REFERENCES subject(id),
        name       TEXT NOT NULL
    );
    CREATE INDEX study_group_class ON study_group(class_id);

    CREATE TABLE group_member (
        group_id   INTEGER NOT NULL REFERENCES study_group(id),
        student_id INTEGER NOT NULL REFERENCES person(id),
        PRIMARY KEY (group_id, student_id)
    ) WITHOUT ROWID;
    CREATE INDEX group_member_student ON group_member(student_id, group_id);

    CREATE TABLE guardian_link (
        guardian_id INTEGER NOT NULL REFERENCES person(id),
        student_id  INTEGER NOT NULL REFERENCES person(id),
        relation    TEXT NOT NULL DEFAULT '',
        CHECK (guardian_id <> student_id),
        PRIMARY KEY (guardian_id, student_id)
    ) WITHOUT ROWID;
    CREATE INDEX guardian_link_student ON guardian_link(student_id, guardian_id);

    -- Нагрузка: who teaches which subject to which class or group.
    CREATE TABLE teaching_assignment (
        id             INTEGER PRIMARY KEY,
        year_id        INTEGER NOT NULL REFERENCES academic_year(id),
        teacher_id     INTEGER NOT NULL REFERENCES person(id),
        subject_id     INTEGER NOT NULL REFERENCES subject(id),
        class_id       INTEGER NOT NULL REFERENCES school_class(id),
        group_id       INTEGER REFERENCES study_group(id),
        hours_per_week REAL NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX teaching_assignment_unique ON teaching_assignment(teacher_id, subject_id, class_id, coalesce(group_id, 0));
    CREATE INDEX teaching_assignment_class ON teaching_assignment(class_id, subject_id);

    -- The weekly pattern; valid_from/valid_to bound a version of it.
    CREATE TABLE timetable_entry (
        id          INTEGER PRIMARY KEY,
        year_id     INTEGER NOT NULL REFERENCES academic_year(id),
        class_id    INTEGER NOT NULL REFERENCES school_class(id),
        group_id    INTEGER REFERENCES study_group(id),
        subject_id  INTEGER NOT NULL REFERENCES subject(id),
        teacher_id  INTEGER NOT NULL REFERENCES person(id),
        room_id     INTEGER REFERENCES room(id),
        weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        bell_number INTEGER NOT NULL,
        valid_from  TEXT NOT NULL,
        valid_to    TEXT NOT NULL,
        CHECK (valid_from <= valid_to)
    );
    CREATE INDEX timetable_entry_class ON timetable_entry(class_id, weekday, bell_number);
    CREATE INDEX timetable_entry_teacher ON timetable_entry(teacher_id, weekday, bell_number);

    -- One dated occurrence of teaching. teacher_id is who was timetabled, actual_teacher_id
    -- who taught it when substituted (recorded when the substitution is entered).
    CREATE TABLE lesson (
        id                 INTEGER PRIMARY KEY,
        year_id            INTEGER NOT NULL REFERENCES academic_year(id),
        date               TEXT NOT NULL,
        bell_number        INTEGER NOT NULL,
        class_id           INTEGER NOT NULL REFERENCES school_class(id),
        group_id           INTEGER REFERENCES study_group(id),
        subject_id         INTEGER NOT NULL REFERENCES subject(id),
        teacher_id         INTEGER NOT NULL REFERENCES person(id),
        actual_teacher_id  INTEGER REFERENCES person(id),
        room_id            INTEGER REFERENCES room(id),
        timetable_entry_id INTEGER REFERENCES timetable_entry(id),
        status             TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        change_note        TEXT NOT NULL DEFAULT '',
        topic              TEXT NOT NULL DEFAULT '',
        plan_topic_id      INTEGER REFERENCES plan_topic(id),
        homework           TEXT NOT NULL DEFAULT '',
        updated_at         INTEGER
    );
    -- Lessons with a timetable change, by date: the kiosk and the diaries highlight them.
    CREATE INDEX lesson_changed_date ON lesson(date) WHERE change_note <> '';
    CREATE INDEX lesson_class_date ON lesson(class_id, date, bell_number);
    CREATE INDEX lesson_class_subject_date ON lesson(class_id, subject_id, date);
    CREATE INDEX lesson_teacher_date ON lesson(teacher_id, date);
    CREATE INDEX lesson_actual_teacher_date ON lesson(actual_teacher_id, date) WHERE actual_teacher_id IS NOT NULL;
    CREATE INDEX lesson_group_date ON lesson(group_id, date) WHERE group_id IS NOT NULL;

    -- Dated changes to the timetable, as entered by the deputy: what happened and why.
    CREATE TABLE timetable_change (
        id         INTEGER PRIMARY KEY,
        lesson_id  INTEGER NOT NULL REFERENCES lesson(id),
        kind       TEXT NOT NULL CHECK (kind IN ('substitution', 'cancelled', 'moved', 'replaced', 'added')),
        reason     TEXT NOT NULL DEFAULT '',
        entered_by INTEGER REFERENCES person(id),
        entered_at INTEGER NOT NULL
    );
    CREATE INDEX timetable_change_lesson ON timetable_change(lesson_id);

    CREATE TABLE individual_homework (
        lesson_id  INTEGER NOT NULL REFERENCES lesson(id),
        student_id INTEGER NOT NULL REFERENCES person(id),
        text       TEXT NOT NULL,
        PRIMARY KEY (lesson_id, student_id)
    ) WITHOUT ROWID;
    CREATE INDEX individual_homework_student ON individual_homework(student_id, lesson_id);

    -- КТП: planned topics per class and subject, in order.
    CREATE TABLE plan_topic (
        id         INTEGER PRIMARY KEY,
        year_id    INTEGER NOT NULL REFERENCES academic_year(id),
        class_id   INTEGER NOT NULL REFERENCES school_class(id),
        subject_id INTEGER NOT NULL REFERENCES subject(id),
        position   INTEGER NOT NULL,
        title      TEXT NOT NULL,
        hours      INTEGER NOT NULL DEFAULT 1 CHECK (hours >= 1),
        UNIQUE (class_id, subject_id, position)
    );

    CREATE TABLE work_type (
        id       INTEGER PRIMARY KEY,
        code     TEXT NOT NULL UNIQUE,
        name     TEXT NOT NULL,
        weight   REAL NOT NULL CHECK (weight > 0),
        position INTEGER NOT NULL DEFAULT 0,
        active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    );

    -- A mark is either a 1–5 value or a pass/fail (зачёт/незачёт), never both.
    CREATE TABLE mark (
        id           INTEGER PRIMARY KEY,
        lesson_id    INTEGER NOT NULL REFERENCES lesson(id),
        student_id   INTEGER NOT NULL REFERENCES person(id),
        value        INTEGER CHECK (value BETWEEN 1 AND 5),
        passed       INTEGER CHECK (passed IN (0, 1)),
        work_type_id INTEGER NOT NULL REFERENCES work_type(id),
        created_by   INTEGER REFERENCES person(id),
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER,
        transferred  INTEGER NOT NULL DEFAULT 0 CHECK (transferred IN (0, 1)),
        CHECK ((value IS NULL) <> (passed IS NULL))
    );
    CREATE INDEX mark_student_lesson ON mark(student_id, lesson_id);
    CREATE INDEX mark_lesson ON mark(lesson_id, student_id);

    CREATE TABLE absence (
        lesson_id   INTEGER NOT NULL REFERENCES lesson(id),
        student_id  INTEGER NOT NULL REFERENCES person(id),
        code        TEXT NOT NULL CHECK (code IN ('Н', 'Б', 'У', 'О')),
        created_by  INTEGER REFERENCES person(id),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER,
        transferred INTEGER NOT NULL DEFAULT 0 CHECK (transferred IN (0, 1)),
        PRIMARY KEY (lesson_id, student_id)
    ) WITHOUT ROWID;
    CREATE INDEX absence_student ON absence(student_id, lesson_id);

    -- Итоговые отметки: per period (period_id set), year, exam or final.
    CREATE TABLE period_mark (
        id         INTEGER PRIMARY KEY,
        year_id    INTEGER NOT NULL REFERENCES academic_year(id),
        student_id INTEGER NOT NULL REFERENCES person(id),
        subject_id INTEGER NOT NULL REFERENCES subject(id),
        kind       TEXT NOT NULL CHECK (kind IN ('period', 'year', 'exam', 'final')),
        period_id  INTEGER REFERENCES period(id),
        value      INTEGER CHECK (value BETWEEN 1 AND 5),
        passed     INTEGER CHECK (passed IN (0, 1)),
        set_by     INTEGER REFERENCES person(id),
        set_at     INTEGER NOT NULL,
        CHECK ((kind = 'period') = (period_id IS NOT NULL)),
        CHECK ((value IS NULL) <> (passed IS NULL))
    );
    CREATE UNIQUE INDEX period_mark_unique ON period_mark(student_id, subject_id, year_id, kind, coalesce(period_id, 0));

    -- A teacher's note to a student's diary at a lesson, addressed to the guardians.
    CREATE TABLE remark (
        id         INTEGER PRIMARY KEY,
        lesson_id  INTEGER NOT NULL REFERENCES lesson(id),
        student_id INTEGER NOT NULL REFERENCES person(id),
        author_id  INTEGER NOT NULL REFERENCES person(id),
        kind       TEXT NOT NULL DEFAULT 'remark' CHECK (kind IN ('remark', 'praise')),
        text       TEXT NOT NULL CHECK (text <> ''),
        created_at INTEGER NOT NULL
    );
    CREATE INDEX remark_student ON remark(student_id, lesson_id);
    CREATE INDEX remark_lesson ON remark(lesson_id);

    CREATE TABLE account (
        id                   INTEGER PRIMARY KEY,
        person_id            INTEGER NOT NULL UNIQUE REFERENCES person(id),
        login                TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash        TEXT,
        must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
        password_changed_at  INTEGER,
        failed_attempts      INTEGER NOT NULL DEFAULT 0,
        last_failed_at       INTEGER,
        locked_at            INTEGER,
        locked_reason        TEXT NOT NULL DEFAULT '',
        created_at           INTEGER NOT NULL
    );

    -- Printed credentials: a temporary password and a kiosk code, both stored only as hashes.
    CREATE TABLE login_slip (
        id              INTEGER PRIMARY KEY,
        account_id      INTEGER NOT NULL REFERENCES account(id),
        password_hash   TEXT NOT NULL,
        kiosk_code_hash BLOB NOT NULL UNIQUE,
        issued_by       INTEGER REFERENCES person(id),
        issued_at       INTEGER NOT NULL,
        expires_at      INTEGER NOT NULL,
        used_at         INTEGER,
        voided_at       INTEGER
    );
    CREATE INDEX login_slip_account ON login_slip(account_id);

    -- Registered hallway kiosk screens.
    CREATE TABLE kiosk (
        id                INTEGER PRIMARY KEY,
        name              TEXT NOT NULL UNIQUE,
        pairing_code_hash BLOB UNIQUE,
        device_token_hash BLOB UNIQUE,
        registered_at     INTEGER NOT NULL,
        paired_at         INTEGER,
        revoked_at        INTEGER
    );

    CREATE TABLE session (
        id           INTEGER PRIMARY KEY,
        token_hash   BLOB NOT NULL UNIQUE,
        account_id   INTEGER NOT NULL REFERENCES account(id),
        kind         TEXT NOT NULL DEFAULT 'web' CHECK (kind IN ('web', 'kiosk')),
        kiosk_id     INTEGER REFERENCES kiosk(id),
        csrf_token   TEXT NOT NULL,
        address      TEXT NOT NULL DEFAULT '',
        created_at   INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL,
        ended_at     INTEGER,
        -- Signed in with a temporary password: only a new password may be set.
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        CHECK ((kind = 'kiosk') = (kiosk_id IS NOT NULL))
    );
    CREATE INDEX session_account ON session(account_id);

    -- The append-only audit trail: who, through which session, when, old and new values.
    CREATE TABLE audit (
        id         INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        account_id INTEGER REFERENCES account(id),
        session_id INTEGER REFERENCES session(id),
        via        TEXT NOT NULL CHECK (via IN ('page', 'api', 'import', 'cli', 'system')),
        action     TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  INTEGER,
        old_value  TEXT,
        new_value  TEXT,
        reason     TEXT NOT NULL DEFAULT '',
        address    TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_entity ON audit(entity, entity_id);
    CREATE INDEX audit_account_at ON audit(account_id, at);
    CREATE INDEX audit_at ON audit(at);
    CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;
    CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;

    -- School and class events shown in diaries.
    CREATE TABLE school_event (
        id        INTEGER PRIMARY KEY,
        year_id   INTEGER NOT NULL REFERENCES academic_year(id),
        class_id  INTEGER REFERENCES school_class(id),
        starts_on TEXT NOT NULL,
        ends_on   TEXT NOT NULL,
        title     TEXT NOT NULL,
        details   TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX school_event_date ON school_event(starts_on);
    """
}
