import ArgumentParser

struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup", abstract: "Настройка школы: демонстрационная школа, импорт, параметры.",
        subcommands: [])
}
