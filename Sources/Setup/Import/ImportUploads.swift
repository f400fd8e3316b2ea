import Desks
import Domain
import Secrets
import Storage

/// Files uploaded on the administrator's imports page, kept in the database between the dry
/// run the page shows and the confirmation: each under a random token (stored as its BLAKE2b
/// hash), for the session that uploaded it only, for `lifetimeSeconds`. A session keeps one
/// upload at a time. Confirming takes the file once, checks it again and runs the same
/// `CSVImport` as the console.
public struct ImportUploads: Sendable {
    /// How long a preview can be confirmed.
    public static let lifetimeSeconds = 15 * 60

    let database: Database

    public init(database: Database) { self.database = database }

    /// A kept file and what to import it as.
    public struct Upload: Sendable {
        public let job: CSVImport
        public let fileName: String
        public let expiresAt: Int
    }

    /// The token is unknown, another session's, expired or already confirmed.
    public struct Gone: Error, Sendable {}

    /// Keeps `job`'s file for `session` (forgetting its earlier uploads and every expired one);
    /// the token that confirms it.
    public func keep(_ job: CSVImport, fileName: String, session: Int, now: Int) throws -> String {
        let token = Random.token()
        try database.write { c in
            try c.deleteImportUploads(session: session, expiredBefore: now)
            try c.insertImportUpload(tokenHash: Digest.blake2b(token), session: session, kind: job.kind.rawValue, classID: job.classID,
                                     subjectID: job.subjectID, fileName: String(fileName.prefix(200)), bytes: job.bytes,
                                     at: now, expiresAt: now + Self.lifetimeSeconds)
        }
        return token
    }

    /// The upload `token` names, when it is `session`'s and has not expired.
    public func find(token: String, session: Int, now: Int) throws -> Upload? {
        try database.read { try $0.importUpload(tokenHash: Digest.blake2b(token), session: session, now: now) }.flatMap(Self.upload)
    }

    /// Forgets the upload `token` names (only `session`'s own).
    public func discard(token: String, session: Int, now: Int) throws {
        try database.write { c in
            if let found = try c.importUpload(tokenHash: Digest.blake2b(token), session: session, now: now) { try c.deleteImportUpload(found.id) }
        }
    }

    /// Imports the kept file: taken (so a second confirmation finds nothing; expired uploads of
    /// anyone's are swept away with it), checked again
    /// against the school as it is now, and applied in one transaction with its audit row.
    /// - Throws: `Gone` when the token is not the editor's session's live upload; `ImportFailure`
    ///   naming every bad line (nothing is imported, and the file must be uploaded again).
    public func confirm(token: String, today: CivilDate, by editor: Editor) throws -> (Upload, ImportReport) {
        guard let session = editor.session else { throw Gone() }
        let taken = try database.write { c -> ImportUploadRecord? in
            let found = try c.importUpload(tokenHash: Digest.blake2b(token), session: session, now: editor.at)
            try c.deleteImportUploads(session: session, expiredBefore: editor.at)
            return found
        }
        guard let upload = taken.flatMap(Self.upload) else { throw Gone() }
        return (upload, try upload.job.run(database, today: today, dryRun: false, by: editor))
    }

    static func upload(_ r: ImportUploadRecord) -> Upload? {
        guard let kind = CSVImport.Kind(rawValue: r.kind) else { return nil }
        return Upload(job: CSVImport(kind: kind, classID: r.classID, subjectID: r.subjectID, bytes: r.bytes), fileName: r.fileName, expiresAt: r.expiresAt)
    }
}
