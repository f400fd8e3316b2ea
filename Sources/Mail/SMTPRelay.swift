internal import CCurl

/// The school's SMTP relay on its network, reached through libcurl's SMTP (STARTTLS when the
/// relay offers it). One message per call; every libcurl error becomes `MailError`.
public struct SMTPRelay: Sendable {
    public let host: String
    public let port: Int
    public let from: String
    /// Seconds a whole delivery may take.
    public var timeout = 30

    public init(host: String, port: Int, from: String) {
        self.host = host
        self.port = port
        self.from = from
    }

    public struct MailError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The bytes libcurl reads as the message's DATA.
    final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    static let started: Bool = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK }()

    public func send(to: String, message: [UInt8]) throws {
        guard Self.started else { throw MailError(description: "curl_global_init failed") }
        guard MailMessage.isUsable(to), MailMessage.isUsable(from) else { throw MailError(description: "unusable address") }
        guard let curl = curl_easy_init() else { throw MailError(description: "curl_easy_init failed") }
        defer { curl_easy_cleanup(curl) }
        let upload = Upload(message)
        let box = Unmanaged.passRetained(upload)
        defer { box.release() }
        let recipients = curl_slist_append(nil, "<\(to)>")
        defer { curl_slist_free_all(recipients) }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        try check(tabel_curl_set_string(curl, CURLOPT_URL, "smtp://\(hostPart):\(port)"), "CURLOPT_URL")
        try check(tabel_curl_set_string(curl, CURLOPT_MAIL_FROM, "<\(from)>"), "CURLOPT_MAIL_FROM")
        try check(tabel_curl_set_pointer(curl, CURLOPT_MAIL_RCPT, UnsafeMutableRawPointer(recipients)), "CURLOPT_MAIL_RCPT")
        try check(tabel_curl_set_long(curl, CURLOPT_USE_SSL, Int(CURLUSESSL_TRY.rawValue)), "CURLOPT_USE_SSL")
        try check(tabel_curl_set_long(curl, CURLOPT_TIMEOUT, timeout), "CURLOPT_TIMEOUT")
        try check(tabel_curl_set_long(curl, CURLOPT_NOSIGNAL, 1), "CURLOPT_NOSIGNAL")
        try check(tabel_curl_set_long(curl, CURLOPT_UPLOAD, 1), "CURLOPT_UPLOAD")
        try check(tabel_curl_set_pointer(curl, CURLOPT_READDATA, box.toOpaque()), "CURLOPT_READDATA")
        try check(tabel_curl_set_read(curl) { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            let upload = Unmanaged<Upload>.fromOpaque(userdata).takeUnretainedValue()
            let n = min(size * count, upload.bytes.count - upload.offset)
            guard n > 0 else { return 0 }
            upload.bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + upload.offset, byteCount: n)
            }
            upload.offset += n
            return n
        }, "CURLOPT_READFUNCTION")
        try check(curl_easy_perform(curl), "curl_easy_perform")
    }

    func check(_ code: CURLcode, _ what: String) throws {
        guard code == CURLE_OK else { throw MailError(description: "\(what): \(String(cString: curl_easy_strerror(code)))") }
    }
}
