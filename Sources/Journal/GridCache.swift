import Domain
import Storage
import WebUI

/// Recently drawn journal grids, kept under the versions of the data they show
/// (`journal_version`): a change to a class's marks, absences, lessons or period marks, or
/// to the school's lists, moves a version, and the next visit draws the grid afresh.
/// At most `capacity` grids (about 50 KB each) are kept; the oldest goes first.
final class GridCache: Sendable {
    struct Key: Hashable, Sendable {
        let classID: Int
        let subjectID: Int
        let groupID: Int?
        let from: CivilDate
        let to: CivilDate
        let editable: Bool
        let periodMarksOpen: Bool
        let classVersion: Int
        let schoolVersion: Int
    }

    struct Grid: Sendable {
        let className: String
        let subjectName: String
        let lessons: [LessonSummary]
        let rows: HTMLBytes
    }

    private struct Store {
        var grids: [Key: Grid] = [:]
        var order: [Key] = []
    }

    let capacity: Int
    private let store = Locked(Store())

    init(capacity: Int) { self.capacity = capacity }

    /// The cached grid for `key`, or the one `draw` makes (then kept).
    func grid(_ key: Key, draw: () throws -> Grid) throws -> Grid {
        if let hit = store.withLock({ $0.grids[key] }) { return hit }
        let grid = try draw()
        store.withLock { s in
            guard s.grids[key] == nil else { return }
            if s.order.count >= capacity { s.grids[s.order.removeFirst()] = nil }
            s.grids[key] = grid
            s.order.append(key)
        }
        return grid
    }
}
