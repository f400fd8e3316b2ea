import Domain

/// The teachers' journal: the teacher's day, timetable changes, the lesson page, the grid, the
/// deputy's openings, the change log, the settings and the scheme of work (КТП).
extension Words {
    // Shared by the journal's pages
    public var saved: String { pick("Сохранено.", "Saved.") }
    public var show: String { pick("Показать", "Show") }
    public var teacherLabel: String { pick("Учитель", "Teacher") }
    public var dateLabel: String { pick("Дата", "Date") }
    public var reasonLabel: String { pick("Причина", "Reason") }
    public var whatLabel: String { pick("Что", "What") }
    public var classHeading: String { pick("Класс", "Class") }
    public var subjectHeading: String { pick("Предмет", "Subject") }
    public var studentHeading: String { pick("Обучающийся", "Student") }
    public var previousDay: String { pick("← Предыдущий день", "← Previous day") }
    public var nextDay: String { pick("Следующий день →", "Next day →") }
    public var today: String { pick("Сегодня", "Today") }
    public var journalLink: String { pick("Журнал", "Journal") }
    public var planLink: String { pick("КТП", "Scheme of work") }
    public var journalScopeNeeded: String { pick("Укажите class и subject.", "Give class and subject.") }
    public var bothFromAndTo: String { pick("Укажите и from, и to.", "Give both from and to.") }
    /// «вес 2», "weight 2".
    public func weightOf(_ weight: Double) -> String { "\(pick("вес", "weight")) \(self.weight(weight))" }
    /// The absence codes as a person types them: «Н, Б, У или О», "Н, Б, У or О".
    public var absenceCodes: String {
        let codes = AbsenceCode.allCases.map(\.rawValue)
        return "\(codes.dropLast().joined(separator: ", ")) \(pick("или", "or")) \(codes.last ?? "")"
    }
    public var absenceCodeExpected: String { "\(absenceCodes)." }
    public var attendanceCodeExpected: String { pick("Отметка посещаемости — \(absenceCodes).", "An attendance mark is \(absenceCodes).") }
    public func unknownWorkType(_ text: String, known: String) -> String {
        pick("Неизвестный вид работы «\(text)». Есть: \(known).", "Unknown type of work “\(text)”. There are: \(known).")
    }

    // The teacher's day
    public var chooseTeacher: String { pick("— выберите учителя —", "— choose a teacher —") }
    public var tagCancelled: String { pick("отменён", "cancelled") }
    public var tagNoTopic: String { pick("тема не записана", "no topic yet") }
    public var tagTopic: String { pick("тема ✓", "topic ✓") }
    public var tagNoHomework: String { pick("задание не записано", "no homework yet") }
    public var tagHomework: String { pick("задание ✓", "homework ✓") }
    public func tagEntries(marks: Int, absences: Int) -> String { pick("отметок \(marks), пропусков \(absences)", "marks \(marks), absences \(absences)") }
    /// Before a room that is a number: «каб. 12», "room 12".
    public var roomPrefix: String { pick("каб. ", "room ") }
    public var teachersLessons: String { pick("Уроки учителя", "Teacher's lessons") }
    public func lessonsOn(_ date: CivilDate) -> String { pick("Уроки \(date.russian)", "Lessons on \(self.date(date))") }
    public var noLessonsThatDay: String { pick("В этот день уроков нет.", "There are no lessons on this day.") }

    // The school's changes of a day
    public var noChanges: String { pick("Изменений нет: уроки идут по расписанию.", "No changes: lessons follow the timetable.") }
    public var lessonHeading: String { pick("Урок", "Lesson") }
    public var changeHeading: String { pick("Изменение", "Change") }

