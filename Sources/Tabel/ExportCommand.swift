import Appliance
import ArgumentParser
import Desks
import Domain
import Storage
#if canImport(Glibc)
import Glibc
#endif

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Выгрузить учебный год целиком: CSV (UTF-8 с BOM, «;») и JSON.",
        discussion: """
            Ученики, классы и зачисления, предметы, уроки с темами и домашними заданиями, отметки, пропуски, \
            четвертные, полугодовые, годовые, экзаменационные и итоговые отметки, журнал изменений за год.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Год, в котором начался учебный год: 2026 — это 2026/2027.")
    var year: Int

    @Option(help: "Каталог для файлов (создаётся, если его нет).")
    var out: String

    func run() throws {
        let db = try database.openForCheck()
        defer { db.close() }
        let export: (year: AcademicYear, tables: [YearExportTable])
        do {
            export = try ArchiveDesk(database: db).export(startingIn: year, by: .console(at: SchoolClock().unixNow()))
        } catch let error as DeskError {
            print(error.message)
            throw ExitCode.failure
        }
        if access(out, F_OK) != 0, mkdir(out, 0o700) != 0 {
            print("Не удалось создать каталог \(out): \(String(cString: strerror(errno))).")
            throw ExitCode.failure
        }
        let files = try YearArchive.write(year: export.year.name, tables: export.tables, to: out)
        print("Учебный год \(export.year.name) выгружен в \(out):")
        for (file, table) in zip(files, export.tables) { print("  \(file): \(table.rows.count)") }
        print("  \(files.last!)")
    }
}
