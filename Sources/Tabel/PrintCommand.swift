import ArgumentParser
import Desks
import Domain
import Printing
import Setup
import Storage
import Words
#if canImport(Glibc)
import Glibc
#endif

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Печатные документы в PDF: копия журнала, сводная ведомость, дневник, бланки на время сбоя.",
        subcommands: [Journal.self, Summary.self, Diary.self, Blank.self])

    struct Journal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Копия классного журнала за период или за год (двусторонняя печать, страницы пронумерованы).")

        @OptionGroup var database: DatabaseOption

        @Option(name: .customLong("class"), help: "Класс, например 5А.")
        var className: String?

        @Flag(help: "Копии журналов всех классов: --out — каталог, по файлу на класс.")
        var all = false

        @Option(help: "Номер периода (id) — копия за этот период.")
        var period: Int?

        @Flag(help: "Копия за учебный год целиком.")
        var year = false

        @Option(help: "Куда записать PDF (с --all — каталог).")
        var out: String

        func validate() throws {
            guard (className != nil) != all else { throw ValidationError("Укажите ровно одно из: --class КЛАСС, --all.") }
            guard (period != nil) != year else { throw ValidationError("Укажите ровно одно из: --period ID, --year.") }
        }

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            let clock = SchoolClock()
            let w = Words.russian
            let yearID = try periodYear(db, period) ?? currentYear(db, clock.today)
            if let className {
                let classID = try findClass(db, className, year: yearID)
                let copy = try desk { try PrintDesk(database: db).journal(classID: classID, period: period, by: .console(at: clock.unixNow())) }
                try written(JournalCopySheet.pdf(copy), to: out)
                return
            }
            let classes = try PrintDesk(database: db).classes(year: yearID)
            let chosen = try period.flatMap { id in try db.read { try $0.period(id)?.period } }
            try makeDirectory(out)
            var pages = 0
            for (n, c) in classes.enumerated() {
                // A class of the other scheme (half-years beside quarters) gets its period that ends with or after the one chosen.
                var own = period
                if let chosen {
                    let periods = try db.read { try $0.periods(classID: c.id) }
                    if !periods.contains(where: { $0.id == chosen.id }) { own = periods.first { $0.dates.contains(chosen.endsOn) }?.id ?? chosen.id }
                }
                let copy: JournalCopy
                do {
                    copy = try PrintDesk(database: db).journal(classID: c.id, period: own, by: .console(at: clock.unixNow()))
                } catch let error as DeskError {
                    print("\(c.name): пропущен — \(error.message) (\(n + 1) из \(classes.count))")
                    continue
                }
                let range = copy.period.map(w.period) ?? w.printYear
                let file = out + "/" + Transliteration.fileName(w.journalCopyFile(c.name, range) + ".pdf")
                let pdf = try JournalCopySheet.pdf(copy)
                try TextFile.write(bytes: pdf.bytes, to: file)
                pages += pdf.pages
                print("\(c.name): \(file) (\(n + 1) из \(classes.count))")
            }
            print("Готово: \(classes.count) классов, \(pages) стр. в \(out).")
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Сводная ведомость итоговых отметок класса: отметки за периоды, годовые, экзаменационные, итоговые.")

        @OptionGroup var database: DatabaseOption

        @Option(name: .customLong("class"), help: "Класс, например 5А.")
        var className: String

        @Option(help: "Год начала учебного года: 2026 — это 2026/27.")
        var year: Int

        @Option(help: "Куда записать PDF.")
        var out: String

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            guard let academic = try db.read({ try $0.academicYear(startingIn: year) }) else {
                throw ValidationError("Учебного года, начинающегося в \(year) году, нет.")
            }
            let classID = try findClass(db, className, year: academic.id)
            let sheet = try desk { try PrintDesk(database: db).summary(classID: classID, by: .console(at: SchoolClock().unixNow())) }
            try written(SummarySheetPDF.pdf(sheet), to: out)
        }
    }

    struct Diary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Дневник обучающегося за даты — для семьи без электронного доступа: уроки, темы, задания, отметки, средние, пропуски.")

        @OptionGroup var database: DatabaseOption

        @Option(help: "Номер обучающегося (id, как в адресе его карточки).")
        var student: Int

        @OptionGroup var range: DateRange

        @Option(help: "Куда записать PDF.")
        var out: String

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            let (a, b) = try range.dates()
            let clock = SchoolClock()
            let printout = try desk { try PrintDesk(database: db).diary(student: student, from: a, to: b, utcOffsetMinutes: clock.utcOffsetMinutes,
                                                                        by: .console(at: clock.unixNow())) }
            try written(DiaryPrintoutPDF.pdf(printout), to: out)
        }
    }

    struct Blank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Бланки временного журнала на время сбоя: список класса против дат уроков по расписанию, коды пропусков.")

        @OptionGroup var database: DatabaseOption

        @Option(name: .customLong("class"), help: "Класс, например 5А.")
        var className: String

        @OptionGroup var range: DateRange

        @Option(help: "Куда записать PDF.")
        var out: String

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            let (a, b) = try range.dates()
            let classID = try findClass(db, className, year: currentYear(db, a))
            let copy = try desk { try PrintDesk(database: db).blank(classID: classID, from: a, to: b, by: .console(at: SchoolClock().unixNow())) }
            try written(JournalCopySheet.blank(copy), to: out)
        }
    }
}

/// `--from` and `--to` of the diary and the blanks: two dates, the first not after the second.
struct DateRange: ParsableArguments {
    @Option(help: "С какой даты, ГГГГ-ММ-ДД.")
    var from: String

    @Option(help: "По какую дату, ГГГГ-ММ-ДД.")
    var to: String

    func validate() throws { _ = try dates() }

    func dates() throws -> (CivilDate, CivilDate) {
        guard let a = CivilDate(iso: from) else { throw ValidationError("--from: ожидается ГГГГ-ММ-ДД, получено «\(from)».") }
        guard let b = CivilDate(iso: to) else { throw ValidationError("--to: ожидается ГГГГ-ММ-ДД, получено «\(to)».") }
        guard a <= b else { throw ValidationError("--from позже --to.") }
        return (a, b)
    }
}

/// A desk's refusal as the command line's error.
private func desk<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as DeskError { throw ValidationError(error.message) }
}

private func periodYear(_ db: Database, _ period: Int?) throws -> Int? {
    guard let period else { return nil }
    guard let found = try db.read({ try $0.period(period) }) else { throw ValidationError("Периода \(period) нет.") }
    return found.year
}

private func currentYear(_ db: Database, _ date: CivilDate) throws -> Int {
    guard let year = try db.read({ try $0.currentAcademicYear(on: date) }) else {
        throw ValidationError("В базе нет учебного года.")
    }
    return year.id
}

private func findClass(_ db: Database, _ name: String, year: Int) throws -> Int {
    let canonical = ClassName(name)?.description ?? name
    guard let id = try db.read({ try $0.classID(name: canonical, year: year) }) else {
        let known = try db.read { try $0.classNames(year: year) }
        throw ValidationError("класс «\(name)» не найден (есть: \(known.joined(separator: ", ")))")
    }
    return id
}

private func written(_ pdf: PrintedPDF, to path: String) throws {
    try TextFile.write(bytes: pdf.bytes, to: path)
    print("Записано \(pdf.pages) стр. в \(path).")
}

private func makeDirectory(_ path: String) throws {
    guard mkdir(path, 0o750) == 0 || errno == EEXIST else { throw ValidationError("не удалось создать каталог \(path)") }
}
