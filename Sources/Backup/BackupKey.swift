import Archiving
import Secrets

/// The box's own Ed25519 key that signs its backups' manifests: made at first use and kept in
/// the state directory next to the database (`backup-signing.key`, mode 0600, the secret key in
/// hexadecimal). Its public half (`tabel backup key`) is what another box needs to trust the copies.
public enum BackupKey {
    public static let fileName = "backup-signing.key"

    /// The key file beside the database at `database`.
    public static func path(besideDatabase database: String) -> String {
        DurableFile.directory(of: database) + "/" + fileName
    }

    /// The key at `path`, made and stored there first when there is none.
    public static func loadOrCreate(at path: String) throws -> Signing.KeyPair {
        if let key = try load(at: path) { return key }
        let key = Signing.KeyPair.generate()
        try DurableFile.write(Array((Hex.encode(key.secretKey) + "\n").utf8), to: path)
        return key
    }

    /// The key at `path`, or nil when there is no file; a damaged file throws.
    public static func load(at path: String) throws -> Signing.KeyPair? {
        guard DurableFile.exists(path) else { return nil }
        let text = String(decoding: try DurableFile.readAll(path), as: UTF8.self).filter { !$0.isWhitespace }
        guard let bytes = Hex.decode(text), let key = Signing.KeyPair(secretKey: bytes) else {
            throw BackupError.keyDamaged(path)
        }
        return key
    }
}
