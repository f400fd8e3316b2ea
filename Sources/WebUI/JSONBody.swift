import FoundationEssentials
import HTTP
import Words

/// JSON request and response bodies of the API: requests decoded, responses written with `JSONBytes`.
public enum JSONBody {
    /// Decodes the body as `T`. - Throws: `HTTPError` 400 for a body that is not that JSON,
    /// 415 for another content type (in Russian: the edge gives the visitor's language).
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request) throws -> T {
        guard request.headers["content-type"]?.lowercased().hasPrefix("application/json") == true else {
            throw HTTPError(status: 415, message: Words.russian.jsonBodyExpected, code: "unsupported_media_type")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(request.body))
        } catch {
            throw HTTPError.badRequest(Words.russian.jsonBodyUnreadable)
        }
    }

    /// A body written with `JSONBytes`, never cached by the browser.
    public static func response(_ json: JSONBytes, status: Int = 200) -> Response {
        var response = Response.json(json.bytes, status: status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    public static func response(_ value: some JSONWritable, status: Int = 200) -> Response {
        var json = JSONBytes(capacity: 1024)
        value.write(to: &json)
        return response(json, status: status)
    }
}
