import Desks
import Domain
import Storage
import WebUI
import Words

/// How messages look, on the web and at the kiosk: the list of threads, a thread with its read
/// receipts, a message's text with its links made clickable. Every piece of user text passes
/// through `HTML`'s escaping; links get an `href` only for `http(s)://`.
public enum MessageView {
    /// Plain text: escaped, line breaks kept, web links clickable (opened apart, no referrer);
    /// with `links` false (the kiosk, which leaves the school's pages for no one) the links stay text.
    public static func text(_ body: String, links: Bool = true) -> HTML {
        var out = HTML.empty
        for segment in MessageRules.segments(body) {
            if segment.isLink, links {
                out.append("<a href=\"\(segment.text)\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">\(segment.text)</a>")
            } else {
                let lines = segment.text.split(separator: "\n", omittingEmptySubsequences: false)
                for (i, line) in lines.enumerated() {
                    if i > 0 { out.append("<br>") }
                    out.append("\(line)")
                }
            }
        }
        return out
    }

    /// A moment as the school's clock shows it.
    static func when(_ at: Int, offset: Int, _ w: Words) -> String {
        w.dateTime(SchoolDateTime(unixSeconds: at, offsetMinutes: offset))
    }

    /// The list of threads, newest first; unread ones stand out.
    public static func list(_ threads: [ThreadSummary], base: String, offset: Int, _ w: Words) -> HTML {
        guard !threads.isEmpty else { return "<p class=\"muted\">\(w.noThreads)</p>" }
        let items: [HTML] = threads.map { t in
            """
            <li class="\(t.unread > 0 ? "unread" : "")"><a href="\(base)/\(t.id)"><b>\(t.subject)</b>\
            \(t.unread > 0 ? " <span class=\"badge\">\(w.unreadCount(t.unread))</span>" as HTML : "")</a>
            <small>\(t.with.joined(separator: ", ")) · \(when(t.lastAt, offset: offset, w))</small></li>
            """
        }
        return "<ul class=\"threads\">\(each: items)</ul>"
    }

    /// A thread's messages. `csrf` (the web only) adds the withdraw button to one's own unread
    /// messages and links to the files; the kiosk (nil) names the files only.
    public static func thread(_ view: MessagesDesk.ThreadView, me: Int, offset: Int, csrf: String?, _ w: Words) -> HTML {
        let others = view.thread.members.filter { $0.id != me }
        let items: [HTML] = view.messages.map { m in
            let mine = m.authorID == me
            var body: HTML
            if m.withdrawnAt != nil {
                body = mine ? "<p class=\"muted\">\(w.withdrawnOwn)</p><div class=\"text withdrawn\">\(text(m.body, links: csrf != nil))</div>"
                    : "<p class=\"muted\">\(w.withdrawn)</p>"
            } else {
                body = "<div class=\"text\">\(text(m.body, links: csrf != nil))</div>"
            }
            if !m.attachments.isEmpty {
                let files: [HTML] = m.attachments.map { a in
                    csrf == nil ? "<li>\(a.fileName) <small class=\"muted\">\(w.fileSize(a.size))</small></li>"
                        : "<li><a href=\"/messages/files/\(a.id)\" download>\(a.fileName)</a> <small class=\"muted\">\(w.fileSize(a.size))</small></li>"
                }
                body.append("<ul class=\"files\" aria-label=\"\(w.attachmentsLabel)\">\(each: files)</ul>")
            }
            var receipt = HTML.empty
            if mine, m.withdrawnAt == nil {
                let readers = others.filter { $0.readUpTo >= m.id }
                if view.isBroadcast, others.count > 1 {
                    receipt = "<p class=\"receipt\">\(w.readByCount(readers.count, others.count))</p>"
                } else {
                    receipt = "<p class=\"receipt\">\(readers.isEmpty ? w.notReadYet : w.readBy(readers.map(\.name).joined(separator: ", ")))</p>"
                }
                if readers.isEmpty, let csrf {
                    receipt.append("""
                        <form method="post" action="/messages/withdraw" class="inline"><input type="hidden" name="_csrf" value="\(csrf)">\
                        <input type="hidden" name="message" value="\(m.id)"><button class="link" title="\(w.withdrawHint)">\(w.withdraw)</button></form>
                        """)
                }
            }
            return """
                <li class="message\(mine ? " mine" : "")" id="m\(m.id)"><p class="from"><b>\(m.authorName)</b> <small class="muted">\(when(m.at, offset: offset, w))</small></p>
                \(body)\(receipt)</li>
                """
        }
        return "<ol class=\"messages\">\(each: items)</ol>"
    }
}
