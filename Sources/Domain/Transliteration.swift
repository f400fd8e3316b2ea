/// Latin logins from Russian names, after the passport (ICAO) transliteration:
/// «Щербакова Ёлка» → `shcherbakova`, `elka`.
public enum Transliteration {
    static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y",
        "ь": "", "э": "e", "ю": "iu", "я": "ia",
    ]

    /// Lower-case Latin letters and digits only; other characters are dropped.
    public static func latin(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if let t = table[ch] { out += t } else if ch.isASCII, ch.isLetter || ch.isNumber { out.append(ch) }
        }
        return out
    }

    /// An ASCII file name for `text`: Cyrillic transliterated, ASCII letters and digits kept,
    /// anything else a single `-` («слипы-5А-ученики.pdf» → `slipy-5a-ucheniki.pdf`).
    public static func fileName(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if let t = table[ch] { out += t } else if ch.isASCII, ch.isLetter || ch.isNumber || ch == "." || ch == "_" { out.append(ch) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        return out
    }

    /// `ivanova.ms`: the surname and the initials of the first name and patronymic.
    public static func login(lastName: String, firstName: String, middleName: String) -> String {
        let initials = latin(String(firstName.prefix(1))).prefix(1) + latin(String(middleName.prefix(1))).prefix(1)
        return latin(lastName) + (initials.isEmpty ? "" : "." + initials)
    }
}
