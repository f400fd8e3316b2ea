import Domain
import Storage
import WebUI
import Words

/// Recently drawn journal grids (`PageCache`): the part of the grid that is the same for
/// everyone who sees it alike, under the versions of the class's and the school's data.
enum GridCache {
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
        /// The rows' words (forecasts, labels, the formula's decimals) are the visitor's.
        let language: Language
    }

    struct Grid: Sendable {
        let className: String
        let subjectName: String
        let lessons: [LessonSummary]
        let rows: HTMLBytes
        /// The work types to choose for new marks (the school's version is in the key).
        let workTypeOptions: HTML
    }

    /// About 50 KB a grid.
    static func make() -> PageCache<Key, Grid> { PageCache(capacity: 64) }
}
