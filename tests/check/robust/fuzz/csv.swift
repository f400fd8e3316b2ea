// libFuzzer target: the CSV reader of the imports (Sources/Setup/CSV/CSVReader.swift), compiled
// with the Domain module's sources by run.sh. Any input either reads or throws InputError.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let table = try CSVReader.read(bytes)
        // What was read keeps its promises: a header, rows on growing lines, no field over the limit.
        precondition(!table.header.isEmpty)
        var last = 1
        for row in table.rows {
            precondition(row.line > last, "row lines must grow")
            precondition(row.fields.allSatisfy { $0.count <= CSVReader.maxFieldLength })
            last = row.line
        }
    } catch is InputError {
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
    return 0
}
