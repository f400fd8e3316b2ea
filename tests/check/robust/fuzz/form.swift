// libFuzzer target: urlencoded forms and query strings (Sources/HTTP/FormDecoding.swift).
// What decodes must encode and decode back to the same fields.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let form = try FormDecoding.urlencoded(bytes[...])
        precondition(form.pairs.count <= FormDecoding.maxFields)
        let again = form.pairs.map { PercentDecoding.encode($0.name) + "=" + PercentDecoding.encode($0.value) }.joined(separator: "&")
        let decoded = try FormDecoding.urlencoded(Array(again.utf8)[...])
        precondition(decoded == form, "round trip changed the fields")
        for pair in form.pairs { precondition(!pair.name.utf8.contains(0) && !pair.value.utf8.contains(0), "NUL decoded") }
    } catch let e as HTTPError {
        precondition(e.status == 400, "a malformed form is a 400")
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
    return 0
}
