import Domain
import HTTP

/// Error pages in Russian, in the site's look; API paths get JSON instead.
public enum ErrorPage {
    /// The response for `error` on a request to `path`.
    public static func response(for error: HTTPError, path: String, school: School?) -> Response {
        if path.hasPrefix("/api/") { return json(error) }
        let title = self.title(error.status)
        let page = Layout.page(title: title, school: school, """
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
        var out = "{\"error\":"
        JSONText.appendString(error.code, to: &out)
        out += ",\"message\":"
        JSONText.appendString(error.message, to: &out)
        out += "}"
        var response = Response.json(Array(out.utf8), status: error.status)
        response.headers.add("Cache-Control", "no-store")
        return response
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

/// Minimal JSON string escaping for hand-written bodies.
public enum JSONText {
    public static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + pad(String(scalar.value, radix: 16))
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    private static func pad(_ hex: String) -> String { String(repeating: "0", count: 4 - hex.count) + hex }
}