    // The lesson page
    public func attendanceOf(_ name: String) -> String { pick("Посещаемость: \(name)", "Attendance: \(name)") }
    public var present: String { pick("был", "present") }
    public func removeMark(_ value: MarkValue, _ workType: String, of name: String) -> String {
        pick("Удалить отметку \(markFull(value)) \(workType): \(name)", "Remove the mark \(markFull(value)) \(workType): \(name)")
    }
    public func markOf(_ name: String) -> String { pick("Отметка: \(name)", "Mark: \(name)") }
    public func workTypeOf(_ name: String) -> String { pick("Вид работы: \(name)", "Type of work: \(name)") }
    public func individualHomeworkShort(_ text: String) -> String { pick("Инд. задание: \(text)", "Individual homework: \(text)") }
    public var periodMarkClosesMarks: String { pick("Итоговая за период выставлена: отметки закрыты.", "The final mark for the period is given: marks are closed.") }
    public var markAlthoughAbsent: String { pick("поставить отметку, хотя отмечен отсутствующим", "give the mark although marked absent") }
    public var lessonCancelled: String { pick("Урок отменён", "Lesson cancelled") }
    public var lessonNotBegun: String {
        pick("Урок ещё не начался: тему и домашнее задание можно записать заранее, отметки и пропуски — после начала урока.",
             "The lesson has not begun yet: the topic and homework can be written in advance, marks and absences once it has begun.")
    }
    public var entriesReadOnly: String { pick("Отметки и посещаемость показаны только для просмотра.", "Marks and attendance are shown read-only.") }
    public var transferOpen: String {
        pick("Открыт перенос из бумажного журнала: записи за эту дату помечаются как перенесённые.",
             "Transfer from the paper journal is open: entries for this date are marked as transferred.")
    }
    public func substituteBusy(_ lessons: String) -> String {
        pick("У заменяющего учителя в это время свой урок: \(lessons).", "The substitute teacher has a lesson of their own at this time: \(lessons).")
    }
    public var notAllSaved: String { pick("Не всё сохранено: исправьте отмеченные поля.", "Not everything was saved: correct the marked fields.") }
    public var topicLabel: String { pick("Тема урока", "Lesson topic") }
    public var topicFromPlan: String { pick("Выберите тему из КТП или напишите свою", "Choose a topic from the scheme of work or write your own") }
    public var homeworkLabel: String { pick("Домашнее задание", "Homework") }
    public var saveTopicAndHomework: String { pick("Сохранить тему и задание", "Save topic and homework") }
    public var topicColon: String { pick("Тема:", "Topic:") }
    public var homeworkColon: String { pick("Домашнее задание:", "Homework:") }
    public var numberHeading: String { pick("№", "No.") }
    public var attendanceHeading: String { pick("Посещаемость", "Attendance") }
    public var marksHeading: String { pick("Отметки", "Marks") }
    public var attendanceAndMarks: String { pick("Посещаемость и отметки", "Attendance and marks") }
    public var entriesHint: String { pick("Tab — к следующему полю, цифра 1–5 — отметка, Enter — сохранить.", "Tab moves to the next field, a digit 1–5 is a mark, Enter saves.") }
    public var saveEntries: String { pick("Сохранить отметки и посещаемость", "Save marks and attendance") }
    public var remarkTitle: String { pick("Сообщение в дневник или индивидуальное задание", "A note for the diary, or individual homework") }
    public var remarkAudience: String { pick("Видят обучающийся и его родители.", "The student and their parents see it.") }
    public var remarkTo: String { pick("Кому", "To") }
    public var remarkKindRemark: String { pick("Замечание", "Remark") }
    public var remarkKindPraise: String { pick("Похвала", "Praise") }
    public var remarkKindHomework: String { pick("Индивидуальное домашнее задание", "Individual homework") }
    public var remarkText: String { pick("Текст", "Text") }
    public var send: String { pick("Отправить", "Send") }
    public func substitutedTeacher(_ actual: String, for scheduled: String) -> String {
        pick("\(actual) (замена; по расписанию — \(scheduled))", "\(actual) (substituting for \(scheduled))")
    }
    public var markDigitExpected: String { pick("Отметка — цифра от 1 до 5.", "A mark is a digit from 1 to 5.") }
    public var chooseWorkType: String { pick("Выберите вид работы.", "Choose a type of work.") }
    public var chooseStudent: String { pick("Выберите обучающегося.", "Choose a student.") }

    // A dated change of the timetable
    public var timetableChange: String { pick("Изменение расписания", "Timetable change") }
    public var changeSubstitution: String { pick("Замена учителя", "Substitute teacher") }
    public var changeUnsubstitute: String { pick("Отменить замену", "Cancel the substitution") }
    public var changeCancelled: String { pick("Урок отменён", "Lesson cancelled") }
    public var changeMoved: String { pick("Перенос на другой день или урок", "Move to another day or lesson") }
    public var changeReplaced: String { pick("Другой предмет вместо этого", "Another subject instead of this one") }
    public var changeTeacher: String { pick("Учитель (для замены)", "Teacher (for a substitution)") }
    public var changeNewDate: String { pick("Новая дата и номер урока (для переноса)", "New date and lesson number (for a move)") }
    public var lessonNumber: String { pick("Номер урока", "Lesson number") }
    public var changeSubject: String { pick("Предмет (для замены предмета)", "Subject (instead of this one)") }
    public var changeReasonExample: String { pick("болезнь учителя", "the teacher is ill") }
    public var recordChange: String { pick("Записать изменение", "Record the change") }
    public var moveNeedsDate: String { pick("Для переноса укажите дату и номер урока.", "For a move, give the date and the lesson number.") }
    public var chooseSubjectAndTeacher: String { pick("Выберите предмет и учителя.", "Choose a subject and a teacher.") }
    public var unknownChange: String { pick("Неизвестное изменение.", "Unknown change.") }

