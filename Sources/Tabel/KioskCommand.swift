import ArgumentParser
import Desks
import Domain
import Secrets
import Setup
import Storage

struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk", abstract: "Киоски в холле: регистрация экранов.", subcommands: [Register.self])

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Зарегистрировать экран-киоск: печатает одноразовый адрес, который нужно один раз открыть на этом экране.",
            discussion: "Повторная регистрация того же названия отключает прежний экран и выдаёт новый адрес.")

        @OptionGroup var database: DatabaseOption
        @Argument(help: "Название экрана, например «Холл, 1 этаж».") var name: String

        func validate() throws {
            guard !name.trimmingWhitespace.isEmpty, name.count <= 60 else { throw ValidationError("Название: от 1 до 60 символов.") }
        }

        func run() throws {
            let db = try database.open()
            defer { db.close() }
            let code = try KioskDesk(database: db).register(name: name, by: .console(at: SchoolClock().unixNow()))
            let school = try db.read { try $0.school() }
            var base = AccountsDesk.networkAddress(school)
            while base.hasSuffix("/") { base.removeLast() }
            print("Киоск «\(name)» зарегистрирован. Откройте на нём один раз адрес:")
            print("\(base)/kiosk/pair/\(code)")
            print("Адрес действует до первого открытия; экран запомнит себя в cookie браузера.")
        }
    }
}
