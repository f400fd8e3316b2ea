import Domain

/// The glossary's values in words: roles, absence reasons, audit actions, timetable changes,
/// account states and the school's settings. Russian is the domain's own text (`.russian`).
extension Words {
    /// «учитель», "teacher".
    public func role(_ r: Role) -> String {
        switch r {
        case .administrator: pick(r.russian, "administrator")
        case .director: pick(r.russian, "head teacher")
        case .deputy: pick(r.russian, "deputy head")
        case .teacher: pick(r.russian, "teacher")
        case .psychologist: pick(r.russian, "school psychologist")
        case .secretary: pick(r.russian, "secretary")
        case .student: pick(r.russian, "student")
        case .guardian: pick(r.russian, "parent (legal guardian)")
        }
    }

    /// What an absence code means. The codes themselves (Н, Б, У, О) are the journal's in both
    /// languages: they are what the paper journal, the reports and the API write.
    public func absence(_ code: AbsenceCode) -> String {
        switch code {
        case .unexcused: pick(code.russian, "absent without a valid reason")
        case .ill: pick(code.russian, "ill")
        case .excused: pick(code.russian, "absent for a valid reason")
        case .late: pick(code.russian, "late")
        }
    }

    /// The action of an audit row, for the change log.
    public func auditAction(_ a: AuditAction) -> String {
        guard language == .english else { return a.russian }
        return switch a {
        case .markCreate: "Mark given"
        case .markChange: "Mark changed"
        case .markDelete: "Mark removed"
        case .markReport: "Wrong mark reported"
        case .markReportAnswer: "Wrong-mark report answered"
        case .absenceCreate: "Absence recorded"
        case .absenceChange: "Absence reason changed"
        case .absenceDelete: "Absence removed"
        case .periodMarkCreate: "Final mark given"
        case .periodMarkChange: "Final mark changed"
        case .periodMarkDelete: "Final mark removed"
        case .topicChange: "Lesson topic recorded"
        case .homeworkChange: "Homework recorded"
        case .individualHomework: "Individual homework"
        case .remarkCreate: "Note to the diary"
        case .finalsAcknowledge: "Final marks seen by a parent"
        case .journalUnlock: "Journal reopened for corrections"
        case .transferWindow: "Transfer from paper journals opened"
        case .journalUnlockEnd: "Permission to correct withdrawn"
        case .transferWindowEnd: "Transfer from paper journals closed"
        case .timetableSubstitution: "Teacher substituted"
        case .timetableCancelled: "Lesson cancelled"
        case .timetableMoved: "Lesson moved"
        case .timetableReplaced: "Subject replaced"
        case .timetableAdded: "Lesson added"
        case .planImport: "Scheme of work loaded"
        case .staffImport: "Staff list loaded"
        case .studentsImport: "Student list loaded"
        case .guardiansImport: "Parent list loaded"
        case .timetableImport: "Timetable loaded"
        case .settingChange: "Setting changed"
        case .workTypeCreate: "Type of work added"
        case .workTypeChange: "Type of work changed"
        case .consentRecord: "Consent recorded"
        case .consentRevoke: "Consent withdrawn"
        case .slipIssue: "Login slip issued"
        case .slipVoid: "Login slip voided"
        case .signInSuccess: "Signed in"
        case .signInFailure: "Failed sign-in"
        case .signInLocked: "Sign-in to a locked account"
        case .signInKiosk: "Signed in at a kiosk"
        case .passwordChange: "Password changed"
        case .languageChange: "Page language changed"
        case .accountLock: "Account locked"
        case .accountUnlock: "Account unlocked"
        case .accountCompromised: "Account compromised"
        case .kioskRegister: "Kiosk registered"
        case .kioskPair: "Kiosk paired"
        case .accessDenied: "Access denied"
        case .setupInit: "School created"
        case .demoGenerate: "Demo school created"
        case .structurePeriod: "Reporting periods changed"
        case .structureHoliday: "Holidays changed"
        case .structureBells: "Bell schedule changed"
        case .structureRoom: "Rooms changed"
        case .structureSubject: "Subjects changed"
        case .structureClass: "Classes changed"
        case .structureAssignment: "Teaching assignments changed"
        case .personCreate: "Person added"
        case .personChange: "Personal card changed"
        case .guardianLink: "Parent linked to a child"
        case .guardianUnlink: "Parent unlinked from a child"
        case .enrolmentJoin: "Student enrolled"
        case .enrolmentLeave: "Student left"
        case .electronicAccessRefuse: "Family refused electronic access"
        case .electronicAccessRestore: "Family returned to the electronic diary"
        case .printJournal: "Journal copy printed"
        case .printSummary: "Summary sheet of final marks printed"
        case .printDiary: "Diary printed"
        case .printBlank: "Blank temporary journal pages printed"
        case .yearNew: "New school year started"
        case .yearPromotion: "Promotion decision"
        case .assignmentsConfirm: "Teaching load confirmed"
        case .messageSend: "Message sent"
        case .messageWithdraw: "Message withdrawn"
        case .messageSearch: "Messages searched"
        case .eventCreate: "Announcement or event added"
        case .notificationChoice: "Notification choice changed"
        case .timetableRoom: "Room changed"
        case .timetableEntryAdd: "Lesson added to the timetable"
        case .timetableEntryChange: "Timetable changed"
        case .timetableEntryRemove: "Lesson taken off the timetable"
        case .lessonReplanCreate: "Lessons created from the timetable"
        case .lessonReplanUpdate: "Lesson changed by the timetable"
        case .lessonReplanRemove: "Lesson removed by the timetable"
        case .groupCreate: "Group created"
        case .groupChange: "Group changed"
        case .groupMembers: "Group members changed"
        case .groupSplit: "Class split into groups"
        }
    }