    // The list of journals and the grid
    public var noJournals: String { pick("Нет журналов, которые вам можно открыть.", "There are no journals you may open.") }
    public var workTypeForNewMarks: String { pick("Вид работы для новых отметок", "Type of work for new marks") }
    /// The grid's keys; `codes` are the absence codes as typed («н/б/у/о»).
    public func gridHint(codes: String) -> String {
        pick("Стрелки и Tab — по клеткам, 1–5 — отметка, \(codes) — пропуск, Delete — удалить. Сохраняется сразу.",
             "Arrows and Tab move between cells, 1–5 gives a mark, \(codes) (or n/b/u/o) an absence, Delete removes. Every change is saved at once.")
    }
    public var viewOnly: String { pick("Только просмотр.", "View only.") }
    public var noTopicYet: String { pick("Тема не записана", "No topic yet") }
    public var averageHeading: String { pick("Ср. балл", "Average") }
    public var finalHeading: String { pick("Итог", "Final") }
    public func finalMarkOf(_ name: String) -> String { pick("Итоговая отметка: \(name)", "Final mark: \(name)") }
    /// Before the mark a forecast expects: «прогноз 4».
    public var forecastPrefix: String { pick("прогноз ", "forecast ") }
    public var saveFinalMarks: String { pick("Сохранить итоговые отметки", "Save final marks") }
    public var noStudents: String { pick("В списке нет обучающихся.", "There are no students on the list.") }
    public var periodMissing: String { pick("Не указан период.", "The period is missing.") }
    public func finalMarkRange(_ name: String, typed: String) -> String {
        pick("\(name): итоговая отметка — от 1 до 5, «зачёт», «незачёт», «н/а» или «осв», а не «\(typed)».",
             "\(name): a final mark is 1 to 5, a pass, a fail, not assessed or exempt, not “\(typed)”.")
    }
    public var finalMarksTitle: String { pick("Итоговые отметки", "Final marks") }
    public var notAllFinalMarksSaved: String { pick("Не все итоговые отметки сохранены", "Not all final marks were saved") }
    public var backToJournal: String { pick("Вернуться к журналу", "Back to the journal") }

    // The deputy's openings of the journal
    public func withdrawWhat(_ what: String) -> String { pick("Отозвать: \(what)", "Withdraw: \(what)") }
    public var withdraw: String { pick("Отозвать", "Withdraw") }
    public func transferOf(_ dates: String) -> String { pick("перенос \(dates)", "transfer \(dates)") }
    public var unlocksInForce: String { pick("Действующие разрешения", "Permissions in force") }
    public var none: String { pick("Нет.", "None.") }
    public var lessonDates: String { pick("Даты уроков", "Lesson dates") }
    public var until: String { pick("До", "Until") }
    public var allowCorrections: String { pick("Разрешить исправления", "Allow corrections") }
    public var allowCorrectionsText: String {
        pick("Учитель сможет исправлять отметки и пропуски за эти даты (и итоговые, если в диапазон входит конец периода), пока действует разрешение.",
             "While the permission lasts, the teacher can correct marks and absences of these dates (and final marks, if the dates include the end of a period).")
    }
    public var classAndSubject: String { pick("Класс и предмет", "Class and subject") }
    public var choose: String { pick("— выберите —", "— choose —") }
    public var lessonsFrom: String { pick("Уроки с", "Lessons from") }
    public var toDate: String { pick("по", "to") }
    public var unlockUntil: String { pick("Разрешение действует до конца дня", "The permission lasts to the end of") }
    public var allow: String { pick("Разрешить", "Allow") }
    public var transferFromPaper: String { pick("Перенос из бумажных журналов", "Transfer from paper journals") }
    public var noTransferWindows: String { pick("Окон переноса нет.", "No transfers are open.") }
    public var openTransferTitle: String { pick("Открыть перенос после сбоя", "Open a transfer after an outage") }
    public var openTransferText: String {
        pick("Пока журнал был недоступен, учителя вели бумажные журналы. Записи за эти даты вносятся с исходными датами и помечаются как перенесённые.",
             "While the journal was unavailable, teachers kept paper journals. Entries of these dates are made with their own dates and marked as transferred.")
    }
    public var outageFrom: String { pick("Даты сбоя с", "Outage from") }
    public var transferUntil: String { pick("Перенос открыт до конца дня", "The transfer is open to the end of") }
    public var outageExample: String { pick("Сбой электропитания", "Power cut") }
    public var openTransfer: String { pick("Открыть перенос", "Open the transfer") }
    public var giveDates: String { pick("Укажите даты «с» и «по» (первая не позже второй).", "Give the dates “from” and “to” (the first no later than the second).") }
    public var giveUntil: String { pick("Укажите, до какого дня действует.", "Give the day it lasts until.") }
    public var giveReason: String { pick("Укажите причину.", "Give a reason.") }
    public var chooseClassAndSubject: String { pick("Выберите класс и предмет.", "Choose a class and a subject.") }

