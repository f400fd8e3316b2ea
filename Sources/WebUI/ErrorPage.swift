import Domain
import HTTP
import Words

/// Error pages in the visitor's language, in the site's look; API paths get JSON instead.
public enum ErrorPage {
    /// The response for `error` on a request to `path`, in the signed-in visitor's words (else `words`).
    public static func response(for error: HTTPError, path: String, school: School?, user: SignedIn? = nil, words: Words = .russian) -> Response {
        let w = user?.words ?? words
        if path.hasPrefix("/api/") { return json(error, w) }
        let title = w.errorTitle(error.status)
        let page = Layout.page(title: title, school: school, user: user, words: w, """
            <main><div class="card error-page">
            <p class="code">\(error.status)</p>
            <h1>\(title)</h1>
            <p>\(w.message(error.message))</p>
            <p><a class="button" href="/">\(w.backHome)</a></p>
            </div></main>
            """)
        return Layout.response(page, status: error.status)
    }

    /// `{"error": code, "message": text}`: the code as it always is, the message in `words`.
    public static func json(_ error: HTTPError, _ words: Words = .russian) -> Response {
        var json = JSONBytes()
        json.object { j in
            j.field("error", error.code)
            j.field("message", words.message(error.message))
        }
        return JSONBody.response(json, status: error.status)
    }
}
