/// The numbered migrations of the school database, oldest first.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "school", sql: school),
        Migration(version: 2, name: "diary", sql: diary),
        Migration(version: 3, name: "journal", sql: journal),
        Migration(version: 4, name: "audit_values", sql: auditValues),
        Migration(version: 5, name: "access_columns", sql: accessColumns),
        Migration(version: 6, name: "audit_chain", sql: auditChain, then: chainAuditRows),
        Migration(version: 7, name: "language", sql: language),
        Migration(version: 8, name: "subject_scale", sql: subjectScale),
        Migration(version: 9, name: "people", sql: people),
        Migration(version: 10, name: "timetable_editing", sql: timetableEditing),
        Migration(version: 11, name: "import_upload", sql: importUpload),
        Migration(version: 12, name: "backup_run", sql: backupRun),
        // 13 is another branch's; the runner takes the numbers in order, gaps and all.
        Migration(version: 13, name: "finals", sql: finals),
        Migration(version: 14, name: "new_year", sql: newYear),
        Migration(version: 15, name: "messages", sql: messages),
    ]

    /// The newest schema version this build knows.
    public static var latest: Int { migrations.map(\.version).max() ?? 0 }
}
