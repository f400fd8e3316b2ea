import Domain

/// A CSV file waiting on the imports page between its preview and its confirmation.
public struct ImportUploadRecord: Sendable {
    public let id: Int
    public let kind: String
    public let classID: Int?
    public let subjectID: Int?
    public let fileName: String
    public let bytes: [UInt8]
    public let createdAt: Int
    public let expiresAt: Int
}

/// The uploads of the imports page (migration 11).
extension Connection {
    public func insertImportUpload(tokenHash: [UInt8], session: Int, kind: String, classID: Int?, subjectID: Int?, fileName: String,
                                   bytes: [UInt8], at now: Int, expiresAt: Int) throws {
        try run("""
            INSERT INTO import_upload (token_hash, session_id, kind, class_id, subject_id, file_name, bytes, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, tokenHash, session, kind, classID, subjectID, fileName, bytes, now, expiresAt)
    }

    /// The upload of this token, only for the session that made it and only before it expires.
    public func importUpload(tokenHash: [UInt8], session: Int, now: Int) throws -> ImportUploadRecord? {
        try first("""
            SELECT id, kind, class_id, subject_id, file_name, bytes, created_at, expires_at FROM import_upload
            WHERE token_hash = ? AND session_id = ? AND expires_at > ?
            """, tokenHash, session, now) {
            ImportUploadRecord(id: $0.int(0), kind: $0.string(1), classID: $0.optionalInt(2), subjectID: $0.optionalInt(3),
                               fileName: $0.string(4), bytes: $0.blob(5), createdAt: $0.int(6), expiresAt: $0.int(7))
        }
    }

    public func deleteImportUpload(_ id: Int) throws {
        try run("DELETE FROM import_upload WHERE id = ?", id)
    }

    /// Forgets a session's uploads (a session keeps one at a time) and every expired one.
    public func deleteImportUploads(session: Int, expiredBefore now: Int) throws {
        try run("DELETE FROM import_upload WHERE session_id = ? OR expires_at <= ?", session, now)
    }
}
