import Domain
import Routing
import Words

/// A print button (`/print/…`): a small POST form with the CSRF token, whose hidden fields name
/// the document, optionally with the dates to print for.
public enum PrintButton {
    public static func form(_ visit: Visit, _ document: String, _ label: String, fields: [(String, String)],
                            dates: (CivilDate, CivilDate)? = nil) -> HTML {
        let w = visit.words
        let hidden = HTML(trusted: fields.map { "<input type=\"hidden\" name=\"\(HTML.escaped($0.0))\" value=\"\(HTML.escaped($0.1))\">" }.joined())
        let picker: HTML = dates.map { d in
            "<label>\(w.reportFrom) <input type=\"date\" name=\"from\" value=\"\(d.0.iso)\" required></label> <label>\(w.reportTo) <input type=\"date\" name=\"to\" value=\"\(d.1.iso)\" required></label> "
        } ?? ""
        return """
            <form method="post" action="/print/\(document)" class="print-form"><input type="hidden" name="_csrf" value="\(visit.csrfToken)">\(hidden)\(picker)<button type="submit" class="secondary">\(label)</button></form>
            """
    }
}
