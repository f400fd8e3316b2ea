import HTTP

/// A file embedded in the binary and served under `/static/`.
public struct Asset: Sendable {
    public let name: String
    public let contentType: String
    public let body: [UInt8]
    /// A strong ETag: the FNV-1a 64 hash of the body.
    public let etag: String
    /// The address to link to: the ETag in the query makes a changed file a new URL, so the
    /// browser may keep each version for a year.
    public let url: String

    init(name: String, contentType: String, text: String) {
        self.name = name
        self.contentType = contentType
        body = Array(text.utf8)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in body { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        etag = "\"" + String(hash, radix: 16) + "\""
        url = "/static/\(name)?v=" + String(hash, radix: 16)
    }

    /// The response for a request, honouring `If-None-Match`.
    public func response(to request: Request) -> Response {
        var headers = Headers([("ETag", etag), ("Cache-Control", "public, max-age=31536000, immutable")])
        if request.headers["if-none-match"] == etag { return Response(status: 304, headers: headers) }
        headers.add("Content-Type", contentType)
        return Response(status: 200, headers: headers, body: body)
    }
}

/// Every embedded asset, by file name.
public enum Assets {
    public static let stylesheet = Asset(name: "tabel.css", contentType: "text/css; charset=utf-8", text: css)
    public static let kioskScript = Asset(name: "kiosk.js", contentType: "text/javascript; charset=utf-8", text: kioskJS)
    public static let gridScript = Asset(name: "grid.js", contentType: "text/javascript; charset=utf-8", text: gridJS)
    public static let icon = Asset(name: "icon.svg", contentType: "image/svg+xml", text: iconSVG)

    public static let all: [String: Asset] = Dictionary(uniqueKeysWithValues:
        [stylesheet, kioskScript, gridScript, icon].map { ($0.name, $0) })
}
