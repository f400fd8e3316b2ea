import Domain
import WebUI

/// The pieces the people's forms are made of: a labelled field with its error beside it (or a
/// hint), and what was typed kept on a form sent back.
enum FormField {
    /// `<label>` and `<input>`; the error replaces the hint and marks the field invalid.
    static func input(_ name: String, _ label: String, value: String, error: String?, hint: String? = nil, type: String = "text",
                      attributes: HTML = "") -> HTML {
        """
        <label for="\(name)">\(label)</label>
        <input\(type == "text" ? "" : " type=\"\(type)\"" as HTML) id="\(name)" name="\(name)" value="\(value)" aria-invalid="\(error == nil ? "false" : "true")"\(described(name, error: error, hint: hint))\(attributes)>
        \(message(name, error: error, hint: hint))
        """
    }

    /// `<label>` and `<select>` with its options; `selected` is the chosen value.
    static func select(_ name: String, _ label: String, options: [(value: String, text: String)], selected: String, error: String?, hint: String? = nil) -> HTML {
        let items: [HTML] = options.map { "<option value=\"\($0.value)\"\($0.value == selected ? " selected" : "")>\($0.text)</option>" }
        return """
            <label for="\(name)">\(label)</label>
            <select id="\(name)" name="\(name)" aria-invalid="\(error == nil ? "false" : "true")"\(described(name, error: error, hint: hint))>\(each: items)</select>
            \(message(name, error: error, hint: hint))
            """
    }

    /// The error or the hint beside a field (`message`), which the field names as its description.
    static func message(_ name: String, error: String?, hint: String?) -> HTML {
        if let error { return "<p class=\"field-error\" id=\"\(name)-error\">\(error)</p>" }
        return hint.map { "<p class=\"muted hint\" id=\"\(name)-hint\">\($0)</p>" } ?? ""
    }

    /// `aria-describedby` naming the message beside a field; none when there is none.
    static func described(_ name: String, error: String?, hint: String?) -> HTML {
        if error != nil { return " aria-describedby=\"\(name)-error\"" }
        return hint == nil ? "" : " aria-describedby=\"\(name)-hint\""
    }

    /// A form's message above its fields when something was refused.
    static func summary(_ errors: [String: String], _ text: String) -> HTML {
        errors.isEmpty ? "" : "<p class=\"form-error\" role=\"alert\">\(text)</p>"
    }
}
