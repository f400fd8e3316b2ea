internal import CSodium

/// Random bytes and tokens from libsodium's CSPRNG, and BLAKE2b digests for storing tokens.
public enum Random {
    public static func bytes(_ count: Int) -> [UInt8] {
        Sodium.initialize()
        var out = [UInt8](repeating: 0, count: count)
        randombytes_buf(&out, count)
        return out
    }

    /// A uniformly random integer in `0..<bound`.
    public static func uniform(_ bound: UInt32) -> UInt32 {
        Sodium.initialize()
        return randombytes_uniform(bound)
    }

    /// `count` symbols drawn uniformly from `alphabet` (printed codes).
    public static func code(_ count: Int, from alphabet: [Character]) -> String {
        String((0..<count).map { _ in alphabet[Int(uniform(UInt32(alphabet.count)))] })
    }

    /// `count` random bytes as URL-safe base64 without padding (cookie and CSRF tokens).
    public static func token(bytes count: Int = 32) -> String {
        let raw = bytes(count)
        var out = [CChar](repeating: 0, count: (count * 4 + 2) / 3 + 1)
        sodium_bin2base64(&out, out.count, raw, raw.count, sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

public enum Digest {
    /// BLAKE2b-256 of `text` (how session tokens and kiosk codes are stored).
    public static func blake2b(_ text: String) -> [UInt8] {
        Sodium.initialize()
        var out = [UInt8](repeating: 0, count: 32)
        let input = Array(text.utf8)
        crypto_generichash(&out, 32, input, UInt64(input.count), nil, 0)
        return out
    }

    /// BLAKE2b-256 of `bytes` (the audit trail's hash chain).
    public static func blake2b(bytes: [UInt8]) -> [UInt8] {
        Sodium.initialize()
        var out = [UInt8](repeating: 0, count: 32)
        crypto_generichash(&out, 32, bytes, UInt64(bytes.count), nil, 0)
        return out
    }
}
