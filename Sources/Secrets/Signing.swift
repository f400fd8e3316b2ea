internal import CSodium

/// Ed25519 signatures (libsodium's `crypto_sign_detached`): the box signs its backups' manifests.
public enum Signing {
    /// A key pair: the 64-byte secret key (libsodium's form, the public half inside) and the 32-byte public key.
    public struct KeyPair: Sendable {
        public let secretKey: [UInt8]
        public let publicKey: [UInt8]

        /// A new random key pair.
        public static func generate() -> KeyPair {
            Sodium.initialize()
            var pk = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
            var sk = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
            crypto_sign_keypair(&pk, &sk)
            return KeyPair(secretKey: sk, publicKey: pk)
        }

        /// The pair of a stored secret key; nil unless it is 64 bytes whose public half matches.
        public init?(secretKey: [UInt8]) {
            Sodium.initialize()
            guard secretKey.count == Int(crypto_sign_SECRETKEYBYTES) else { return nil }
            var pk = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
            guard crypto_sign_ed25519_sk_to_pk(&pk, secretKey) == 0, Array(secretKey[32...]) == pk else { return nil }
            self.init(secretKey: secretKey, publicKey: pk)
        }

        private init(secretKey: [UInt8], publicKey: [UInt8]) {
            self.secretKey = secretKey
            self.publicKey = publicKey
        }

        /// The detached signature (64 bytes) of `message`.
        public func sign(_ message: [UInt8]) -> [UInt8] {
            var signature = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
            crypto_sign_detached(&signature, nil, message, UInt64(message.count), secretKey)
            return signature
        }
    }

    /// True when `signature` is `publicKey`'s signature of `message`.
    public static func verify(_ signature: [UInt8], of message: [UInt8], by publicKey: [UInt8]) -> Bool {
        Sodium.initialize()
        guard signature.count == Int(crypto_sign_BYTES), publicKey.count == Int(crypto_sign_PUBLICKEYBYTES) else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }
}

/// BLAKE2b-256 over data that arrives in pieces (a backup file as it is written or read).
public struct StreamingDigest {
    /// libsodium's state is a 64-byte-aligned struct Swift sees as opaque: kept in memory of our own.
    private final class State {
        let memory: UnsafeMutableRawPointer

        init() {
            Sodium.initialize()
            memory = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
            crypto_generichash_init(OpaquePointer(memory), nil, 0, 32)
        }

        deinit { memory.deallocate() }
    }

    private let state = State()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        crypto_generichash_update(OpaquePointer(state.memory), base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    /// The 32-byte digest; the digest is finished after this.
    public mutating func finish() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        crypto_generichash_final(OpaquePointer(state.memory), &out, 32)
        return out
    }
}

/// Lower-case hexadecimal, both ways.
public enum Hex {
    public static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    /// Nil unless `text` is an even number of hexadecimal digits.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = value(chars[i]), let lo = value(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
