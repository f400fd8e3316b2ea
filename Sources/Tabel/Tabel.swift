import ArgumentParser
import Storage

/// The `tabel` command: the server and the setup tooling.
@main
struct Tabel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tabel",
        abstract: "Табель — электронный журнал и дневник школы на одном сервере в школьной сети.",
        version: "0.1.0",
        subcommands: [Serve.self, SetupCommand.self, AccountsCommand.self, KioskCommand.self, DatabaseCommand.self, AuditCommand.self, BackupCommand.self,
                      PrintCommand.self, YearCommand.self, ExportCommand.self, RoutesCommand.self])
}

/// `--db`, shared by every command that opens the school's database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "Файл базы данных (по умолчанию db из /etc/tabel/tabel.conf, $STATE_DIRECTORY/tabel.sqlite или ./var/tabel.sqlite).")
    var path: String?

    /// The flag, else `db` of /etc/tabel/tabel.conf (so commands on the box find the school's file), else the default.
    var resolved: String {
        path ?? (try? ConfigFile.load(path: nil, keys: Serve.configKeys))?["db"] ?? DatabaseLocationDefault.path
    }

    /// Opens an existing database (setup commands that create one call `Database.open` themselves).
    func open() throws -> Database { try Database.open(path: resolved, create: false) }

    /// Opens an existing database for a check: a missing or refused file is said and exits 1.
    func openForCheck() throws -> Database {
        guard DatabaseLocation.exists(resolved) else {
            print("Файл \(resolved) не найден.")
            throw ExitCode.failure
        }
        do {
            return try open()
        } catch {
            print(String(describing: error))
            throw ExitCode.failure
        }
    }
}
