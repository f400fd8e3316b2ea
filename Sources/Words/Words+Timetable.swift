import Domain

/// The timetable's pages: weeks of classes and teachers, entries changed from a date, extra
/// lessons, a room for one lesson.
extension Words {
    public var timetableTitle: String { pick("Расписание уроков", "Timetable") }
    public func timetableOfClass(_ name: String) -> String { pick("Расписание \(name)", "Timetable of \(name)") }
    public func timetableOfTeacher(_ name: String) -> String { pick("Расписание: \(name)", "Timetable: \(name)") }
    public var myTimetable: String { pick("Моё расписание", "My timetable") }
    public var timetableIntro: String {
        pick("Неделя класса или учителя по расписанию, действующему в эти дни.", "A class's or a teacher's week, as the timetable stands on those days.")
    }
    public func weekRange(_ from: CivilDate, _ to: CivilDate) -> String {
        pick("Неделя \(from.shortRussian) – \(to.russian)", "Week of \(from.shortRussian) – \(to.russian)")
    }
    public var thisWeek: String { pick("Эта неделя", "This week") }
    public var asOfDate: String { pick("Расписание на дату", "Timetable as of") }
    public var teachersHeading: String { pick("Учителя", "Teachers") }
    public var lessonColumn: String { pick("Урок", "Lesson") }
    public func weekdayShort(_ weekday: Int) -> String {
        language == .russian ? RussianCalendar.weekdaysShort[weekday - 1] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday - 1]
    }
    public func weekdayName(_ weekday: Int) -> String {
        language == .russian ? RussianCalendar.weekdays[weekday - 1].capitalizedFirst
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday - 1]
    }
    /// «каб. 21» («room 21») for a number; a name as it is («Спортзал 1»).
    public func roomShort(_ name: String) -> String { name.first?.isNumber == true ? pick("каб. \(name)", "room \(name)") : name }
    public var noLessonsThisWeek: String { pick("На этой неделе уроков по расписанию нет.", "No lessons in the timetable this week.") }
    public func addLessonAt(_ weekday: Int, _ bell: Int) -> String {
        pick("Добавить урок: \(weekdayShort(weekday)), \(lessonNumber(bell))", "Add a lesson: \(weekdayShort(weekday)), \(lessonNumber(bell))")
    }
    public func editEntry(_ label: String) -> String { pick("Изменить: \(label)", "Change: \(label)") }

    // Forms
    public var addEntryTitle: String { pick("Добавить урок в расписание", "Add a lesson to the timetable") }
    public var extraLessonTitle: String { pick("Дополнительный урок на дату", "An extra lesson on a date") }
    public var extraLessonHint: String {
        pick("Один урок вне недельного расписания: его увидят в дневниках и на киоске как дополнительный.",
             "One lesson outside the weekly timetable: diaries and the kiosk show it as an extra lesson.")
    }
    public var weekdayLabel: String { pick("День недели", "Weekday") }
    public var bellLabel: String { pick("Номер урока", "Lesson number") }
    public var subjectLabel: String { pick("Предмет", "Subject") }
    /// The subjects a class has no teaching assignment of, grouped after its own.
    public var otherSubjects: String { pick("Другие предметы", "Other subjects") }
    public var roomLabel: String { pick("Кабинет", "Room") }
    public var groupLabel: String { pick("Группа", "Group") }
    public var wholeClass: String { pick("весь класс", "whole class") }
    public var fromDateLabel: String { pick("С какой даты", "From") }
    public var reasonOptionalLabel: String { pick("Причина (необязательно)", "Reason (optional)") }
    public var reasonPlaceholder: String { pick("приказ № … от …", "order no. …") }
    public var addButton: String { pick("Добавить", "Add") }
    public var addExtraButton: String { pick("Добавить урок", "Add the lesson") }

    // An entry
    public func entryTitle(_ className: String, _ weekday: Int, _ bell: Int) -> String {
        "\(className) · \(weekdayName(weekday)), \(lessonNumber(bell))"
    }
    public func validRange(_ from: CivilDate, _ to: CivilDate) -> String {
        pick("Действует с \(from.russian) по \(to.russian)", "In force from \(from.russian) to \(to.russian)")
    }
    public var changeFromDate: String { pick("Изменить с даты", "Change from a date") }
    public var replanHint: String {
        pick("С этой даты уроки в журнале перестроятся по новому расписанию. Уроки, в которых уже что-то записано (тема, задание, отметки, пропуски, замечания, изменения расписания), останутся как есть и будут перечислены.",
             "From that date the journal's lessons follow the new timetable. Lessons with anything entered (topic, homework, marks, absences, remarks, timetable changes) stay as they are and are listed.")
    }
    public var saveChange: String { pick("Сохранить изменение", "Save the change") }
    public var removeFromDate: String { pick("Убрать из расписания с даты", "Remove from the timetable from a date") }
    public var removeButton: String { pick("Убрать", "Remove") }
    public var backToWeek: String { pick("К неделе класса", "Back to the class's week") }

    // After a change
    public func replanned(updated: Int, created: Int, removed: Int) -> String {
        pick("Расписание сохранено. Уроки в журнале: изменено \(updated), создано \(created), удалено \(removed).",
             "The timetable is saved. Journal lessons: \(updated) changed, \(created) created, \(removed) removed.")
    }
    public func keptTitle(_ n: Int) -> String {
        pick("Оставлены уроки с записями: \(n)", "Lessons kept because something is entered in them: \(n)")
    }
    public var keptHint: String {
        pick("Они расходятся с новым расписанием. Откройте урок, чтобы отменить, перенести или заменить его.",
             "They no longer match the timetable. Open a lesson to cancel, move or replace it.")
    }
    public var openLesson: String { pick("открыть урок", "open the lesson") }
    public var extraLessonSaved: String { pick("Дополнительный урок добавлен.", "The extra lesson is added.") }

    // A room for one lesson
    public var roomForLessonTitle: String { pick("Кабинет на один урок", "A room for one lesson") }
    public var roomForLessonHint: String {
        pick("Только для этого урока. Чтобы сменить кабинет на все уроки с какой-то даты, измените запись в расписании.",
             "For this lesson only. To change the room of every lesson from a date, change the timetable's entry.")
    }
    public var currentRoom: String { pick("Сейчас", "Now") }
    public var noRoom: String { pick("не указан", "none") }
    public var newRoomLabel: String { pick("Новый кабинет", "New room") }
    public var changeRoomButton: String { pick("Сменить кабинет", "Change the room") }
    public var isoDateExpected: String { pick("Дата в виде ГГГГ-ММ-ДД.", "A date as YYYY-MM-DD.") }
    public var giveDate: String { pick("Укажите дату.", "Give a date.") }
    public var entryFieldsMissing: String { pick("Заполните предмет, учителя, день и номер урока.", "Give the subject, the teacher, the day and the lesson number.") }
    public var roomForLessonLink: String { pick("Другой кабинет на этот урок", "Another room for this lesson") }
    public var timetableEntryLink: String { pick("Запись в расписании", "The timetable's entry") }
    public var changesLink: String { pick("Изменения расписания по дням", "Timetable changes by day") }
    public var groupsOfClassLink: String { pick("Группы класса", "The class's groups") }
    public var wholeTimetableLink: String { pick("Всё расписание", "The whole timetable") }

    public var timetableHomeHintManager: String { pick("Неделя класса или учителя; изменения с даты, дополнительные уроки", "A class's or a teacher's week; changes from a date, extra lessons") }
    public var timetableHomeHint: String { pick("Уроки недели по расписанию", "The week's lessons by the timetable") }
}
