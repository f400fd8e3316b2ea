internal import CSodium

/// Argon2id password hashes in libsodium's encoded form (`$argon2id$v=19$m=…,t=…,p=1$…`).
public enum PasswordHash {
    /// The cost of one hash: passes over memory and the memory used.
    public struct Cost: Sendable, Equatable {
        public let passes: Int
        public let memoryBytes: Int

        public init(passes: Int, memoryBytes: Int) {
            self.passes = passes
            self.memoryBytes = memoryBytes
        }

        /// t = 2, 19 MiB: OWASP's minimum for Argon2id, about 9 ms on the reference machine.
        public static let standard = Cost(passes: 2, memoryBytes: 19 * 1024 * 1024)

        /// t = 2, 4 MiB, for printed temporary passwords: they are 50 random bits, valid for
        /// days and once, so a lighter hash lets a whole school's slips print in seconds.
        public static let temporary = Cost(passes: 2, memoryBytes: 4 * 1024 * 1024)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Hashes `password` with a fresh random salt.
    public static func hash(_ password: String, cost: Cost = .standard) throws -> String {
        Sodium.initialize()
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let bytes = Array(password.utf8)
        let rc = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, bytes.count)) { chars in
                crypto_pwhash_str_alg(&out, chars, UInt64(bytes.count), UInt64(cost.passes), cost.memoryBytes,
                                      crypto_pwhash_alg_argon2id13())
            }
        }
        guard rc == 0 else { throw Failure(description: "crypto_pwhash_str_alg: недостаточно памяти для хэширования пароля") }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `password` matches `encoded`; false for a wrong password or a malformed hash.
    public static func verify(_ password: String, against encoded: String) -> Bool {
        Sodium.initialize()
        let bytes = Array(password.utf8)
        return bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, bytes.count)) { chars in
                crypto_pwhash_str_verify(encoded, chars, UInt64(bytes.count)) == 0
            }
        }
    }
}

enum Sodium {
    private static let ready: Bool = sodium_init() >= 0

    static func initialize() { precondition(ready, "sodium_init failed") }
}
