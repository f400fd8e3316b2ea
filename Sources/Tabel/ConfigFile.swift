#if canImport(Glibc)
import Glibc
#endif

/// `/etc/tabel/tabel.conf`: `key = value` lines whose keys are `serve`'s long option names
/// (`listen`, `tls-listen`, `db`, …), `#` comments and blank lines. Layers: compiled-in
/// defaults, then this file, then the command line.
struct ConfigFile {
    static let defaultPath = "/etc/tabel/tabel.conf"

    private(set) var values: [String: String] = [:]

    init() {}

    /// Parses `text`; `keys` are the ones allowed.
    /// - Throws: `ConfigError` naming the line of an unknown key or a line without `=`.
    init(text: String, path: String, keys: Set<String>) throws {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError(description: "\(path), строка \(index + 1): ожидается «ключ = значение», получено «\(line)»")
            }
            let key = String(line[..<equals]).trimmingCharacters
            var value = String(line[line.index(after: equals)...]).trimmingCharacters
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard keys.contains(key) else {
                throw ConfigError(description: "\(path), строка \(index + 1): неизвестный ключ «\(key)» (есть: \(keys.sorted().joined(separator: ", ")))")
            }
            values[key] = value
        }
    }

    /// Reads `path`; a missing file at the default path is an empty configuration, a missing
    /// file named on the command line an error.
    static func load(path: String?, keys: Set<String>) throws -> ConfigFile {
        let chosen = path ?? defaultPath
        guard let file = fopen(chosen, "rb") else {
            if path == nil, errno == ENOENT { return ConfigFile() }
            throw ConfigError(description: "\(chosen): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            bytes.append(contentsOf: buffer[0..<n])
            if n < buffer.count { break }
        }
        return try ConfigFile(text: String(decoding: bytes, as: UTF8.self), path: chosen, keys: keys)
    }

    subscript(key: String) -> String? { values[key] }
}

struct ConfigError: Error, CustomStringConvertible {
    let description: String
}

extension StringProtocol {
    var trimmingCharacters: String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" || first == "\r" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