    // The change log
    public var all: String { pick("все", "all") }
    public var lessonWord: String { pick("урок", "lesson") }
    public var system: String { pick("система", "system") }
    public var fromLabel: String { pick("С", "From") }
    public var toLabel: String { pick("По", "To") }
    public var notOnlyJournal: String { pick("и не только журнал", "not only the journal") }
    public var downloadCSV: String { pick("Скачать CSV", "Download CSV") }
    public func auditShown(_ count: Int) -> String {
        pick("Показаны последние \(count) записей (не больше 500; в CSV — до 100 000).", "Showing the latest \(count) entries (at most 500; up to 100,000 in the CSV).")
    }
    public var whenHeading: String { pick("Когда", "When") }
    public var whoHeading: String { pick("Кто", "Who") }
    public var whatHeading: String { pick("Что", "What") }
    public var beforeHeading: String { pick("Было", "Before") }
    public var afterHeading: String { pick("Стало", "After") }
    public var noAuditEntries: String { pick("Записей за выбранное время нет.", "No entries for the chosen time.") }
    public var loginHeading: String { pick("Логин", "Login") }
    public var viaHeading: String { pick("Через", "Via") }
    public var actionHeading: String { pick("Действие", "Action") }
    public var actionCodeHeading: String { pick("Код действия", "Action code") }

    // The settings
    public var notSaved: String { pick("Не сохранено: исправьте отмеченные поля.", "Not saved: correct the marked fields.") }
    public var saveSettings: String { pick("Сохранить настройки", "Save settings") }
    public var workTypesTitle: String { pick("Виды работ и их веса", "Types of work and their weights") }
    public var workTypesText: String {
        pick("Средний балл — Σ(вес × отметка) / Σ весов. Снятый флажок убирает вид работы из выбора; поставленные отметки остаются.",
             "The average is Σ(weight × mark) / Σ weights. Clearing a tick takes a type of work out of the choice; marks already given stay.")
    }
    public var codeHeading: String { pick("Код", "Code") }
    public var nameHeading: String { pick("Название", "Name") }
    public var weightHeading: String { pick("Вес", "Weight") }
    public var inUseHeading: String { pick("Используется", "In use") }
    public var newPlaceholder: String { pick("новый", "new") }
    public var saveWorkTypes: String { pick("Сохранить виды работ", "Save types of work") }

    // The scheme of work (КТП)
    public var planUploadTitle: String { pick("Загрузить КТП из CSV", "Load the scheme of work from a CSV file") }
    /// What the file holds; `topic` and `hours` are its columns' names, as the file must have them.
    public func planUploadText(topic: String, hours: String) -> String {
        pick("Столбцы «\(topic)» и «\(hours)» (разделитель «;» или «,», UTF-8 или Windows-1251, как сохраняет Excel). Файл заменяет план; темы записываются в уроки года по порядку — каждая на столько уроков, сколько у неё часов, — там, где тема ещё не записана.",
             "Columns “\(topic)” (topic) and “\(hours)” (hours), separated by “;” or “,”, in UTF-8 or Windows-1251 as Excel saves them. The file replaces the plan; the topics go into the year's lessons in order, each into as many lessons as it has hours, wherever no topic is written yet.")
    }
    public var planNotLoaded: String { pick("Файл не загружен, ничего не изменено:", "The file was not loaded; nothing has changed:") }
    public var load: String { pick("Загрузить", "Load") }
    public func planTitle(_ first: String, _ second: String) -> String { pick("КТП: \(first), \(second)", "Scheme of work: \(first), \(second)") }
    public func planLoaded(filled: String) -> String {
        pick("КТП загружено; темы записаны в уроков: \(filled).", "Scheme of work loaded; lessons given a topic: \(filled).")
    }
    public var planEmpty: String { pick("План ещё не загружен.", "No plan has been loaded yet.") }
    public var topicHeading: String { pick("Тема", "Topic") }
    public var hoursHeading: String { pick("Часов", "Hours") }
    public var chooseFile: String { pick("Выберите файл.", "Choose a file.") }
}
