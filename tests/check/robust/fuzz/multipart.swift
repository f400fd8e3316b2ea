// libFuzzer target: multipart/form-data (Sources/HTTP/Multipart.swift). The first line of the
// input is the Content-Type header, the rest the body.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipart(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let newline = bytes.firstIndex(of: 10) ?? bytes.count
    let header = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = Array(bytes[min(newline + 1, bytes.count)...])
    guard let boundary = Multipart.boundary(fromContentType: header) else { return 0 }
    do {
        let parts = try Multipart.parse(body, boundary: boundary)
        precondition(parts.count <= Multipart.maxParts)
        // A part's body never runs into the next delimiter.
        let delimiter = Array("\r\n--\(boundary)".utf8)
        for part in parts { precondition(Multipart.find(delimiter, in: part.body, from: 0) == nil) }
    } catch let e as HTTPError {
        precondition(e.status == 400, "a malformed body is a 400")
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
    return 0
}
