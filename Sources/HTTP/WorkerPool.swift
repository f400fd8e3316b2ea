#if canImport(Glibc)
import Glibc
#endif

/// Slow work, answered off libmicrohttpd's pool threads on one of the server's worker pools.
public enum SlowWork: Sendable {
    /// Keeps a core busy (a password hash, a PDF): `ServerConfiguration.workers` threads.
    case computes
    /// Mostly waits (a write waiting for its group commit): `ServerConfiguration.waiters` threads.
    case waits
}

/// A fixed number of threads working through a bounded queue: the server's slow work, off
/// libmicrohttpd's pool threads.
///
/// - Important: `drain` joins the threads; call it from a thread that is not one of them.
final class WorkerPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private enum State { case idle, open, closed }

    let threadCount: Int
    /// Jobs waiting at most; a full queue refuses the next one.
    let capacity: Int
    private var mutex = pthread_mutex_t()
    private var arrived = pthread_cond_t()
    /// A ring of `capacity` slots: `waiting` jobs from `first` on.
    private var slots: [Job?]
    private var first = 0
    private var waiting = 0
    private var state = State.idle
    private var threads: [pthread_t] = []

    init(threads: Int, capacity: Int) {
        threadCount = max(1, threads)
        self.capacity = max(1, capacity)
        slots = Array(repeating: nil, count: self.capacity)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&arrived, nil)
    }

    deinit {
        pthread_cond_destroy(&arrived)
        pthread_mutex_destroy(&mutex)
    }

    /// Starts the threads; false when the system refuses one (those already started stay).
    func start() -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard state == .idle else { return state == .open }
        state = .open
        for _ in 0..<threadCount {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(self).toOpaque()
            guard pthread_create(&thread, nil, { context in
                Unmanaged<WorkerPool>.fromOpaque(context!).takeRetainedValue().work()
                return nil
            }, context) == 0 else {
                Unmanaged<WorkerPool>.fromOpaque(context).release()
                return false
            }
            threads.append(thread)
        }
        return true
    }

    /// Queues `job`; `accepted` runs first, under the queue's lock, before any thread can see
    /// the job. False (and `accepted` not run) when the queue is full or the pool is draining.
    func submit(_ job: @escaping Job, accepted: () -> Void) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard state == .open, waiting < capacity else { return false }
        accepted()
        slots[(first + waiting) % capacity] = job
        waiting += 1
        pthread_cond_signal(&arrived)
        return true
    }

    /// Refuses new jobs, runs every job already queued to its end, and joins the threads.
    func drain() {
        pthread_mutex_lock(&mutex)
        state = .closed
        let running = threads
        threads = []
        pthread_cond_broadcast(&arrived)
        pthread_mutex_unlock(&mutex)
        for thread in running { pthread_join(thread, nil) }
    }

    /// One thread's loop: the next job, until the pool is closed and the queue empty.
    private func work() {
        pthread_mutex_lock(&mutex)
        while true {
            while waiting == 0, state == .open { pthread_cond_wait(&arrived, &mutex) }
            guard waiting > 0, let job = slots[first] else { break }
            slots[first] = nil
            first = (first + 1) % capacity
            waiting -= 1
            pthread_mutex_unlock(&mutex)
            job()
            pthread_mutex_lock(&mutex)
        }
        pthread_mutex_unlock(&mutex)
    }
}
