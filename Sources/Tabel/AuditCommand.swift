import ArgumentParser
import Storage

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Журнал изменений.", subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Проверить цепочку хэшей журнала изменений от первой записи до последней; код выхода 0 — цела, 1 — нарушена.",
            discussion: """
                Находит запись, изменённую, удалённую или добавленную в обход Tabel (например, в sqlite3). \
                Печатает последнюю запись и её хэш: сравните их с записанными раньше вне базы \
                (вывод прошлой проверки, журнал сервера при запуске), чтобы заметить и переписанную целиком цепочку.
                """)

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let db = try database.openForCheck()
            defer { db.close() }
            let check: AuditChainCheck
            do {
                check = try db.verifyAuditTrail()
            } catch {
                print(String(describing: error))
                throw ExitCode.failure
            }
            if let breach = check.breach {
                print("Журнал изменений нарушен: \(breach).")
                print("Проверено записей до нарушения: \(check.checked).")
                throw ExitCode.failure
            }
            print("Журнал изменений цел: \(check.checked) \(records(check.checked)).")
            print("Последняя запись № \(check.last.id), хэш \(check.last.hex).")
        }

        func records(_ n: Int) -> String {
            switch (n % 10, n % 100) {
            case (1, let h) where h != 11: "запись"
            case (2...4, let h) where !(12...14).contains(h): "записи"
            default: "записей"
            }
        }
    }
}
