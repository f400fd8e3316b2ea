import ArgumentParser
import Desks
import Domain
import Setup
import Storage

struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup", abstract: "Настройка школы: демонстрационная школа, импорт, параметры.",
        subcommands: [Init.self, Import.self, Settings.self, Demo.self, TLSSetup.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Первый запуск: школа, учебный год с четвертями и каникулами, звонки, предметы, виды работ, классы.",
            discussion: "Повторный запуск обновляет название школы и добавляет недостающее, ничего не удаляя.")

        @OptionGroup var database: DatabaseOption
        @Option(help: "Полное название школы.") var school: String
        @Option(help: "Краткое название (в заголовке страниц).") var shortName = ""
        @Option(help: "Почтовый адрес школы.") var address = ""
        @Option(help: "Адрес журнала в школьной сети, печатается на листках (например http://tabel.school.local).") var networkAddress = ""
        @Option(help: "Год начала учебного года (по умолчанию текущий учебный год).") var year: Int?
        @Option(help: "Классы: «1А-1В, 2А, 5А-5Г, 11А».") var classes = ""

        func validate() throws {
            guard !school.trimmingWhitespace.isEmpty else { throw ValidationError("--school не может быть пустым.") }
            if let year, !(2000...2100).contains(year) { throw ValidationError("--year: год от 2000 до 2100.") }
            do { _ = try SchoolSetup.parseClasses(classes) } catch { throw ValidationError("--classes: \(error)") }
        }

        func run() throws {
            let path = database.resolved
            DatabaseLocation.prepareDirectory(for: path)
            let db = try Database.open(path: path)
            defer { db.close() }
            let clock = SchoolClock()
            let done = try SchoolSetup.initialize(db, SchoolSetup.Options(
                school: School(name: school.trimmingWhitespace, shortName: shortName, address: address, networkAddress: networkAddress),
                startYear: year ?? AcademicYear.startYear(containing: clock.today), classes: try SchoolSetup.parseClasses(classes)),
                now: clock.unixNow())
            done.forEach { print("✓ \($0)") }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Загрузить сотрудников, обучающихся, родителей или расписание из CSV (Excel: UTF-8 или Windows-1251, «;» или «,»).",
            discussion: "Файл с ошибкой не загружается совсем; ошибки называют строку. Повторная загрузка того же файла ничего не меняет.")

        @OptionGroup var database: DatabaseOption
        @Argument(help: "Что загружать: staff, students, guardians, timetable или plan (КТП: столбцы Тема;Часы).") var kind: String
        @Option(help: "CSV-файл.") var file: String
        @Option(name: .customLong("class"), help: "Для plan: класс, например 5А.") var className: String?
        @Option(help: "Для plan: предмет, например «Математика».") var subject: String?
        @Flag(help: "Только проверить и показать, что изменится.") var dryRun = false
        @Option(help: "«Сегодня» школы, ГГГГ-ММ-ДД: дата зачисления по умолчанию, первый день уроков расписания (по умолчанию сегодняшняя дата).")
        var today: String?

        func validate() throws {
            if let today, CivilDate(iso: today) == nil { throw ValidationError("--today: ожидается ГГГГ-ММ-ДД, получено «\(today)».") }
            if kind == "plan" {
                guard className != nil, subject != nil else { throw ValidationError("для plan укажите --class и --subject.") }
                return
            }
            guard CSVImport.Kind(rawValue: kind) != nil else {
                throw ValidationError("что загружать: staff, students, guardians, timetable или plan (получено «\(kind)»).")
            }
        }

        /// The same `CSVImport` the administrator's imports page runs, as the console.
        func run() throws {
            let bytes = try CSVImport.readFile(file)
            let db = try database.open()
            defer { db.close() }
            let clock = SchoolClock()
            let day = today.flatMap { CivilDate(iso: $0) } ?? clock.today
            var job = CSVImport(kind: CSVImport.Kind(rawValue: kind)!, bytes: bytes)
            if job.kind == .plan {
                let ids = try db.read { c -> (Int, Int)? in
                    guard let year = try c.academicYear(containing: day),
                          let k = try c.classID(name: ClassName(className!)?.description ?? className!, year: year.id),
                          let s = try c.subjectID(named: subject!) else { return nil }
                    return (k, s)
                }
                guard let (classID, subjectID) = ids else {
                    print("Нет класса «\(className!)» в текущем учебном году или предмета «\(subject!)».")
                    throw ExitCode.failure
                }
                job = CSVImport(kind: .plan, classID: classID, subjectID: subjectID, bytes: bytes)
            }
            do {
                let report = try job.run(db, today: day, dryRun: dryRun, by: .console(at: clock.unixNow()))
                if let plan = report.plan {
                    print((dryRun ? "Проверка (ничего не записано): " : "КТП загружено: ")
                          + "тем \(plan.topics), часов \(plan.hours); темы \(dryRun ? "будут записаны" : "записаны") в \(plan.filled) уроков.")
                    return
                }
                report.changes.forEach { print($0) }
                print((dryRun ? "Проверка (ничего не записано): " : "Загружено: ") + report.summary)
            } catch let failure as ImportFailure {
                print("Файл \(file) не загружен, ничего не изменено:")
                failure.problems.forEach { print("  \($0)") }
                throw ExitCode.failure
            }
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Показать или изменить настройки школы: tabel setup settings [КЛЮЧ ЗНАЧЕНИЕ].")

        @OptionGroup var database: DatabaseOption
        @Option(help: "Сколько после даты урока можно исправлять отметки: never, 1w, 2w, 3w, 1m.") var editWindow: String?
        @Argument(help: "Ключ настройки.") var key: String?
        @Argument(help: "Новое значение.") var value: String?

        func validate() throws {
            if key != nil, value == nil { throw ValidationError("укажите значение: tabel setup settings \(key!) ЗНАЧЕНИЕ") }
        }

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            var changes: [(String, String)] = []
            if let editWindow { changes.append(("edit_window", editWindow)) }
            if let key, let value { changes.append((key, value)) }
            do {
                try SettingsDesk(database: db).change(changes.map { (key: $0.0, value: $0.1) }, by: .console(at: SchoolClock().unixNow()))
            } catch let DeskError.invalidFields(problems) {
                for (key, problem) in problems.sorted(by: { $0.key < $1.key }) { print("Не изменено: \(key): \(problem)") }
                throw ExitCode.failure
            }
            try db.read { c in
                for d in SchoolSettings.definitions {
                    print("\(d.key) = \(try c.setting(d.key) ?? d.defaultValue)\t— \(d.meaning) (\(d.allowed))")
                }
            }
        }
    }

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

        @Option(help: "Сколько учебных лет данных: текущий и предыдущие (те же ученики классом младше).")
        var years = 1

        func validate() throws {
            guard (1...20000).contains(students) else { throw ValidationError("--students: от 1 до 20000.") }
            guard (1...11).contains(years) else { throw ValidationError("--years: от 1 до 11.") }
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
                into: db, options: DemoOptions(students: students, seed: seed, today: day, password: password, years: years),
                progress: { print($0) })
            db.close()
            if let logins { try TextFile.write(DemoSchool.loginsCSV(result), to: logins) }
            print("Готово за \(SchoolClock.realUnixSeconds() - started) с: \(path)" + (logins.map { ", логины в \($0)" } ?? ""))
        }
    }
}
