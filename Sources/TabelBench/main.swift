import Appliance
import Domain
import HTTP
import Logging
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// In-process page cost: calls the application's `Request -> Response` function directly,
/// with no sockets, signed in as LOGIN (password `demo-tabel`), and prints microseconds per
/// request for each path; `@OTHER` among the paths signs in as OTHER for the paths after it.
/// Usage: TabelBench DB YYYY-MM-DDTHH:MM LOGIN PATH|@LOGIN…
let arguments = CommandLine.arguments
guard arguments.count >= 5, let now = SchoolDateTime(iso: arguments[2]) else {
    print("usage: TabelBench DB YYYY-MM-DDTHH:MM LOGIN PATH|@LOGIN…")
    exit(2)
}
var logger = Logger(label: "bench")
logger.logLevel = .warning
let app = App(database: try Database.open(path: arguments[1], create: false), clock: .starting(at: now), logger: logger)

/// The session cookie of `login`.
func signIn(_ login: String) -> String {
    let reply = app.respond(to: Request(method: .post, path: "/api/v1/session", headers: Headers([("Content-Type", "application/json")]),
                                        body: Array("{\"login\":\"\(login)\",\"password\":\"demo-tabel\"}".utf8)))
    guard let cookie = reply.headers["set-cookie"]?.split(separator: ";").first else {
        print("sign-in as \(login) failed: \(reply.status)")
        exit(1)
    }
    return String(cookie)
}
var cookie = signIn(arguments[3])

func microseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}

for path in arguments[4...] {
    if path.hasPrefix("@") {
        cookie = signIn(String(path.dropFirst()))
        continue
    }
    let request = try Request(method: .get, target: path, headers: Headers([("Cookie", String(cookie))]))
    let first = app.respond(to: request)
    guard first.status < 400 else {
        print("\(path): status \(first.status)")
        exit(1)
    }
    var bytes = first.body.count
    for _ in 0..<200 { bytes = app.respond(to: request).body.count }
    var best = Double.infinity
    for _ in 0..<5 {
        let start = microseconds()
        let n = 2000
        for _ in 0..<n { bytes = app.respond(to: request).body.count }
        best = min(best, (microseconds() - start) / Double(n))
    }
    print("\(path)\t\((best * 10).rounded() / 10)\t\(bytes)")
}
