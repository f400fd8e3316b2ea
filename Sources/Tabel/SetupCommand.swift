import ArgumentParser
import Domain
import Setup
import Storage

struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup", abstract: "Настройка школы: демонстрационная школа, импорт, параметры.",
        subcommands: [Demo.self])

    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Создать демонстрационную школу в пустой базе.",
            discussion: "Школа одна и та же для одного и того же --seed. Все учётные записи получают пароль --password.")

        @OptionGroup var database: DatabaseOption

        @Option(help: "Число обучающихся.")
        var students = 500

        @Option(help: "Зерно генератора: одно зерно — одна и та же школа.")
        var seed: UInt64 = 1

        @Option(help: "«Сегодня» школы, ГГГГ-ММ-ДД: уроки до этой даты проведены, после — ещё нет (по умолчанию сегодняшняя дата).")
        var today: String?

        @Option(help: "Пароль всех демонстрационных учётных записей.")
        var password = "demo-tabel"

        @Option(help: "Записать логины в CSV-файл (login,password,role,person_id,full_name,class,children).")
        var logins: String?

        func validate() throws {
            guard (1...20000).contains(students) else { throw ValidationError("--students: от 1 до 20000.") }
            if let today, CivilDate(iso: today) == nil { throw ValidationError("--today: ожидается ГГГГ-ММ-ДД, получено «\(today)».") }
            guard !password.isEmpty else { throw ValidationError("--password не может быть пустым.") }
        }

        func run() throws {
            let path = database.resolved
            DatabaseLocation.prepareDirectory(for: path)
            let day = today.flatMap { CivilDate(iso: $0) } ?? SchoolClock().today
            let started = SchoolClock.realUnixSeconds()
            let db = try Database.open(path: path)
            let result = try DemoSchool.generate(
                into: db, options: DemoOptions(students: students, seed: seed, today: day, password: password),
                progress: { print($0) })
            db.close()
            if let logins { try TextFile.write(DemoSchool.loginsCSV(result), to: logins) }
            print("Готово за \(SchoolClock.realUnixSeconds() - started) с: \(path)" + (logins.map { ", логины в \($0)" } ?? ""))
        }
    }
}
