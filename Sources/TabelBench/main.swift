import Appliance
import Domain
import HTTP
import Logging
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// In-process page cost: calls the application's `Request -> Response` function directly,
/// with no sockets, and prints microseconds per request for each path.
/// Usage: tabel-bench DB NOW PATH…
let arguments = CommandLine.arguments
guard arguments.count >= 4, let now = SchoolDateTime(iso: arguments[2]) else {
    print("usage: tabel-bench DB YYYY-MM-DDTHH:MM PATH…")
    exit(2)
}
var logger = Logger(label: "bench")
logger.logLevel = .warning
let app = App(database: try Database.open(path: arguments[1], create: false), clock: .starting(at: now), logger: logger)

func microseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}

for path in arguments[3...] {
    let request = try Request(method: .get, target: path)
    var bytes = 0
    for _ in 0..<200 { bytes = app.respond(to: request).body.count }
    var best = Double.infinity
    for _ in 0..<5 {
        let start = microseconds()
        let n = 2000
        for _ in 0..<n { precondition(app.respond(to: request).status == 200) }
        best = min(best, (microseconds() - start) / Double(n))
    }
    print("\(path)\t\((best * 10).rounded() / 10)\t\(bytes)")
}
