#if canImport(Glibc)
import Glibc
#endif

/// Files written so that a crash or a pulled medium leaves either the old state or the whole new
/// file: written under a temporary name, fsynced, renamed, the directory fsynced.
public enum DurableFile {
    /// An I/O error naming the call and the path; `errno` kept for the caller to tell a full or
    /// read-only medium from others.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let call: String
        public let path: String
        public let code: Int32

        public init(_ call: String, _ path: String, code: Int32 = errno) {
            self.call = call
            self.path = path
            self.code = code
        }

        /// The same failure, naming `path` when it named none.
        public func at(_ path: String) -> Failure { self.path.isEmpty ? Failure(call, path, code: code) : self }

        /// True for a full medium.
        public var isFull: Bool { code == ENOSPC || code == EDQUOT }

        public var description: String {
            let reason: String = switch code {
            case ENOSPC: "нет места на носителе"
            case EROFS: "носитель только для чтения"
            case EACCES, EPERM: "нет прав на запись"
            case ENOENT: "нет такого файла или каталога"
            case ENOTDIR: "путь не является каталогом"
            case EIO: "ошибка ввода-вывода"
            default: String(cString: strerror(code))
            }
            return "\(path): \(reason) (\(call))"
        }
    }

    /// Creates `path` (failing if it exists) for writing, mode 0600.
    public static func create(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure("open", path) }
        return fd
    }

    /// Opens `path` for reading.
    public static func openForReading(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure("open", path) }
        return fd
    }

    public static func sync(_ fd: Int32, _ path: String) throws {
        guard fsync(fd) == 0 else { throw Failure("fsync", path) }
    }

    /// Closes `fd`; a failed close (a delayed write error on some file systems) throws.
    public static func close(_ fd: Int32, _ path: String) throws {
        guard Glibc.close(fd) == 0 else { throw Failure("close", path) }
    }

    /// Fsyncs the directory `dir`, so a rename or a new file in it survives a power cut. File
    /// systems that cannot fsync a directory (EINVAL) are let be.
    public static func syncDirectory(_ dir: String) throws {
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure("open", dir) }
        defer { Glibc.close(fd) }
        if fsync(fd) != 0, errno != EINVAL { throw Failure("fsync", dir) }
    }

    /// Renames `from` to `to` (replacing it) and fsyncs the directory of `to`.
    public static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw Failure("rename", to) }
        try syncDirectory(directory(of: to))
    }

    /// Drops `fd`'s cached pages, so what is read next comes from the medium, not from memory.
    public static func dropCache(_ fd: Int32) {
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
    }

    /// The directory part of `path` ("." when there is none).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// The last component of `path`.
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Size in bytes, or nil when there is no such file.
    public static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    public static func remove(_ path: String) { unlink(path) }

    /// Compresses the file at `source` into `target`: under a temporary name beside it, fsynced,
    /// renamed. `chunk` sees the compressed bytes. Returns the sizes before and after.
    @discardableResult
    public static func compress(_ source: String, into target: String,
                                chunk: (UnsafeRawBufferPointer) -> Void = { _ in }) throws -> (read: Int, written: Int) {
        let input = try openForReading(source)
        defer { Glibc.close(input) }
        let temporary = temporaryName(for: target)
        let output = try create(temporary)
        do {
            let sizes = try Zstd.compress(from: input, to: output, chunk: chunk)
            try sync(output, temporary)
            try close(output, temporary)
            try rename(temporary, to: target)
            return sizes
        } catch {
            _ = Glibc.close(output)
            unlink(temporary)
            throw (error as? Failure)?.at(temporary) ?? error
        }
    }

    /// `DIR/.NAME.tmp-PID`: a temporary name beside `path`, hidden from listings.
    public static func temporaryName(for path: String) -> String {
        let dir = directory(of: path)
        return (dir == "." && !path.hasPrefix("./") ? "" : dir + "/") + "." + name(of: path) + ".tmp-\(getpid())"
    }

    /// The whole of a small file (a key, a manifest).
    public static func readAll(_ path: String) throws -> [UInt8] {
        let fd = try openForReading(path)
        defer { Glibc.close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = try Zstd.readSome(fd, into: &buffer)
            if n == 0 { return out }
            out += buffer[..<n]
        }
    }

    /// Writes `bytes` to `path` durably: a temporary name beside it (mode 0600), fsync, rename,
    /// the directory fsynced.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = temporaryName(for: path)
        unlink(temporary)
        let fd = try create(temporary)
        do {
            try bytes.withUnsafeBytes { try Zstd.writeAll(fd, $0) }
            try sync(fd, temporary)
            try close(fd, temporary)
            try rename(temporary, to: path)
        } catch {
            _ = Glibc.close(fd)
            unlink(temporary)
            throw (error as? Failure)?.at(path) ?? error
        }
    }

    /// Copies `source` to `target` durably (temporary name, fsync, rename).
    public static func copy(_ source: String, to target: String) throws {
        let input = try openForReading(source)
        defer { Glibc.close(input) }
        let temporary = temporaryName(for: target)
        unlink(temporary)
        let output = try create(temporary)
        do {
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = try Zstd.readSome(input, into: &buffer)
                if n == 0 { break }
                try buffer.withUnsafeBytes { try Zstd.writeAll(output, UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            }
            try sync(output, temporary)
            try close(output, temporary)
            try rename(temporary, to: target)
        } catch {
            _ = Glibc.close(output)
            unlink(temporary)
            throw (error as? Failure)?.at(target) ?? error
        }
    }

    /// Reads `path` from the medium (its cached pages dropped first, so the bytes come from the
    /// device, not from memory) in chunks and hands them to `chunk`. Returns the bytes read.
    @discardableResult
    public static func readFromMedium(_ path: String, chunk: (UnsafeRawBufferPointer) -> Void) throws -> Int {
        let fd = try openForReading(path)
        defer { Glibc.close(fd) }
        dropCache(fd)
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n: Int
            do { n = try Zstd.readSome(fd, into: &buffer) } catch let error as Failure { throw error.at(path) }
            if n == 0 { return total }
            total += n
            buffer.withUnsafeBytes { chunk(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    /// Names in directory `dir` (without "." and ".."); nil when it cannot be read.
    public static func list(_ dir: String) -> [String]? {
        guard let d = opendir(dir) else { return nil }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
