import Domain
import Routing
import HTTP
import Words

/// The signed-in person as the page header shows them.
public struct SignedIn: Sendable {
    public let name: String
    public let csrfToken: String
    /// The top menu, the same on every page of this visitor.
    public let menu: [(label: String, href: String)]
    /// The words of their pages, in the language they chose.
    public let words: Words

    public init(name: String, csrfToken: String, menu: [(label: String, href: String)] = [], words: Words = .russian) {
        self.name = name
        self.csrfToken = csrfToken
        self.menu = menu
        self.words = words
    }

    /// The signed-in visitor of `visit`, with their menu.
    public init(_ visit: Visit, name: String) {
        self.init(name: name, csrfToken: visit.csrfToken, menu: visit.menu, words: visit.words)
    }
}

/// The frame every staff and diary page shares: header with the school's name, main, footer.
public enum Layout {
    /// A whole page. `school` is nil before setup. The words are the signed-in visitor's, else `words`.
    /// `switchToken`: before sign-in, the form cookie's CSRF token, for a language switch in the header.
    public static func page(title: String, school: School?, user: SignedIn? = nil, words: Words = .russian, switchToken: String? = nil,
                            nav: [(label: String, href: String)] = [], bodyClass: String = "", scripts: [Asset] = [], _ content: HTML) -> HTML {
        let w = user?.words ?? words
        let schoolName = school?.displayName ?? "Tabel"
        // Signed in: the same menu on every page; the page's own links go below the header.
        let menu = user?.menu ?? []
        let top = menu.isEmpty ? nav : menu
        let crumbs: [HTML] = menu.isEmpty ? [] : nav.filter { link in !menu.contains { $0.href == link.href } }.map { "<a href=\"\($0.href)\">\($0.label)</a>" }
        var links: [HTML] = top.map { "<a href=\"\($0.href)\">\($0.label)</a>" }
        if let user {
            links.append("""
                <span class="who">\(user.name)</span>
                \(languageSwitch(w, csrf: user.csrfToken))
                <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="\(user.csrfToken)"><button class="link">\(w.signOut)</button></form>
                """)
        } else if let switchToken {
            links.append(languageSwitch(w, csrf: switchToken))
        }
        let scriptTags: [HTML] = scripts.map { "<script src=\"\($0.url)\" defer></script>" }
        return """
        <!doctype html>
        <html lang="\(w.code)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — \(schoolName)</title>
        <link rel="icon" href="\(Assets.icon.url)" type="image/svg+xml">
        <link rel="stylesheet" href="\(Assets.stylesheet.url)">
        \(each: scriptTags)
        </head>
        <body class="\(bodyClass)">
        \(bodyClass == "kiosk" ? HTML.empty : header(schoolName: schoolName, productLine: w.productLine, links: links))
        \(crumbs.isEmpty ? HTML.empty : "<nav class=\"crumbs\" aria-label=\"\(w.onThisPage)\">\(each: crumbs)</nav>")
        \(content)
        </body>
        </html>
        """
    }

    /// The button that shows the pages in the other language (`POST /language`, back to this page).
    static func languageSwitch(_ w: Words, csrf: String) -> HTML {
        let other = w.language == .russian ? "en" : "ru"
        return "<form method=\"post\" action=\"/language\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\"><input type=\"hidden\" name=\"language\" value=\"\(other)\"><button class=\"link\" title=\"\(w.languageLabel)\" lang=\"\(other)\">\(w.otherLanguageName)</button></form>"
    }

    private static func header(schoolName: String, productLine: String, links: [HTML]) -> HTML {
        """
        <header class="site-header"><div class="inner">
        <a class="brand" href="/"><img src="\(Assets.icon.url)" alt=""><span>\(schoolName)<small>\(productLine)</small></span></a>
        <nav>\(each: links)</nav>
        </div></header>
        """
    }

    /// A response carrying a whole page; personal pages must not be cached, so none are.
    public static func response(_ page: HTML, status: Int = 200) -> Response {
        var response = Response.html(page.text, status: status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
