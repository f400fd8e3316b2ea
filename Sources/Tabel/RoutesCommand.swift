import Appliance
import ArgumentParser
import Domain
import Logging

/// `tabel routes --json`: the route table, for the check suite that covers every route
/// (`make check-web`). Hidden: not a command for the school.
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "routes", abstract: "Таблица маршрутов (JSON) для проверок.", shouldDisplay: false)

    @OptionGroup var database: DatabaseOption
    @Flag(help: "JSON (единственный формат).") var json = false

    func run() throws {
        let db = try database.openForCheck()
        defer { db.close() }
        let app = App(database: db, clock: SchoolClock(), logger: Logger(label: "routes"))
        print(String(decoding: app.routeTableJSON, as: UTF8.self))
    }
}
