import Secrets
import Storage

/// `….manifest.json` beside each backup: what the copy holds, its size and BLAKE2b, signed with
/// Ed25519 by the box's key. The signature covers the manifest's fields written in this fixed
/// form (`body`), so a manifest read back is checked by writing its fields again.
public struct Manifest: Sendable, Equatable {
    public static let format = "tabel-backup-1"

    public var school: String
    public var schemaVersion: Int
    /// Unix seconds when the snapshot was taken.
    public var created: Int
    public var kind: BackupKind
    /// The compressed file's name (in the same directory).
    public var file: String
    public var databaseBytes: Int
    public var compressedBytes: Int
    /// BLAKE2b-256 of the compressed file, hexadecimal.
    public var blake2b: String
    public var marks: Int
    public var absences: Int
    public var auditRows: Int
    public var auditHeadID: Int
    public var auditHeadHash: String
    /// The public key the manifest is signed with, hexadecimal.
    public var key: String

    public init(facts: DatabaseFacts, created: Int, kind: BackupKind, file: String, databaseBytes: Int, compressedBytes: Int,
                blake2b: [UInt8], key: [UInt8]) {
        school = facts.school
        schemaVersion = facts.schemaVersion
        self.created = created
        self.kind = kind
        self.file = file
        self.databaseBytes = databaseBytes
        self.compressedBytes = compressedBytes
        self.blake2b = Hex.encode(blake2b)
        marks = facts.marks
        absences = facts.absences
        auditRows = facts.auditRows
        auditHeadID = facts.auditHead.id
        auditHeadHash = facts.auditHead.hex
        self.key = Hex.encode(key)
    }

    /// When the snapshot was taken, `2026-12-03T15:51:18Z`.
    public var createdUTC: String { BackupClock.iso(created) }

    /// The facts the copy must show when it is opened.
    public var facts: DatabaseFacts {
        DatabaseFacts(school: school, schemaVersion: schemaVersion, marks: marks, absences: absences, auditRows: auditRows,
                      auditHead: AuditChainPoint(id: auditHeadID, hash: Hex.decode(auditHeadHash) ?? []))
    }

    /// The fields in their fixed order and form.
    private var fields: [(String, Field)] {
        [("format", .text(Self.format)), ("school", .text(school)), ("schema_version", .number(schemaVersion)),
         ("created", .number(created)), ("created_utc", .text(BackupClock.iso(created))), ("kind", .text(kind.rawValue)),
         ("file", .text(file)), ("database_bytes", .number(databaseBytes)), ("compressed_bytes", .number(compressedBytes)),
         ("blake2b", .text(blake2b)), ("marks", .number(marks)), ("absences", .number(absences)),
         ("audit_rows", .number(auditRows)), ("audit_head_id", .number(auditHeadID)), ("audit_head_hash", .text(auditHeadHash)),
         ("key", .text(key))]
    }

    enum Field: Equatable {
        case text(String)
        case number(Int)

        var json: String {
            switch self {
            case let .number(n): String(n)
            case let .text(t): JSONText.quote(t)
            }
        }
    }

    /// What the signature covers: the fields as this build writes them.
    public var body: [UInt8] {
        Array(("{\n" + fields.map { "  \"\($0.0)\": \($0.1.json)" }.joined(separator: ",\n")).utf8)
    }

    /// The manifest file: the body, then the signature.
    public func signed(with key: Signing.KeyPair) -> [UInt8] {
        let signature = key.sign(body)
        return body + Array(",\n  \"signature\": \"\(Hex.encode(signature))\"\n}\n".utf8)
    }

    /// Why a manifest is not accepted.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case unsigned
        case foreignKey(found: String)
        case badSignature

