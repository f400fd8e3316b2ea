import Appliance
import ArgumentParser
import Domain
import HTTP
import Logging
import Storage

enum DatabaseLocationDefault {
    static var path: String { DatabaseLocation.defaultPath }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Запустить веб-сервер журнала.",
        discussion: "Под systemd принимает сокет из LISTEN_FDS; останавливается по SIGTERM, дождавшись начатых запросов.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "Адрес и порт: HOST:PORT, [IPv6]:PORT или :PORT.")
    var listen = "127.0.0.1:8080"

    @Option(help: "Запустить часы сервера с этого момента, «ГГГГ-ММ-ДДTЧЧ:ММ» (для демонстраций и тестов).")
    var now: String?

    @Option(help: "Потоков обработки запросов (по умолчанию по числу ядер).")
    var threads: Int = ServerConfiguration.cores

    @Option(help: "Секунд бездействия до закрытия соединения.")
    var connectionTimeout = 30

    @Option(help: "Секунд на весь заголовок запроса, как бы медленно он ни шёл (независимо от --connection-timeout).")
    var headTimeout = 30

    @Option(help: "Секунд на тело запроса после заголовка.")
    var bodyTimeout = 120

    @Option(help: "Соединений одновременно, всего.")
    var connectionLimit = 1000

    @Option(help: "Соединений одновременно с одного адреса (класс за одним роутером — один адрес).")
    var perIpLimit = 200

    @Option(help: "Байт памяти на соединение (заголовки и буферы).")
    var connectionMemory = 16 * 1024

    @Option(help: "Наибольший размер тела запроса, байт.")
    var maxBody = 8 * 1024 * 1024

    @Option(help: "Уровень журнала: trace, debug, info, notice, warning, error.")
    var logLevel = "info"

    func validate() throws {
        if let now, SchoolDateTime(iso: now) == nil {
            throw ValidationError("--now: ожидается «ГГГГ-ММ-ДДTЧЧ:ММ», получено «\(now)».")
        }
        if ServerConfiguration.parseListen(listen) == nil {
            throw ValidationError("--listen: ожидается HOST:PORT, получено «\(listen)».")
        }
        if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level: неизвестный уровень «\(logLevel)».") }
        guard threads >= 1, connectionTimeout >= 1, headTimeout >= 1, bodyTimeout >= 1, connectionLimit >= 1, perIpLimit >= 1,
              connectionMemory >= 4096, maxBody >= 1024 else {
            throw ValidationError("Пределы сервера должны быть положительными (память ≥ 4096, тело ≥ 1024 байт).")
        }
    }

    func run() throws {
        LoggingSystem.bootstrap(LineLogHandler.init)
        var logger = Logger(label: "tabel")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var clock = SchoolClock()
        if let now, let moment = SchoolDateTime(iso: now) {
            clock = SchoolClock.starting(at: moment)
            logger.warning("часы сервера запущены с \(moment): только для демонстраций и тестов")
        }
        let listen: ServerConfiguration.Listen = ServerConfiguration.systemdSocket().map { .socket($0) }
            ?? ServerConfiguration.parseListen(self.listen)!
        var configuration = ServerConfiguration(listen: listen, threads: threads)
        configuration.connectionTimeout = connectionTimeout
        configuration.headTimeout = headTimeout
        configuration.bodyTimeout = bodyTimeout
        configuration.connectionLimit = connectionLimit
        configuration.perIPConnectionLimit = perIpLimit
        configuration.connectionMemoryLimit = connectionMemory
        configuration.maxBodyBytes = maxBody
        do {
            try Bootstrap.serve(databasePath: database.resolved, configuration: configuration, clock: clock, logger: logger)
        } catch {
            logger.critical("\(String(describing: error))")
            throw ExitCode.failure
        }
    }
}
