import Domain
import Storage
import Words

/// Who makes a change, through what, and when: what the rules, the policy and the audit row need.
public struct Editor: Sendable {
    public let actor: Actor
    public let session: Int?
    public let via: AuditEntry.Via
    /// Unix seconds.
    public let at: Int
    public let address: String
    /// The language the editor reads a refusal's message in.
    public let language: Language

    public init(actor: Actor, session: Int?, via: AuditEntry.Via, at: Int, address: String = "", language: Language = .russian) {
        self.actor = actor
        self.session = session
        self.via = via
        self.at = at
        self.address = address
        self.language = language
    }

    /// The words of the editor's messages.
    var words: Words { Words(language) }

    /// Root at the box's console (the CLI): acts as the administrator; its audit rows name no account.
    public static func console(at: Int) -> Editor {
        Editor(actor: Actor(accountID: 0, personID: 0, roles: [.administrator]), session: nil, via: .cli, at: at)
    }

    /// An audit row of this editor's.
    func entry(_ action: AuditAction, entity: String, id: Int? = nil, old: String? = nil, new: String? = nil,
               oldData: AuditValue? = nil, newData: AuditValue? = nil, reason: String = "",
               lesson: Int? = nil, student: Int? = nil, schoolClass: Int? = nil) -> AuditEntry {
        AuditEntry(at: at, account: actor.accountID == 0 ? nil : actor.accountID, session: session, via: via, action: action, entity: entity, entityID: id,
                   oldValue: old, newValue: new, oldData: oldData, newData: newData, reason: reason, address: address,
                   lesson: lesson, student: student, schoolClass: schoolClass)
    }

    /// Throws `forbidden` unless the policy lets this editor do `action` on `resource`.
    func require(_ action: Action, _ resource: Resource) throws {
        guard AccessPolicy.permits(actor, action, resource) else { throw DeskError.forbidden }
    }
}

/// Refusals for lack of rights, recorded like the gate's own.
public struct RefusalLog: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Appends an `access.denied` row (its own write: the refused change rolled back).
    public func record(_ editor: Editor, what: String, entity: String) {
        try? database.write { try $0.appendAudit(editor.entry(.accessDenied, entity: entity, new: what)) }
    }
}
