import Domain
import Storage
import WebUI
import Words

/// Announcements and events as a list: the dates, the class (or the school), the title and text.
public enum EventView {
    public static func list(_ events: [SchoolEvent], _ w: Words) -> HTML {
        let items: [HTML] = events.map { e in
            let dates = e.startsOn == e.endsOn ? w.shortDate(e.startsOn) : "\(w.shortDate(e.startsOn))–\(w.shortDate(e.endsOn))"
            return """
                <li><span class="when">\(dates)</span> \(e.className.map { "<span class=\"badge\">\($0)</span> " as HTML })<b>\(e.title)</b>\
                \(e.details.isEmpty ? "" as HTML : "<div class=\"details\">\(MessageView.text(e.details))</div>")</li>
                """
        }
        return "<ul class=\"events\">\(each: items)</ul>"
    }

    /// A card with the events, or nothing when there are none.
    public static func card(_ title: String, _ events: [SchoolEvent], _ w: Words, more: HTML = .empty) -> HTML {
        guard !events.isEmpty || more.text != "" else { return "" }
        return "<section class=\"card spaced events-card\"><h2>\(title)</h2>\(events.isEmpty ? "<p class=\"muted\">\(w.noEvents)</p>" as HTML : list(events, w))\(more)</section>"
    }
}