        public var description: String {
            switch self {
            case let .malformed(why): "манифест повреждён: \(why)"
            case .unsigned: "манифест не подписан: копия без подписи не принимается"
            case let .foreignKey(found): "манифест подписан чужим ключом \(found), не ключом этого сервера"
            case .badSignature: "подпись манифеста не сходится: манифест изменён после записи"
            }
        }
    }

    /// Reads a manifest's text and checks its signature against the keys trusted here.
    public static func read(_ bytes: [UInt8], trusting keys: [[UInt8]]) throws(Problem) -> Manifest {
        let values: [String: Field]
        do { values = try JSONText.parseFlatObject(bytes) } catch { throw .malformed(error.description) }
        func text(_ name: String) throws(Problem) -> String {
            guard case let .text(t)? = values[name] else { throw .malformed("нет поля «\(name)»") }
            return t
        }
        func number(_ name: String) throws(Problem) -> Int {
            guard case let .number(n)? = values[name] else { throw .malformed("нет поля «\(name)»") }
            return n
        }
        guard try text("format") == format else { throw .malformed("неизвестный формат «\(try text("format"))»") }
        guard let kind = BackupKind(rawValue: try text("kind")) else { throw .malformed("неизвестный вид копии") }
        var m = Manifest(
            facts: DatabaseFacts(school: try text("school"), schemaVersion: try number("schema_version"), marks: try number("marks"),
                                 absences: try number("absences"), auditRows: try number("audit_rows"),
                                 auditHead: AuditChainPoint(id: try number("audit_head_id"), hash: [])),
            created: try number("created"), kind: kind, file: try text("file"), databaseBytes: try number("database_bytes"),
            compressedBytes: try number("compressed_bytes"), blake2b: [], key: [])
        m.blake2b = try text("blake2b")
        m.auditHeadHash = try text("audit_head_hash")
        m.key = try text("key")
        guard case let .text(signatureHex)? = values["signature"], let signature = Hex.decode(signatureHex) else { throw .unsigned }
        guard let publicKey = Hex.decode(m.key), keys.contains(publicKey) else { throw .foreignKey(found: m.key) }
        guard Signing.verify(signature, of: m.body, by: publicKey) else { throw .badSignature }
        return m
    }
}

/// The few JSON forms a manifest uses: a flat object of strings and integers.
enum JSONText {
    struct Malformed: Error { let description: String }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = Array("0123456789abcdef")
                out += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 15)])
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func parseFlatObject(_ bytes: [UInt8]) throws(Malformed) -> [String: Manifest.Field] {
        var i = 0
        func skipSpace() { while i < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[i]) { i += 1 } }
        func expect(_ c: UInt8) throws(Malformed) {
            skipSpace()
            guard i < bytes.count, bytes[i] == c else { throw Malformed(description: "ожидался «\(Character(Unicode.Scalar(c)))» в позиции \(i)") }
            i += 1
        }
        func string() throws(Malformed) -> String {
            try expect(UInt8(ascii: "\""))
            var out: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                i += 1
                if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard c == UInt8(ascii: "\\") else { out.append(c); continue }
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(v) else { throw Malformed(description: "неверная \\u-последовательность") }
                    i += 4
                    out += Array(String(Character(scalar)).utf8)
                default: out.append(e)
                }
            }
            throw Malformed(description: "строка не закрыта")
        }
        try expect(UInt8(ascii: "{"))
        var values: [String: Manifest.Field] = [:]
        while true {
            let name = try string()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            guard i < bytes.count else { throw Malformed(description: "обрывается после «\(name)»") }
            if bytes[i] == UInt8(ascii: "\"") {
                values[name] = .text(try string())
            } else {
                let start = i
                while i < bytes.count, bytes[i] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
                guard let n = Int(String(decoding: bytes[start..<i], as: UTF8.self)) else {
                    throw Malformed(description: "значение «\(name)» не строка и не целое число")
                }
                values[name] = .number(n)
            }
            skipSpace()
            guard i < bytes.count else { throw Malformed(description: "объект не закрыт") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            try expect(UInt8(ascii: "}"))
            return values
        }
    }
}
