internal import CMicroHTTPD
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Deadlines for a request's head and body, independent of the idle timeout: libmicrohttpd's
/// timeout only bounds silence, so a client trickling a header line every few seconds would
/// hold its slot forever. Each connection has at most one deadline at a time — its head from
/// the moment it connects (on a kept-alive connection, from its next request line, or the
/// idle time and a head's time after its last answer), then its body once the head is in;
/// none while it is answered. A
/// watchdog shuts the socket of a connection past its deadline (libmicrohttpd then closes
/// it as a client gone); the descriptor stays libmicrohttpd's, and it is touched only under
/// the lock the close notice takes, so it is never one reused by another connection.
final class Deadlines: Sendable {
    struct Entry {
        var fd: Int32
        var deadline: UInt64?
        var body = false
    }

    private let entries = Mutex<[UInt: Entry]>([:])
    private let head: UInt64
    private let bodyTime: UInt64
    private let running = Atomic<Bool>(false)
    private let queue = DispatchQueue(label: "tabel.deadlines")
    /// Told of each connection cut: whether it was in its body, and the address.
    let onCut: @Sendable (_ body: Bool) -> Void

    private let idle: UInt64

    init(headSeconds: Int, bodySeconds: Int, idleSeconds: Int, onCut: @escaping @Sendable (_ body: Bool) -> Void) {
        head = UInt64(max(1, headSeconds)) * 1_000_000
        idle = UInt64(max(1, idleSeconds)) * 1_000_000
        bodyTime = UInt64(max(1, bodySeconds)) * 1_000_000
        self.onCut = onCut
    }

    func started(_ connection: OpaquePointer) {
        let fd = tabel_mhd_connection_fd(connection)
        let deadline = monotonicMicroseconds() + head
        entries.withLock { $0[key(connection)] = Entry(fd: fd, deadline: deadline) }
    }

    func closed(_ connection: OpaquePointer) { _ = entries.withLock { $0.removeValue(forKey: key(connection)) } }

    /// A request line arrived on a kept-alive connection: its head has a head's time from now
    /// (the first request's clock started at the connection).
    func requestLine(_ connection: OpaquePointer) {
        let now = monotonicMicroseconds()
        entries.withLock { e in
            if let d = e[key(connection)]?.deadline, d > now + head { e[key(connection)]?.deadline = now + head }
        }
    }

    /// The head is in: the body's clock starts when one is coming, else no deadline.
    func headComplete(_ connection: OpaquePointer, expectsBody: Bool) {
        let deadline = expectsBody ? monotonicMicroseconds() + bodyTime : nil
        entries.withLock { e in
            e[key(connection)]?.deadline = deadline
            e[key(connection)]?.body = expectsBody
        }
    }

    /// The request is in: no deadline while it is answered.
    func clear(_ connection: OpaquePointer) {
        entries.withLock { $0[key(connection)]?.deadline = nil }
    }

    /// Answered, the connection kept alive: silence is the idle timeout's; a next request line
    /// trickled byte by byte is cut once the idle time and a head's time have passed.
    func answered(_ connection: OpaquePointer) {
        let deadline = monotonicMicroseconds() + idle + head
        entries.withLock { e in
            e[key(connection)]?.deadline = deadline
            e[key(connection)]?.body = false
        }
    }

    func start() {
        guard !running.exchange(true, ordering: .acquiringAndReleasing) else { return }
        tick()
    }

    func stop() { running.store(false, ordering: .releasing) }

    private func tick() {
        guard running.load(ordering: .acquiring) else { return }
        let now = monotonicMicroseconds()
        let cut = entries.withLock { e -> [Bool] in
            var cut: [Bool] = []
            for (k, entry) in e {
                guard let deadline = entry.deadline, deadline < now, entry.fd >= 0 else { continue }
                shutdown(entry.fd, Int32(SHUT_RDWR))
                e[k]?.deadline = nil
                cut.append(entry.body)
            }
            return cut
        }
        cut.forEach(onCut)
        queue.asyncAfter(deadline: .now() + .milliseconds(250)) { [self] in tick() }
    }

    private func key(_ connection: OpaquePointer) -> UInt { UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection))) }
}
