import Domain
import Secrets
import Storage

/// Hallway kiosk screens: registered at the console, paired once by their one-time address,
/// and the read-only sessions a student or guardian opens on them.
public struct KioskDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Registers a screen (a screen of the same name is disabled) and returns its one-time pairing code.
    public func register(name: String, by editor: Editor) throws -> String {
        try editor.require(.changeSettings, .school)
        let name = name.trimmingWhitespace
        guard !name.isEmpty, name.count <= 60 else { throw DeskError.invalid("Название: от 1 до 60 символов.", field: "name") }
        let code = Random.code(16, from: SlipAlphabet.symbols)
        try database.deskWrite { c in
            let id = try c.registerKiosk(name: name, pairingCodeHash: Digest.blake2b(code), at: editor.at)
            try c.appendAudit(editor.entry(.kioskRegister, entity: "kiosk", id: id, new: name))
        }
        return code
    }

    /// Pairs the screen that opened its one-time address: it is known from now on by `deviceToken`.
    /// - Throws: `notFound` for a wrong or used code.
    public func pair(code: String, deviceToken: String, at: Int, address: String) throws {
        try database.deskWrite { c in
            guard let k = try c.pairKiosk(codeHash: Digest.blake2b(code), deviceTokenHash: Digest.blake2b(deviceToken), at: at) else {
                throw DeskError.notFound("Код регистрации киоска неверен или уже использован.")
            }
            try c.appendAudit(AuditEntry(at: at, via: .page, action: .kioskPair, entity: "kiosk", entityID: k.id, newValue: k.name, address: address))
        }
    }

    /// Opens a kiosk session for an account whose code or password the screen has checked; on
    /// a full disk it is held in memory until a commit goes through, as a web sign-in's is.
    public func openSession(account: Int, kiosk: Int, token: String, byCode: Bool, at: Int, expiresAt: Int, address: String) throws {
        let (hash, csrf) = (Digest.blake2b(token), Random.token(bytes: 24))
        var audit = AuditEntry(at: at, account: account, via: .page, action: .signInKiosk, entity: "kiosk", entityID: kiosk,
                               reason: byCode ? "код с листка" : "логин и пароль", address: address)
        do {
            try database.write { c in
                audit.session = try c.createKioskSession(tokenHash: hash, account: account, kiosk: kiosk, csrfToken: csrf,
                                                         address: address, at: at, expiresAt: expiresAt)
                try c.appendAudit(audit)
            }
        } catch let error as SQLiteError where error.isDiskFull {
            _ = try database.holdSession(tokenHash: hash, account: account, kiosk: kiosk, csrfToken: csrf, address: address,
                                         mustChangePassword: false, at: at, expiresAt: expiresAt, audit: audit)
        }
    }
}
