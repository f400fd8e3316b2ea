#if canImport(Glibc)
import Glibc
#endif

/// Where the database lives when `--db` is not given.
public enum DatabaseLocation {
    /// `$STATE_DIRECTORY/tabel.sqlite` under systemd, else `./var/tabel.sqlite`.
    public static var defaultPath: String {
        if let dir = getenv("STATE_DIRECTORY").map({ String(cString: $0) }), !dir.isEmpty {
            // systemd may pass several directories separated by colons; the first is ours.
            return String(dir.split(separator: ":").first ?? "") + "/tabel.sqlite"
        }
        return "var/tabel.sqlite"
    }

    /// Creates the directory that will hold `path`, when missing.
    public static func prepareDirectory(for path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let dir = String(path[..<slash])
        guard !dir.isEmpty else { return }
        var current = dir.hasPrefix("/") ? "" : "."
        for part in dir.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o750)
        }
    }

    /// True when a file exists at `path`.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
