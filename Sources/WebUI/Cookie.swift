import HTTP

/// `Set-Cookie` values: HttpOnly, SameSite=Strict, Path=/, and Secure behind a TLS proxy.
public enum Cookie {
    public static let session = "tabel_session"
    /// Double-submit token of forms sent before sign-in (the sign-in forms).
    public static let form = "tabel_csrf"
    /// The long-lived cookie of a registered kiosk screen.
    public static let kiosk = "tabel_kiosk"
    /// The language chosen before signing in (an account's own choice is kept with the account).
    public static let language = "tabel_lang"

    public static func set(_ name: String, _ value: String, for request: Request, maxAge: Int? = nil) -> String {
        "\(name)=\(value); HttpOnly; SameSite=Strict; Path=/" + (maxAge.map { "; Max-Age=\($0)" } ?? "") + (overTLS(request) ? "; Secure" : "")
    }

    public static func clear(_ name: String, for request: Request) -> String {
        "\(name)=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" + (overTLS(request) ? "; Secure" : "")
    }

    /// True when a TLS-terminating proxy on this machine says the browser used HTTPS.
    public static func overTLS(_ request: Request) -> Bool {
        request.headers["x-forwarded-proto"]?.lowercased() == "https"
            && (request.remoteAddress == "127.0.0.1" || request.remoteAddress == "::1")
    }
}
