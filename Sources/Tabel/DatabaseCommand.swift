import ArgumentParser
import Storage

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Проверка базы данных.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Проверить целостность базы (integrity_check и foreign_key_check); код выхода 0 — исправна, 1 — нет.")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let path = database.resolved
            let db = try database.openForCheck()
            let problems: [String]
            do {
                problems = try db.check()
            } catch {
                print(String(describing: error))
                throw ExitCode.failure
            }
            if problems.isEmpty {
                print("База \(path) исправна.")
            } else {
                print("База \(path) повреждена:")
                problems.forEach { print("  \($0)") }
                print(Database.wayBack(path))
                throw ExitCode.failure
            }
        }
    }
}
