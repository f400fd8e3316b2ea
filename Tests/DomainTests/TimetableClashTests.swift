import Domain
import Testing

/// The timetable's clash rules: one class (or a student of a group), one teacher, one room per bell.
@Suite struct TimetableClashTests {
    static func use(_ classID: Int, group: Int? = nil, members: Set<Int> = [], teacher: Int, room: Int? = nil) -> SlotUse {
        SlotUse(classID: classID, className: "\(classID)А", groupID: group, groupName: group.map { "группа \($0)" }, members: members,
                subjectName: "Предмет", teacherID: teacher, teacherName: "Учитель \(teacher)", roomID: room, roomName: room.map(String.init))
    }

    @Test func aClassHasOneLessonPerBell() {
        let math = Self.use(5, teacher: 1, room: 21)
        #expect(TimetableClash.find(Self.use(5, teacher: 2, room: 22), among: [math]) == .schoolClass(math))
        // A group of the class clashes with a whole-class lesson too.
        #expect(TimetableClash.find(Self.use(5, group: 7, members: [1, 2], teacher: 2, room: 22), among: [math]) == .schoolClass(math))
        #expect(TimetableClash.find(Self.use(6, teacher: 2, room: 22), among: [math]) == nil)
    }

    @Test func groupsOfAClassShareABellWhenNoStudentIsInBoth() {
        let one = Self.use(5, group: 7, members: [1, 2, 3], teacher: 1, room: 31)
        #expect(TimetableClash.find(Self.use(5, group: 8, members: [4, 5, 6], teacher: 2, room: 32), among: [one]) == nil)
        // English group 1 and informatics group 1 with a student in both: a clash.
        #expect(TimetableClash.find(Self.use(5, group: 9, members: [3, 4], teacher: 2, room: 32), among: [one]) == .schoolClass(one))
        // The same group twice at one bell.
        #expect(TimetableClash.find(Self.use(5, group: 7, members: [1, 2, 3], teacher: 2, room: 32), among: [one]) == .schoolClass(one))
    }

    @Test func aTeacherAndARoomAreInOnePlace() {
        let a = Self.use(5, teacher: 1, room: 21)
        #expect(TimetableClash.find(Self.use(6, teacher: 1, room: 22), among: [a]) == .teacher(a))
        #expect(TimetableClash.find(Self.use(6, teacher: 2, room: 21), among: [a]) == .room(a))
        #expect(TimetableClash.find(Self.use(6, teacher: 2), among: [a]) == nil)
        // Two groups of one class with one teacher: still a clash.
        let g = Self.use(5, group: 7, members: [1], teacher: 1, room: 31)
        #expect(TimetableClash.find(Self.use(5, group: 8, members: [2], teacher: 1, room: 32), among: [g]) == .teacher(g))
    }

    @Test func theClassesOfOneCrossClassGroupShareTheirTeacherAndRoom() {
        let inA = Self.use(10, group: 40, members: [1, 2], teacher: 1, room: 5)
        #expect(TimetableClash.find(Self.use(11, group: 40, members: [1, 2], teacher: 1, room: 5), among: [inA]) == nil)
        // …but not with another lesson of those classes.
        let other = Self.use(11, teacher: 3, room: 6)
        #expect(TimetableClash.find(Self.use(11, group: 40, members: [1, 2], teacher: 1, room: 5), among: [inA, other]) == .schoolClass(other))
    }

    @Test func theMessageNamesWhatClashes() {
        let a = Self.use(5, teacher: 1, room: 21)
        let new = Self.use(6, teacher: 1, room: 21)
        #expect(TimetableClash.teacher(a).message(for: new, when: "Пн, 1-й урок") == "Учитель 1 в это время ведёт урок: 5А, Предмет — Пн, 1-й урок.")
        #expect(TimetableClash.room(a).message(for: new, when: "Пн, 1-й урок") == "Каб. 21 в это время занят: 5А, Предмет — Пн, 1-й урок.")
        #expect(TimetableClash.schoolClass(a).field == "bell")
        #expect(RoomName.label("21") == "каб. 21" && RoomName.label("Спортзал") == "Спортзал" && RoomName.note("Актовый зал") == "Кабинет: Актовый зал")
    }
}
