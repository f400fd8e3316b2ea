import FoundationEssentials

/// An e-mail as it crosses the wire (RFC 5322): headers in ASCII, the subject in RFC 2047
/// words, the UTF-8 text in base64. Addresses with line breaks or angle brackets are refused
/// (no header injection).
public enum MailMessage {
    /// Whether `address` can be put in a header and an SMTP command as it is.
    public static func isUsable(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && address.utf8.count <= 254
            && !address.unicodeScalars.contains { $0.value <= 0x20 || $0.value >= 0x7F || "<>\"(),;:\\[]".unicodeScalars.contains($0) }
    }

    /// The whole message, lines ending in CRLF. `date`: RFC 5322 date text.
    public static func format(from: String, to: String, subject: String, body: String, date: String, messageID: String) -> [UInt8] {
        let text = body.replacing("\r\n", with: "\n").replacing("\n", with: "\r\n")
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [String] = []
        var i = encoded.startIndex
        while i < encoded.endIndex {
            let end = encoded.index(i, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[i..<end]))
            i = end
        }
        let head = [
            "Date: \(date)",
            "From: <\(from)>",
            "To: <\(to)>",
            "Message-ID: <\(messageID)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        return Array((head + [""] + lines).joined(separator: "\r\n").utf8) + Array("\r\n".utf8)
    }

    /// RFC 5322 date text of a moment (UTC).
    public static func date(unixSeconds: Int) -> String {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let seconds = unixSeconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekday), \(day) \(months[month - 1]) \(year) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) +0000"
    }
}
