import Sync

/// Recently drawn parts of pages, kept under a key that carries the versions of the data
/// they show (`journal_version`): when the data changes, the versions move, the key is new,
/// and the part is drawn afresh. At most `capacity` parts are kept; the oldest goes first.
public final class PageCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Store {
        var values: [Key: Value] = [:]
        var order: [Key] = []
    }

    public let capacity: Int
    private let store = Locked(Store())

    public init(capacity: Int) { self.capacity = capacity }

    /// The kept value for `key`, or the one `draw` makes (then kept).
    public func value(_ key: Key, draw: () throws -> Value) throws -> Value {
        if let hit = store.withLock({ $0.values[key] }) { return hit }
        let value = try draw()
        store.withLock { s in
            guard s.values[key] == nil else { return }
            if s.order.count >= capacity { s.values[s.order.removeFirst()] = nil }
            s.values[key] = value
            s.order.append(key)
        }
        return value
    }
}
