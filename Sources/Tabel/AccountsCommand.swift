import ArgumentParser
import Desks
import Domain
import Printing
import Setup
import Storage

struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Учётные записи: листки с логинами, блокировка, скомпрометированный вход.",
        subcommands: [Issue.self, Reset.self, Lock.self, Unlock.self, Compromised.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Напечатать листки с логинами и временными паролями (прежние листки и пароли перестают действовать).")

        @OptionGroup var database: DatabaseOption

        @Option(name: .customLong("class"), help: "Класс, например 5А: листки для его учеников.")
        var className: String?

        @Flag(help: "Листки для учеников всех классов (в начале года).")
        var all = false

        @Flag(help: "С --class или --all: листки и для родителей учеников.")
        var guardians = false

        @Option(help: "Листок для одного человека по логину.")
        var login: String?

        @Flag(help: "Листки для всех сотрудников.")
        var staff = false

        @Option(help: "Куда записать PDF.")
        var out: String

        func validate() throws {
            let chosen = [className != nil, login != nil, staff, all].filter { $0 }.count
            guard chosen == 1 else { throw ValidationError("Укажите ровно одно из: --class КЛАСС, --all, --login ЛОГИН, --staff.") }
            if guardians, className == nil, !all { throw ValidationError("--guardians используется вместе с --class или --all.") }
        }

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            let today = SchoolClock().today
            let year = try db.read { try $0.currentAcademicYear(on: today) }?.id ?? -1
            var people: [Int] = []
            if let className {
                let name = ClassName(className)?.description ?? className
                let students = try db.read { try $0.students(className: name, year: year) }
                guard !students.isEmpty else {
                    let known = try db.read { try $0.classNames(year: year) }
                    throw ValidationError("класс «\(className)» не найден или пуст (есть: \(known.joined(separator: ", ")))")
                }
                people = students + (guardians ? try db.read { try $0.guardians(of: students) } : [])
            } else if all {
                let students = try db.read { c in try c.classNames(year: year).flatMap { try c.students(className: $0, year: year) } }
                people = students + (guardians ? try db.read { try $0.guardians(of: students) } : [])
            } else if let login {
                guard let account = try db.read({ try $0.account(login: login) }) else { throw ValidationError("логин «\(login)» не найден") }
                people = [account.personID]
            } else {
                people = try db.read { try $0.staff() }
            }
            try issue(db, people: people, out: out)
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Выдать новый листок взамен утерянного: старый пароль и листки перестают действовать.")

        @OptionGroup var database: DatabaseOption
        @Argument(help: "Логин.") var login: String
        @Option(help: "Куда записать PDF.") var out: String

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            guard let account = try db.read({ try $0.account(login: login) }) else { throw ValidationError("логин «\(login)» не найден") }
            try issue(db, people: [account.personID], out: out)
        }
    }

    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Заблокировать учётную запись и завершить её сеансы.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Логин.") var login: String
        @Option(help: "Причина (для журнала аудита).") var reason = "заблокирована администратором"

        func run() throws {
            try changeLock(database.resolved, login: login, lock: true, reason: reason)
            print("Учётная запись \(login) заблокирована, её сеансы завершены.")
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Разблокировать учётную запись (и сбросить счётчик неудачных входов).")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Логин.") var login: String

        func run() throws {
            try changeLock(database.resolved, login: login, lock: false, reason: "")
            print("Учётная запись \(login) разблокирована.")
        }
    }
}

extension AccountsCommand {
    struct Compromised: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Вход скомпрометирован: заблокировать, завершить сеансы, аннулировать листки и показать (или отменить) действия с указанного момента.")

        @OptionGroup var database: DatabaseOption
        @Argument(help: "Логин.") var login: String
        @Option(help: "С какого момента, «ГГГГ-ММ-ДД ЧЧ:ММ».") var since: String
        @Flag(help: "Отменить эти действия новыми записями в журнале аудита (изменённое позже другими — только отметить).") var revert = false

        func validate() throws {
            guard SchoolDateTime(iso: since) != nil else { throw ValidationError("--since: ожидается «ГГГГ-ММ-ДД ЧЧ:ММ», получено «\(since)».") }
        }

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            let clock = SchoolClock()
            let moment = SchoolDateTime(iso: since)!.unixSeconds(offsetMinutes: clock.utcOffsetMinutes)
            let report: Compromise.Report
            do {
                report = try Compromise.handle(db, login: login, since: moment, revert: revert, now: clock.unixNow(), today: clock.today)
            } catch let error as SetupError {
                print(error.description)
                throw ExitCode.failure
            }
            print("Учётная запись \(login) заблокирована, сеансы завершены, листки аннулированы.")
            print("Действия с \(since): \(report.operations.count)")
            for op in report.operations {
                let at = SchoolDateTime(unixSeconds: op.at, offsetMinutes: clock.utcOffsetMinutes)
                print("  \(at)  \(op.action)  \(op.entity)\(op.entityID.map { " № \($0)" } ?? "")  \(op.oldValue ?? "") → \(op.newValue ?? "")  \(op.address)")
            }
            report.reverted.forEach { print("отменено: \($0)") }
            report.flagged.forEach { print("ВНИМАНИЕ: \($0)") }
        }
    }
}

/// Issues slips for `people`, with progress, and writes the PDF.
func issue(_ db: Database, people: [Int], out: String) throws {
    let clock = SchoolClock()
    var shown = -1
    let slips = try AccountsDesk(database: db).issueSlips(people: people, today: clock.today, by: .console(at: clock.unixNow())) { done, total in
        let percent = done * 100 / max(1, total)
        if percent / 10 != shown / 10 || done == total {
            shown = percent
            print("Листки: \(done) из \(total)")
        }
    }
    try TextFile.write(bytes: LoginSlipSheet.pdf(slips), to: out)
    print("Записано \(slips.count) листков (\((slips.count + 7) / 8) стр.) в \(out). Прежние пароли и листки этих людей больше не действуют.")
}

func changeLock(_ path: String, login: String, lock: Bool, reason: String) throws {
    let db = try Database.open(path: path, create: false)
    defer { db.close() }
    do {
        try PeopleDesk(database: db).setLock(login: login, locked: lock, reason: reason, by: .console(at: SchoolClock().unixNow()))
    } catch let error as DeskError {
        throw ValidationError(error.message)
    }
}
