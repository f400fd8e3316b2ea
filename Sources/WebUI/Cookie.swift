import HTTP

/// `Set-Cookie` values: HttpOnly, SameSite=Strict, Path=/; over HTTPS (the server's own TLS
/// listener or a TLS proxy on the box) also Secure, under the `__Host-` name (`Request.cookieName`,
/// which `Request.cookie` reads back); over plain HTTP the plain names.
public enum Cookie {
    public static let session = "tabel_session"
    /// Double-submit token of forms sent before sign-in (the sign-in forms).
    public static let form = "tabel_csrf"
    /// The long-lived cookie of a registered kiosk screen.
    public static let kiosk = "tabel_kiosk"
    /// The language chosen before signing in (an account's own choice is kept with the account).
    public static let language = "tabel_lang"

    public static func set(_ name: String, _ value: String, for request: Request, maxAge: Int? = nil) -> String {
        "\(request.cookieName(name))=\(value); HttpOnly; SameSite=Strict; Path=/" + (maxAge.map { "; Max-Age=\($0)" } ?? "") + (overTLS(request) ? "; Secure" : "")
    }

    public static func clear(_ name: String, for request: Request) -> String {
        "\(request.cookieName(name))=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" + (overTLS(request) ? "; Secure" : "")
    }

    /// True when the browser used HTTPS (`Request.isSecure`).
    public static func overTLS(_ request: Request) -> Bool { request.isSecure }
}
