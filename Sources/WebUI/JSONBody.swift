import FoundationEssentials
import HTTP

/// JSON request and response bodies of the API.
public enum JSONBody {
    /// Decodes the body as `T`. - Throws: `HTTPError` 400 for a body that is not that JSON,
    /// 415 for another content type.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request) throws -> T {
        guard request.headers["content-type"]?.lowercased().hasPrefix("application/json") == true else {
            throw HTTPError(status: 415, message: "Ожидается тело application/json.", code: "unsupported_media_type")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(request.body))
        } catch {
            throw HTTPError.badRequest("Тело запроса — не тот JSON, что ожидается.")
        }
    }

    public static func response<T: Encodable>(_ value: T, status: Int = 200) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var response = Response.json(Array(try encoder.encode(value)), status: status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
