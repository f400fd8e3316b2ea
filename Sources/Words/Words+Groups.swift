/// A class's study groups: splitting a subject, moving students, each group's teacher.
extension Words {
    public func groupsTitle(_ className: String) -> String { pick("Группы \(className)", "Groups of \(className)") }
    public var groupsIntro: String {
        pick("Предмет можно вести по группам — например, английский в двух группах. У каждой группы свой учитель и свой журнал, в нём только её ученики; ученик — в одной группе предмета.",
             "A subject may be taught in groups — English in two groups, say. Each group has its own teacher and its own journal with its students only; a student is in one group of a subject.")
    }
    public var groupsSaved: String { pick("Сохранено.", "Saved.") }
    public var splitSaved: String { pick("Предмет разделён на группы.", "The subject is split into groups.") }
    public var noGroupsYet: String { pick("Групп в классе пока нет.", "The class has no groups yet.") }
    public var groupNameLabel: String { pick("Название", "Name") }
    public var groupTeacherLabel: String { pick("Учитель группы", "The group's teacher") }
    public var noTeacher: String { pick("не назначен", "none yet") }
    public var saveGroup: String { pick("Сохранить", "Save") }
    public func studentsCount(_ n: Int) -> String { pick("учеников: \(n)", "students: \(n)") }
    public func groupTeachers(_ names: String) -> String { pick("учителя: \(names)", "teachers: \(names)") }
    public var groupJournal: String { pick("журнал группы", "the group's journal") }
    public func membersTitle(_ subject: String) -> String { pick("\(subject): кто в какой группе", "\(subject): who is in which group") }
    public var studentColumn: String { pick("Ученик", "Student") }
    public var saveMembers: String { pick("Сохранить состав групп", "Save who is in which group") }
    public var crossClassTitle: String { pick("Межклассные группы с учениками класса", "Cross-class groups with students of the class") }
    public func crossClassLine(_ subject: String, _ teacher: String, _ students: String) -> String {
        pick("\(subject), учитель: \(teacher); ученики класса: \(students)", "\(subject), teacher: \(teacher); students of the class: \(students)")
    }
    public var splitTitle: String { pick("Разделить предмет на группы", "Split a subject into groups") }
    public var splitHint: String {
        pick("Отметьте группу каждого ученика. С выбранной даты уроки предмета в расписании пойдут по группам — в те же дни и на тех же уроках, у каждой группы свой учитель и кабинет; уроки, в которых уже что-то записано, останутся и будут перечислены.",
             "Choose each student's group. From the date chosen the subject's lessons go by groups — the same days and bells, each group with its teacher and room; lessons with anything entered stay and are listed.")
    }
    public var splitWithoutTimetable: String {
        pick("Группы и их журналы появятся сразу; уроки по группам — когда заместитель директора разделит расписание.",
             "The groups and their journals appear at once; the groups' lessons, once the deputy splits the timetable.")
    }
    public var splitFromLabel: String { pick("С какой даты уроки по группам", "Lessons by groups from") }
    public func groupNumber(_ n: Int) -> String { pick("Группа \(n)", "Group \(n)") }
    public func defaultGroupName(_ n: Int) -> String { pick("\(n) группа", "Group \(n)") }
    public var groupRoomLabel: String { pick("Кабинет", "Room") }
    public var groupRoomHint: String {
        pick("Первая группа без кабинета остаётся в кабинете класса.", "The first group with no room given keeps the class's room.")
    }
    public var splitButton: String { pick("Разделить на группы", "Split into groups") }
    public var nothingToSplit: String {
        pick("Все предметы класса уже идут по группам или у класса нет предметов.", "Every subject of the class is already taught in groups, or the class has none.")
    }
    public var chooseSubject: String { pick("Выберите предмет.", "Choose a subject.") }
    public func chooseGroupTeacher(_ n: Int) -> String { pick("Выберите учителя группы \(n).", "Choose the teacher of group \(n).") }
    public var groupFieldsMissing: String { pick("Нужны «subject» и «name».", "«subject» and «name» are needed.") }
    public var noSuchGroup: String { pick("Такой группы нет.", "There is no such group.") }
    public var classTimetableLink: String { pick("Расписание класса", "The class's timetable") }
    public func classGroupsLink(_ className: String) -> String { pick("Группы \(className)", "Groups of \(className)") }
}
