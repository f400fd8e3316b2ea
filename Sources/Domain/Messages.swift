/// What a family is told in the diary (and by e-mail, when they chose it).
public enum NotificationKind: String, CaseIterable, Sendable {
    case absence, mark, remark, message, finals
}

/// The rules of messages: sizes, the files a message may carry, links in plain text.
public enum MessageRules {
    public static let maxSubject = 200
    public static let maxBody = 10_000
    public static let maxRecipients = 100
    /// At most this many files per message, each at most `maxAttachmentBytes`.
    public static let maxAttachments = 3
    public static let maxAttachmentBytes = 3 * 1024 * 1024

    /// The media type of a file the school takes, read from its first bytes (never from its
    /// name or the browser's word): PDF, PNG or JPEG; nil for anything else.
    public static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    /// A file's name as kept: its last path component, no control characters, at most 100
    /// characters; "file" when nothing is left. (Shown escaped wherever it appears.)
    public static func fileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let trimmed = String(clean.prefix(100)).trimmingWhitespace
        return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? "file" : trimmed
    }

    /// Plain text cut into runs of text and web links (`http://`, `https://`), so a page can make
    /// the links clickable and escape everything.
    public static func segments(_ text: String) -> [(text: String, isLink: Bool)] {
        var out: [(text: String, isLink: Bool)] = []
        var rest = text[...]
        while let start = [rest.firstRange(of: "https://"), rest.firstRange(of: "http://")].compactMap({ $0?.lowerBound }).min() {
            var end = start
            while end < rest.endIndex, !rest[end].isWhitespace, !"<>\"'".contains(rest[end]) { end = rest.index(after: end) }
            // A sentence's full stop or closing bracket is not part of the link.
            while end > start, ".,;:!?)»".contains(rest[rest.index(before: end)]) { end = rest.index(before: end) }
            let link = String(rest[start..<end])
            if start > rest.startIndex { out.append((String(rest[..<start]), false)) }
            let bare = link.hasPrefix("https://") ? link.dropFirst(8) : link.dropFirst(7)
            out.append((link, !bare.isEmpty))
            rest = rest[end...]
        }
        if !rest.isEmpty { out.append((String(rest), false)) }
        return out
    }
}
