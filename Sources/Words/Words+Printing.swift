import Domain

/// The printed documents (DOMAIN.md, "Printed documents"): the journal's paper copy, the
/// summary sheet, the diary printout, blank pages for an outage; their buttons and files.
extension Words {
    // MARK: Paper

    public var printBlankPage: String { pick("Страница оставлена пустой для двусторонней печати", "Left blank for two-sided printing") }
    public var printSignature: String { pick("подпись", "signature") }
    public var printFullName: String { pick("расшифровка подписи", "name") }
    public var printDateBlank: String { pick("«___» __________ 20___ г.", "date: ___ / ___ / 20___") }
    public var printSealPlace: String { pick("М.П.", "Seal") }
    public var printNumber: String { pick("№", "No.") }
    public var printStudent: String { pick("Фамилия, имя обучающегося", "Student") }
    public var printDate: String { pick("Дата", "Date") }
    public var printTopic: String { pick("Тема урока", "Topic") }
    public var printHomework: String { pick("Домашнее задание", "Homework") }
    public var printCancelled: String { pick("урок отменён", "lesson cancelled") }
    public var printClassTeacher: String { pick("Классный руководитель", "Class teacher") }
    public var printSubjectTeacher: String { pick("Учитель", "Teacher") }
    public var printDeputy: String { pick("Заместитель директора", "Deputy head") }
    public var printDirector: String { pick("Директор", "Head of school") }
    public var printGuardian: String { pick("Родитель (законный представитель)", "Parent or guardian") }
    public func printClass(_ name: String) -> String { pick("Класс \(name)", "Class \(name)") }
    public func printSchoolYear(_ name: String) -> String { pick("\(name) учебный год", "School year \(name)") }
    public func printRange(_ from: CivilDate, _ to: CivilDate) -> String { pick("с \(date(from)) по \(date(to))", "from \(date(from)) to \(date(to))") }
    public var printWholeYear: String { pick("Учебный год целиком", "The whole school year") }
    public func printSubjectTitle(_ subject: String, group: String?) -> String {
        group.map { "\(subject) (\($0))" } ?? subject
    }
    public func printTeacherLine(_ name: String) -> String { pick("Учитель: \(name)", "Teacher: \(name)") }
    public func printPart(_ n: Int, of total: Int) -> String { pick("часть \(n) из \(total)", "part \(n) of \(total)") }
    public var printNoLessons: String { pick("Уроков в эти даты нет.", "No lessons on these dates.") }
    public var printNoStudents: String { pick("В классе нет обучающихся.", "The class has no students.") }

    // MARK: The journal's copy

    public var journalCopyTitle: String { pick("Копия классного журнала", "Copy of the class journal") }
    public func journalCopyFooter(_ className: String, _ range: String) -> String {
        pick("Копия журнала · \(className) · \(range)", "Journal copy · \(className) · \(range)")
    }
    public var journalCopySubjects: String { pick("Предметы", "Subjects") }
    public var journalCopyNoSubjects: String { pick("Нет предметов, журналы которых вам доступны.", "No subject's journal is open to you.") }
    public var journalCopyMarks: String { pick("Отметки и пропуски", "Marks and absences") }
    public var journalCopyTopics: String { pick("Темы уроков и домашние задания", "Topics and homework") }
    public var journalCopyChecked: String {
        pick("Копия сверена с электронным журналом, страницы пронумерованы.", "The copy was checked against the electronic journal; its pages are numbered.")
    }

    // MARK: Summary sheet

    public var summaryTitle: String { pick("Сводная ведомость итоговых отметок", "Summary sheet of final marks") }
    public func summaryFooter(_ className: String, _ year: String) -> String {
        pick("Сводная ведомость · \(className) · \(year)", "Summary sheet · \(className) · \(year)")
    }
    public var summaryLegend: String {
        pick("Столбцы каждого предмета: отметки за периоды, годовая (Год), экзаменационная (Экз.), итоговая (Итог).",
             "Each subject's columns: the period marks, the year mark (Year), the exam mark (Exam), the final mark (Final).")
    }

    // MARK: Diary printout

    public var diaryPrintTitle: String { pick("Дневник обучающегося", "Student's diary") }
    public func diaryPrintFooter(_ student: String, _ range: String) -> String { pick("Дневник · \(student) · \(range)", "Diary · \(student) · \(range)") }
    public var diaryPrintSubject: String { pick("Предмет", "Subject") }
    public var diaryPrintMarks: String { pick("Отметки", "Marks") }
    public var diaryPrintAttendance: String { pick("Пропуск", "Absence") }
    public var diaryPrintAverages: String { pick("Отметки и средний балл по предметам", "Marks and averages by subject") }
    public var diaryPrintAverage: String { pick("Средний балл", "Average") }
    public var diaryPrintAbsences: String { pick("Пропуски и опоздания", "Absences and lateness") }
    public func diaryPrintAbsenceLine(_ code: AbsenceCode, _ count: Int) -> String { "\(code.rawValue) — \(absence(code)): \(count)" }
    public var diaryPrintNoAbsences: String { pick("Пропусков и опозданий нет.", "No absences, never late.") }
    public var diaryPrintRead: String { pick("С дневником ознакомлен(а)", "I have read the diary") }

    // MARK: Blank pages

    public var blankTitle: String { pick("Временный журнал (на время сбоя)", "Temporary journal (during an outage)") }
    public func blankFooter(_ className: String, _ range: String) -> String {
        pick("Временный журнал · \(className) · \(range)", "Temporary journal · \(className) · \(range)")
    }
    public var blankLegend: String {
        pick("Коды пропусков: ", "Absence codes: ") + AbsenceCode.allCases.map { "\($0.rawValue) — \(absence($0))" }.joined(separator: "; ")
            + pick(". После восстановления перенесите записи в электронный журнал.", ". When the system is back, transfer the entries into the electronic journal.")
    }

    // MARK: Buttons and files

    public var printSection: String { pick("Печать", "Print") }
    public var printJournalButton: String { pick("Копия журнала (PDF)", "Journal copy (PDF)") }
    public var printSummaryButton: String { pick("Сводная ведомость (PDF)", "Summary sheet (PDF)") }
    public var printDiaryButton: String { pick("Дневник за даты (PDF)", "Diary for dates (PDF)") }
    public var printBlankButton: String { pick("Бланки временного журнала (PDF)", "Blank temporary journal (PDF)") }
    public func journalCopyFile(_ className: String, _ range: String) -> String { pick("журнал-\(className)-\(range)", "journal-\(className)-\(range)") }
    public func summaryFile(_ className: String, _ year: String) -> String { pick("ведомость-\(className)-\(year)", "summary-\(className)-\(year)") }
    public func diaryFile(_ student: String, _ from: CivilDate) -> String { pick("дневник-\(student)-\(from.iso)", "diary-\(student)-\(from.iso)") }
    public func blankFile(_ className: String, _ from: CivilDate) -> String { pick("бланк-\(className)-\(from.iso)", "blank-\(className)-\(from.iso)") }
    public var printYear: String { pick("год", "year") }
}
