#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads of imports, writes of exports and login lists.
public enum TextFile {
    /// Reads a whole file of at most `limit` bytes; a larger one is refused by its size, unread,
    /// saying `tooLarge`.
    public static func read(_ path: String, limit: Int, tooLarge: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SetupError("не удалось открыть \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0, Int(status.st_size) > limit { throw SetupError("\(path): \(tooLarge)") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = Glibc.read(fd, &chunk, chunk.count)
            guard n >= 0 else { throw SetupError("не удалось прочитать \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes += chunk[..<n]
            guard bytes.count <= limit else { throw SetupError("\(path): \(tooLarge)") }
        }
        return bytes
    }

    /// Writes `text` to `path` (mode 0600: these files hold passwords and personal data) and fsyncs it.
    public static func write(_ text: String, to path: String) throws {
        try write(bytes: Array(text.utf8), to: path)
    }

    public static func write(bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SetupError("не удалось открыть \(path) для записи: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw SetupError("не удалось записать \(path): \(String(cString: strerror(errno)))") }
            offset += n
        }
        guard fsync(fd) == 0 else { throw SetupError("не удалось записать \(path) на диск: \(String(cString: strerror(errno)))") }
    }
}
