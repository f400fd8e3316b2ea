import Domain
import Words

extension Assets {
    /// A script's messages in every language, as a `W` object for the language of the page's
    /// `lang` (Russian when the page has another): one file serves every language.
    static func scriptWords(_ messages: (Words) -> [(key: String, text: String)]) -> String {
        func object(_ w: Words) -> String { "{ " + messages(w).map { "\($0.key): \(js($0.text))" }.joined(separator: ", ") + " }" }
        let all = Language.allCases.map { "\($0.rawValue): \(object(Words($0)))" }.joined(separator: ", ")
        return "var W = ({ \(all) })[document.documentElement.lang] || \(object(.russian));"
    }

    /// A JavaScript string literal of `text`.
    static func js(_ text: String) -> String {
        var out = "'"
        for ch in text.unicodeScalars {
            switch ch {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\x3c"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "'"
    }
}
