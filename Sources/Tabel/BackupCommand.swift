import ArgumentParser
import Backup
import Secrets
import Storage
#if canImport(Glibc)
import Glibc
#endif

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Резервные копии: запись на носители, проверка, список, восстановление.",
        subcommands: [Run.self, Verify.self, List.self, Restore.self, Key.self])

    /// `--key HEX`: public keys trusted besides the box's own.
    struct Keys: ParsableArguments {
        @Option(name: .customLong("key"), help: "Открытый ключ (hex), которому доверять кроме ключа этого сервера; можно несколько.")
        var extra: [String] = []

        /// The box's own public key (when it has one) and the given ones.
        func trusted(database: String) throws -> [[UInt8]] {
            var keys: [[UInt8]] = []
            do {
                if let own = try BackupKey.load(at: BackupKey.path(besideDatabase: database)) { keys.append(own.publicKey) }
            } catch {
                say(String(describing: error))
            }
            for text in extra {
                guard let key = Hex.decode(text), key.count == 32 else { throw ValidationError("--key: ожидается 64 шестнадцатеричные цифры") }
                keys.append(key)
            }
            if keys.isEmpty {
                say("Нет ключа для проверки подписи: ключа этого сервера нет рядом с базой, --key не задан.")
                throw ExitCode.failure
            }
            return keys
        }
    }


    static var scratch: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/var/tmp"
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Снять копию работающей базы, записать на каждый носитель, прочитать обратно и проверить; код выхода 1, если хоть один носитель не получил проверенную копию.",
            discussion: """
                Копия сжимается (zstd), рядом пишется манифест (….manifest.json), подписанный ключом этого сервера. \
                Старые копии того же вида удаляются: хранится 8 еженедельных, 12 ежемесячных и все годовые. \
                Без --to носители берутся из TABEL_BACKUP_TO (каталоги через двоеточие).
                """)

        @OptionGroup var database: DatabaseOption

        @Option(name: .customLong("to"), help: "Каталог на носителе; можно несколько.")
        var media: [String] = []

        @Option(help: "Вид копии: weekly, monthly или yearly.")
        var kind: String = "weekly"

        @Flag(name: .customLong("require-mount"), help: "Каждый носитель должен быть отдельной точкой монтирования (а не пустым каталогом на диске сервера).")
        var requireMount = false

        func validate() throws {
            guard BackupKind(rawValue: kind) != nil else { throw ValidationError("--kind: weekly, monthly или yearly") }
        }

        func run() throws {
            var media = self.media
            if media.isEmpty, let env = getenv("TABEL_BACKUP_TO").map({ String(cString: $0) }) {
                media = env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
            }
            let request = BackupRequest(database: database.resolved, media: media, kind: BackupKind(rawValue: kind)!, requireMount: requireMount)
            let outcome: BackupOutcome
            do {
                outcome = try Backups.run(request) { say($0) }
            } catch {
                say("Резервная копия не сделана: \(error)")
                throw ExitCode.failure
            }
            for medium in outcome.media {
                if let file = medium.file {
                    say("ГОТОВО  \(medium.medium): \(file) записана и проверена.")
                } else {
                    say("ОШИБКА  \(medium.medium): копия НЕ записана — \(medium.failure ?? "")")
                }
            }
            if !outcome.succeeded {
                let failed = outcome.media.filter { !$0.ok }.map(\.medium)
                say("Резервная копия не записана на: \(failed.joined(separator: ", ")).")
                throw ExitCode.failure
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Проверить копию: подпись манифеста, размер, BLAKE2b, integrity_check, foreign_key_check, журнал изменений; код выхода 0 — годна, 1 — нет (с причиной).")

        @Argument(help: "Файл копии (….sqlite.zst) или её манифест.")
        var file: String

        @OptionGroup var database: DatabaseOption
        @OptionGroup var keys: Keys

        func run() throws {
            let trusted = try keys.trusted(database: database.resolved)
            do {
                let verified = try Backups.verify(file, trusting: trusted, scratch: BackupCommand.scratch)
                let m = verified.manifest
                say("Копия годна: \(verified.files.data)")
                say("  школа «\(m.school)», схема \(m.schemaVersion), снята \(m.createdUTC), вид \(m.kind.rawValue)")
                say("  отметок \(m.marks), пропусков \(m.absences), записей журнала изменений \(m.auditRows), голова № \(m.auditHeadID) \(m.auditHeadHash)")
            } catch {
                say("Копия не годится: \(error.reason)")
                throw ExitCode.failure
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Список копий в каталоге с быстрой проверкой (подпись и размер); полная проверка — backup verify.")

        @Option(name: .customLong("in"), help: "Каталог с копиями.")
        var directory: String

        @OptionGroup var database: DatabaseOption
        @OptionGroup var keys: Keys

        func run() throws {
            let trusted = try keys.trusted(database: database.resolved)
            guard let listed = Backups.list(in: directory, trusting: trusted) else {
                say("Каталог \(directory) не читается.")
                throw ExitCode.failure
            }
            if listed.isEmpty { say("В \(directory) копий нет.") }
            for item in listed {
                let name = item.files.data.split(separator: "/").last.map(String.init) ?? item.files.data
                if let m = item.manifest {
                    let state = item.problem.map { "НЕ ГОДНА: \($0)" } ?? "подпись верна"
                    say("\(m.createdUTC)  \(m.kind.rawValue)  \(name)  \(m.compressedBytes / 1024) КиБ  отметок \(m.marks)  \(state)")
                } else {
                    say("\(name)  НЕ ГОДНА: \(item.problem ?? "")")
                }
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Восстановить базу из копии: сначала полная проверка; прежняя база остаётся рядом (….before-restore-ВРЕМЯ).",
            discussion: """
                Если сервер работает под systemd (tabel.service), он останавливается на время восстановления и запускается снова. \
                Если база открыта другим процессом (сервер запущен вручную), восстановление отказывается: остановите сервер. \
                Копия со старой схемой обновляется миграциями.
                """)

        @Argument(help: "Файл копии (….sqlite.zst) или её манифест.")
        var file: String

        @OptionGroup var database: DatabaseOption
        @OptionGroup var keys: Keys

        @Option(help: "Юнит systemd сервера.")
        var unit: String = "tabel.service"

        func run() throws {
            let trusted = try keys.trusted(database: database.resolved)
            do {
                let outcome = try Backups.restore(RestoreRequest(file: file, database: database.resolved, keys: trusted, unit: unit)) { say($0) }
                say("База \(database.resolved) восстановлена из копии от \(outcome.manifest.createdUTC): отметок \(outcome.manifest.marks), записей журнала изменений \(outcome.manifest.auditRows).")
                if let from = outcome.migratedFrom { say("Схема обновлена с \(from).") }
                if let previous = outcome.previous { say("Прежняя база оставлена в \(previous); удалите её, когда убедитесь, что всё на месте.") }
            } catch {
                say("Восстановление не выполнено: \(error)")
                throw ExitCode.failure
            }
        }
    }

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Напечатать открытый ключ, которым сервер подписывает копии (ключ создаётся при первом использовании).",
            discussion: "Запишите ключ на бумаге: с ним копию можно проверить и восстановить на другом сервере (--key).")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let path = BackupKey.path(besideDatabase: database.resolved)
            DatabaseLocation.prepareDirectory(for: database.resolved)
            do {
                let key = try BackupKey.loadOrCreate(at: path)
                say(Hex.encode(key.publicKey))
            } catch {
                say("Ключ \(path): \(error)")
                throw ExitCode.failure
            }
        }
    }
}

/// One line to standard output at once, unbuffered: progress of long work shows as it happens
/// (under systemd too, where stdout is not a terminal).
func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let n = write(1, bytes.baseAddress! + offset, bytes.count - offset)
            if n <= 0 { return }
            offset += n
        }
    }
}
