#if canImport(Glibc)
import Glibc
#endif

/// Whole-file writes for exports and login lists.
public enum TextFile {
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
