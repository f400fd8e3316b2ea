import Domain
import Storage
import Sync
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
///
/// A refusal must cost what a miss costs (else its time tells which ids exist) and one account
/// must not flood the append-only trail: the row is queued for the next group commit, not
/// waited for, and an account's refusals are aggregated per minute — the first
/// `rowsPerMinute` of a minute are written, the rest are counted and written as one row
/// (`×N`) with the account's next refusal after that minute (or at a stop).
public struct RefusalLog: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Refusals counted but not written yet, by database and account.
    struct Key: Hashable { let database: String; let account: Int }
    struct Pending { var minute: Int; var written: Int; var count: Int; var last: Editor; var what: String; var entity: String }
    /// Rows one account may add to the trail in a minute before its refusals are only counted.
    public static let rowsPerMinute = 3
    static let pending = Locked<[Key: Pending]>([:])

    /// Records an `access.denied` row (its own write: the refused change rolled back), or
    /// counts it when the account was refused already this minute.
    public func record(_ editor: Editor, what: String, entity: String) {
        let key = Key(database: database.path, account: editor.actor.accountID)
        let minute = editor.at / 60
        let rows = Self.pending.withLock { pending -> [AuditEntry] in
            var rows: [AuditEntry] = []
            if let p = pending[key] {
                if p.minute == minute, p.written < Self.rowsPerMinute {
                    pending[key]!.written += 1
                    return [editor.entry(.accessDenied, entity: entity, new: what)]
                }
                if p.minute == minute {
                    pending[key]!.count += 1
                    pending[key]!.last = editor
                    pending[key]!.what = what
                    pending[key]!.entity = entity
                    return []
                }
                if p.count > 0 { rows.append(Self.summary(p)) }
            }
            pending[key] = Pending(minute: minute, written: 1, count: 0, last: editor, what: what, entity: entity)
            rows.append(editor.entry(.accessDenied, entity: entity, new: what))
            return rows
        }
        write(rows)
    }

    /// Writes the counted refusals of every account (at a stop; tests).
    public func flush() {
        let key = database.path
        let rows = Self.pending.withLock { pending -> [AuditEntry] in
            let mine = pending.filter { $0.key.database == key }
            for k in mine.keys { pending[k] = nil }
            return mine.values.filter { $0.count > 0 }.map(Self.summary)
        }
        write(rows)
        database.flush()
    }

    static func summary(_ p: Pending) -> AuditEntry {
        p.last.entry(.accessDenied, entity: p.entity, new: "\(p.what) ×\(p.count)")
    }

    private func write(_ rows: [AuditEntry]) {
        guard !rows.isEmpty else { return }
        database.writeLater { c in for row in rows { try c.appendAudit(row) } }
    }
}
