internal import CGnuTLS
#if canImport(Glibc)
import Glibc
#endif

/// A certificate (with its chain) and its private key as PEM text, checked to load together
/// the way libmicrohttpd loads them (GnuTLS, as Debian builds libmicrohttpd).
public struct TLSCredentials: Sendable {
    public let certificatePEM: String
    public let keyPEM: String
    /// When the (first) certificate expires, in seconds since 1970.
    public let expires: Int64
    /// The SHA-256 fingerprint of the certificate, as browsers show it (`AB:CD:…`).
    public let fingerprint: String

    /// File names in the state directory.
    public static let certificateFile = "tls.crt"
    public static let keyFile = "tls.key"

    /// Checks that the certificate and key load together.
    /// - Throws: `TLSError` naming what GnuTLS refused (a mismatch, a malformed file).
    public init(certificatePEM: String, keyPEM: String) throws {
        var expires: Int64 = 0
        var digest = [UInt8](repeating: 0, count: 32)
        let rc = certificatePEM.withCString { c in
            keyPEM.withCString { k in
                tabel_tls_check_pair(c, strlen(c), k, strlen(k), &expires, &digest)
            }
        }
        try TLSError.check(rc, "gnutls_certificate_set_x509_key_mem2")
        self.certificatePEM = certificatePEM
        self.keyPEM = keyPEM
        self.expires = expires
        fingerprint = digest.map { byte in
            let hex = Array("0123456789ABCDEF")
            return String([hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        }.joined(separator: ":")
    }

    /// A new ECDSA P-256 key and a self-signed certificate for `names` (host names and IP
    /// addresses, e.g. `tabel.local`, `192.168.1.10`), valid `days` days.
    public static func selfSigned(names: [String], days: Int = 3650) throws -> TLSCredentials {
        let ips = names.filter(isIPAddress)
        let dns = names.filter { !isIPAddress($0) }
        var key = gnutls_datum_t()
        var certificate = gnutls_datum_t()
        let rc = withCStrings(dns) { dnsPointers in
            withCStrings(ips) { ipPointers in
                tabel_tls_self_signed(dnsPointers, Int32(dns.count), ipPointers, Int32(ips.count), UInt32(days), &key, &certificate)
            }
        }
        try TLSError.check(rc, "gnutls_x509_crt_sign2")
        defer {
            tabel_tls_free(key.data)
            tabel_tls_free(certificate.data)
        }
        let keyText = String(decoding: UnsafeBufferPointer(start: key.data, count: Int(key.size)), as: UTF8.self)
        let certificateText = String(decoding: UnsafeBufferPointer(start: certificate.data, count: Int(certificate.size)), as: UTF8.self)
        return try TLSCredentials(certificatePEM: certificateText, keyPEM: keyText)
    }

    /// True for an IPv4 or IPv6 literal.
    public static func isIPAddress(_ text: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, text, &buffer) == 1 || inet_pton(AF_INET6, text, &buffer) == 1
    }

    /// Reads `tls.crt` and `tls.key` from a directory (or the two paths given).
    public static func load(certificate: String, key: String) throws -> TLSCredentials {
        try TLSCredentials(certificatePEM: try readFile(certificate), keyPEM: try readFile(key))
    }

    /// Writes the key (mode 0600) and the certificate (0644) into `directory`, each under a
    /// temporary name, fsynced and renamed; when run as root, both get the directory's owner, so
    /// the server's user (systemd's dynamic user owns its state directory) can read them.
    public func save(in directory: String) throws {
        try writeFile(directory + "/" + Self.keyFile, keyPEM, mode: 0o600, ownerOf: directory)
        try writeFile(directory + "/" + Self.certificateFile, certificatePEM, mode: 0o644, ownerOf: directory)
    }
}

/// What GnuTLS or the file system refused, with the function that did.
public struct TLSError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }

    static func check(_ rc: Int32, _ function: String) throws {
        guard rc < 0 else { return }
        let reason = gnutls_strerror(rc).map { String(cString: $0) } ?? "код \(rc)"
        throw TLSError("\(function): \(reason)")
    }
}

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}

private func readFile(_ path: String) throws -> String {
    guard let file = fopen(path, "rb") else {
        throw TLSError("\(path): \(String(cString: strerror(errno)))")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16384)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
        if n < buffer.count { break }
        if bytes.count > 1 << 20 { throw TLSError("\(path): файл больше 1 МиБ — это не сертификат") }
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func writeFile(_ path: String, _ text: String, mode: mode_t, ownerOf directory: String) throws {
    let temporary = path + ".tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard fd >= 0 else { throw TLSError("\(temporary): \(String(cString: strerror(errno)))") }
    var ok = fchmod(fd, mode) == 0
    var owner = stat()
    if ok, getuid() == 0, stat(directory, &owner) == 0 {
        ok = fchown(fd, owner.st_uid, owner.st_gid) == 0
    }
    let bytes = Array(text.utf8)
    var written = 0
    while ok, written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n <= 0 { ok = false } else { written += n }
    }
    ok = ok && fsync(fd) == 0
    let reason = String(cString: strerror(errno))
    close(fd)
    guard ok, rename(temporary, path) == 0 else {
        unlink(temporary)
        throw TLSError("\(path): \(reason)")
    }
    let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dir >= 0 {
        fsync(dir)
        close(dir)
    }
}
