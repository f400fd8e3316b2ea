import Domain
import HTTP

/// Error pages in Russian, in the site's look; API paths get JSON instead.
public enum ErrorPage {
    /// The response for `error` on a request to `path`.
    public static func response(for error: HTTPError, path: String, school: School?, user: SignedIn? = nil) -> Response {
        if path.hasPrefix("/api/") { return json(error) }
        let title = self.title(error.status)
        let page = Layout.page(title: title, school: school, user: user, """
            <main><div class="card error-page">
            <p class="code">\(error.status)</p>
            <h1>\(title)</h1>
            <p>\(error.message)</p>
            <p><a class="button" href="/">На главную</a></p>
            </div></main>
            """)
        return Layout.response(page, status: error.status)
    }

    /// `{"error": code, "message": text}`.
    public static func json(_ error: HTTPError) -> Response {
        var json = JSONBytes()
        json.object { j in
            j.field("error", error.code)
            j.field("message", error.message)
        }
        return JSONBody.response(json, status: error.status)
    }

    static func title(_ status: Int) -> String {
        switch status {
        case 400: "Неверный запрос"
        case 401: "Нужно войти"
        case 403: "Доступ запрещён"
        case 404: "Страница не найдена"
        case 405: "Так нельзя"
        case 413: "Слишком большой запрос"
        case 429: "Слишком много попыток"
        case 503: "Сервис недоступен"
        default: "Что-то пошло не так"
        }
    }
}
