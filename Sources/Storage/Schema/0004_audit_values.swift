extension Schema {
    /// Migration 4: audit rows keep the values they changed in a form the application reads
    /// back (`AuditValue`), beside the text a person read.
    static let auditValues = """
    ALTER TABLE audit ADD COLUMN old_data TEXT;
    ALTER TABLE audit ADD COLUMN new_data TEXT;
    """
}