    /// How a change came, as the change log says it.
    public func via(_ v: AuditEntry.Via) -> String {
        switch v {
        case .page: pick(v.russian, "on a page")
        case .api: pick(v.russian, "through the journal (API)")
        case .import: pick(v.russian, "by loading a file")
        case .cli: pick(v.russian, "at the server console")
        case .system: pick(v.russian, "automatically")
        }
    }

    /// What kind of change a timetable change is: «замена учителя», "substitute teacher".
    public func changeKind(_ change: TimetableChange) -> String {
        switch change.kind {
        case .substitution: pick(change.russianKind, "substitute teacher")
        case .cancelled: pick(change.russianKind, "lesson cancelled")
        case .moved: pick(change.russianKind, "lesson moved")
        case .replaced: pick(change.russianKind, "different subject")
        case .added: pick(change.russianKind, "extra lesson")
        case .room: pick(change.russianKind, "room changed")
        }
    }

    /// Whether an account is in use: «пользуется», "in use".
    public func accountState(_ s: AccountState) -> String {
        switch s {
        case .none: pick(s.russian, "no account")
        case .neverSignedIn: pick(s.russian, "never signed in")
        case .inUse: pick(s.russian, "in use")
        }
    }

    // MARK: The school's settings

    /// What a setting means, as the settings page labels it.
    public func settingMeaning(_ d: SchoolSettings.Definition) -> String {
        guard language == .english else { return d.meaning }
        return switch d.key {
        case "edit_window": "how long after a lesson's date its marks may be corrected"
        case "period_mark_days": "in how many days at the end of a period its final marks are given"
        case "absence_correction_days": "for how many working days after a lesson the class teacher corrects an absence's reason"
        case "homework_deadline_minutes": "how many minutes after the day's last lesson homework is entered"
        case "slip_valid_days": "for how many days the temporary password on a slip works"
        case "rounding": "from what average a period's final mark is a 3, a 4, a 5"
        case "kiosk_idle_seconds": "after how many idle seconds the kiosk closes a diary"
        case "smtp_host": "the school's mail relay for notifications (empty: no e-mail)"
        case "smtp_port": "the mail relay's port"
        case "smtp_from": "the sender's address of the e-mails"
        default: d.meaning
        }
    }

    /// The values a number setting takes: «от 1 до 60», "from 1 to 60".
    public func settingAllowed(_ d: SchoolSettings.Definition) -> String {
        if language == .english, d.key == "smtp_host" { return "a name or address on the school's network" }
        if language == .english, d.key == "smtp_from" { return "an address like tabel@school.ru" }
        guard language == .english, d.allowed.hasPrefix("от ") else { return d.allowed }
        return "from " + d.allowed.dropFirst(3).replacing(" до ", with: " to ")
    }

    /// The label of a setting's choice.
    public func settingChoice(_ d: SchoolSettings.Definition, _ choice: (value: String, label: String)) -> String {
        guard language == .english else { return choice.label }
        return switch (d.key, choice.value) {
        case ("edit_window", "never"): "until the end of the year"
        case ("edit_window", "1w"): "a week"
        case ("edit_window", "2w"): "two weeks"
        case ("edit_window", "3w"): "three weeks"
        case ("edit_window", "1m"): "a month"
        case ("homework_deadline_minutes", let minutes): "\(minutes) minutes"
        case ("rounding", let value): "from " + value.replacing("/", with: " / ")
        default: choice.label
        }
    }
}
