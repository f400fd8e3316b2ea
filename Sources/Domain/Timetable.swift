/// A lesson held at one bell — an entry of the weekly timetable, or a lesson of a date — as the
/// clash rules read it: which class (or group of it), who teaches, in which room.
public struct SlotUse: Sendable, Equatable {
    public let classID: Int
    public let className: String
    public let groupID: Int?
    public let groupName: String?
    /// The group's students (empty for the whole class).
    public let members: Set<Int>
    public let subjectName: String
    public let teacherID: Int
    /// «Кузнецова О. Н.»
    public let teacherName: String
    public let roomID: Int?
    public let roomName: String?

    public init(classID: Int, className: String, groupID: Int?, groupName: String?, members: Set<Int>, subjectName: String,
                teacherID: Int, teacherName: String, roomID: Int?, roomName: String?) {
        self.classID = classID
        self.className = className
        self.groupID = groupID
        self.groupName = groupName
        self.members = members
        self.subjectName = subjectName
        self.teacherID = teacherID
        self.teacherName = teacherName
        self.roomID = roomID
        self.roomName = roomName
    }

    /// «5А» or «5А · 1 группа».
    public var classLabel: String { className + (groupName.map { " · \($0)" } ?? "") }
}

/// Someone or something that would be in two places at one bell.
public enum TimetableClash: Sendable, Equatable {
    /// The class (or a student of the group) already has a lesson then.
    case schoolClass(SlotUse)
    /// The teacher already teaches then.
    case teacher(SlotUse)
    /// The room is taken then.
    case room(SlotUse)

    /// The first clash of `new` with the lessons already at its bell: the class's first, then
    /// the teacher's, then the room's.
    ///
    /// Two groups of one class do not clash when no student is in both (English in two groups
    /// at the same bell); the parts of one cross-class group in different classes share their
    /// teacher and room and clash with nothing of each other.
    public static func find(_ new: SlotUse, among others: [SlotUse]) -> TimetableClash? {
        let others = others.filter { !(new.groupID != nil && $0.groupID == new.groupID && $0.classID != new.classID) }
        if let o = others.first(where: { $0.classID == new.classID
            && ($0.groupID == nil || new.groupID == nil || $0.groupID == new.groupID || !$0.members.isDisjoint(with: new.members)) }) {
            return .schoolClass(o)
        }
        if let o = others.first(where: { $0.teacherID == new.teacherID }) { return .teacher(o) }
        if let room = new.roomID, let o = others.first(where: { $0.roomID == room }) { return .room(o) }
        return nil
    }

    /// What a person reads; `when` is «Пн, 3-й урок» or «30.11, 3-й урок».
    public func message(for new: SlotUse, when: String) -> String {
        switch self {
        case let .schoolClass(o):
            "У \(new.classLabel) в это время уже есть урок: \(o.subjectName)\(o.groupName.map { " (\($0))" } ?? ""), \(o.teacherName) — \(when)."
        case let .teacher(o):
            "\(new.teacherName) в это время ведёт урок: \(o.classLabel), \(o.subjectName) — \(when)."
        case let .room(o):
            "\(RoomName.label(new.roomName ?? "").capitalizedFirst) в это время занят: \(o.classLabel), \(o.subjectName) — \(when)."
        }
    }

    /// The form field to look at.
    public var field: String {
        switch self {
        case .schoolClass: "bell"
        case .teacher: "teacher"
        case .room: "room"
        }
    }
}

/// How a room is named in a line of text.
public enum RoomName {
    /// «каб. 21» for a number; a name as it is («Спортзал 1», «Каб. 106», «Актовый зал»).
    public static func label(_ name: String) -> String { name.first?.isNumber == true ? "каб. \(name)" : name }

    /// The note of a lesson moved to another room: «Кабинет 32», «Кабинет: Актовый зал».
    public static func note(_ name: String) -> String { name.first?.isNumber == true ? "Кабинет \(name)" : "Кабинет: \(name)" }
}
