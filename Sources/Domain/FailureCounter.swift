#if canImport(Glibc)
import Glibc
#endif

/// Failures in a row by key, kept in memory: for logins that do not exist (so throttling
/// answers the same whether or not a login exists) and for kiosk screens.
public final class FailureCounter: @unchecked Sendable {
    private var counts: [String: (failures: Int, last: Int)] = [:]
    private var mutex = pthread_mutex_t()

    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    public func retryAfter(_ key: String, now: Int) -> Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard let entry = counts[key] else { return 0 }
        return SignInThrottle.retryAfter(failures: entry.failures, lastFailureAt: entry.last, now: now)
    }

    public func fail(_ key: String, now: Int) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if counts.count > 10_000 { counts.removeAll() }
        counts[key] = ((counts[key]?.failures ?? 0) + 1, now)
    }

    public func succeed(_ key: String) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        counts[key] = nil
    }
}
