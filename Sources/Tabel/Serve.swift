import Appliance
import ArgumentParser
import Domain
import HTTP
import Logging
import Storage
#if canImport(Glibc)
import Glibc
#endif

enum DatabaseLocationDefault {
    static var path: String { DatabaseLocation.defaultPath }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Запустить веб-сервер журнала.",
        discussion: """
        Параметры берутся из /etc/tabel/tabel.conf (или --config), строки «ключ = значение» с именами \
        параметров ниже (listen, tls-listen, db, …); параметры командной строки важнее файла. \
        Под systemd принимает сокеты из LISTEN_FDS (сокет с именем https — HTTPS); останавливается \
        по SIGTERM, дождавшись начатых запросов.
        """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Файл настроек (по умолчанию /etc/tabel/tabel.conf, если он есть).")
    var config: String?

    @Option(help: "Адрес и порт HTTP: HOST:PORT, [IPv6]:PORT или :PORT (по умолчанию 127.0.0.1:8080).")
    var listen: String?

    @Option(help: "Адрес и порт HTTPS (сертификат — tabel setup tls); HTTP тогда перенаправляет на HTTPS, кроме /healthz, /kiosk и /static.")
    var tlsListen: String?

    @Option(help: "Сертификат HTTPS, PEM (по умолчанию tls.crt рядом с базой).")
    var tlsCert: String?

    @Option(help: "Ключ HTTPS, PEM (по умолчанию tls.key рядом с базой).")
    var tlsKey: String?

    @Option(help: "Запустить часы сервера с этого момента, «ГГГГ-ММ-ДДTЧЧ:ММ» (для демонстраций и тестов).")
    var now: String?

    @Option(help: "Потоков обработки запросов (по умолчанию по числу ядер).")
    var threads: Int?

    @Option(help: "Секунд бездействия до закрытия соединения (30).")
    var connectionTimeout: Int?

    @Option(help: "Соединений одновременно, всего (1000).")
    var connectionLimit: Int?

    @Option(help: "Соединений одновременно с одного адреса (200; класс за одним роутером — один адрес).")
    var perIpLimit: Int?

    @Option(help: "Байт памяти на соединение, заголовки и буферы (16384).")
    var connectionMemory: Int?

    @Option(help: "Наибольший размер тела запроса, байт (8388608).")
    var maxBody: Int?

    @Option(help: "Уровень журнала: trace, debug, info, notice, warning, error (info).")
    var logLevel: String?

    /// Keys of the configuration file: the long names of the options above, except `now` and `config`.
    static let configKeys: Set<String> = ["db", "listen", "tls-listen", "tls-cert", "tls-key", "threads", "connection-timeout",
                                          "connection-limit", "per-ip-limit", "connection-memory", "max-body", "log-level"]

    /// The options after the layers: flag, then the configuration file, then the default.
    struct Settings {
        var db: String
        var listen: String
        var tlsListen: String?
        var tlsCert: String
        var tlsKey: String
        var threads: Int
        var connectionTimeout: Int
        var connectionLimit: Int
        var perIpLimit: Int
        var connectionMemory: Int
        var maxBody: Int
        var logLevel: String
    }

    func settings() throws -> Settings {
        let file: ConfigFile
        do {
            file = try ConfigFile.load(path: config, keys: Self.configKeys)
        } catch {
            throw ValidationError(String(describing: error))
        }
        func number(_ flag: Int?, _ key: String, _ fallback: Int) throws -> Int {
            if let flag { return flag }
            guard let text = file[key] else { return fallback }
            guard let n = Int(text) else { throw ValidationError("\(config ?? ConfigFile.defaultPath): \(key) — ожидается число, получено «\(text)».") }
            return n
        }
        let db = database.path ?? file["db"] ?? DatabaseLocationDefault.path
        let directory = db.lastIndex(of: "/").map { String(db[..<$0]) } ?? "."
        return Settings(
            db: db,
            listen: listen ?? file["listen"] ?? "127.0.0.1:8080",
            tlsListen: tlsListen ?? file["tls-listen"],
            tlsCert: tlsCert ?? file["tls-cert"] ?? directory + "/" + TLSCredentials.certificateFile,
            tlsKey: tlsKey ?? file["tls-key"] ?? directory + "/" + TLSCredentials.keyFile,
            threads: try number(threads, "threads", ServerConfiguration.cores),
            connectionTimeout: try number(connectionTimeout, "connection-timeout", 30),
            connectionLimit: try number(connectionLimit, "connection-limit", 1000),
            perIpLimit: try number(perIpLimit, "per-ip-limit", 200),
            connectionMemory: try number(connectionMemory, "connection-memory", 16 * 1024),
            maxBody: try number(maxBody, "max-body", 8 * 1024 * 1024),
            logLevel: logLevel ?? file["log-level"] ?? "info")
    }

    func validate() throws {
        if let now, SchoolDateTime(iso: now) == nil {
            throw ValidationError("--now: ожидается «ГГГГ-ММ-ДДTЧЧ:ММ», получено «\(now)».")
        }
        let s = try settings()
        if ServerConfiguration.parseListen(s.listen) == nil {
            throw ValidationError("--listen: ожидается HOST:PORT, получено «\(s.listen)».")
        }
        if let tls = s.tlsListen, ServerConfiguration.parseListen(tls) == nil {
            throw ValidationError("--tls-listen: ожидается HOST:PORT, получено «\(tls)».")
        }
        if Logger.Level(rawValue: s.logLevel) == nil { throw ValidationError("--log-level: неизвестный уровень «\(s.logLevel)».") }
        guard s.threads >= 1, s.connectionTimeout >= 1, s.connectionLimit >= 1, s.perIpLimit >= 1,
              s.connectionMemory >= 4096, s.maxBody >= 1024 else {
            throw ValidationError("Пределы сервера должны быть положительными (память ≥ 4096, тело ≥ 1024 байт).")
        }
    }

    /// Paths the plain listener answers itself when HTTPS is on: the health check (monitoring
    /// and `make deb-test` speak plain HTTP), the hallway kiosk with the styles and scripts its
    /// pages load (the kiosk screen on the school's LAN opens `http://…/kiosk`, and a self-signed
    /// certificate would stop it at the browser's warning). Everything else is redirected.
    static let plainPaths = ["/healthz", "/kiosk", "/static"]

    func run() throws {
        LoggingSystem.bootstrap(LineLogHandler.init)
        let s = try settings()
        var logger = Logger(label: "tabel")
        logger.logLevel = Logger.Level(rawValue: s.logLevel) ?? .info
        var clock = SchoolClock()
        if let now, let moment = SchoolDateTime(iso: now) {
            clock = SchoolClock.starting(at: moment)
            logger.warning("часы сервера запущены с \(moment): только для демонстраций и тестов")
        }
        // Under systemd the ports are the sockets' (tabel.socket; tabel-https.socket, named "https").
        let sockets = ServerConfiguration.systemdSockets()
        let plainSocket = sockets.first { $0.name != "https" }?.fd
        let tlsSocket = sockets.first { $0.name == "https" }?.fd
        let listen: ServerConfiguration.Listen = plainSocket.map { .socket($0) } ?? ServerConfiguration.parseListen(s.listen)!
        var configuration = ServerConfiguration(listen: listen, threads: s.threads)
        configuration.connectionTimeout = s.connectionTimeout
        configuration.connectionLimit = s.connectionLimit
        configuration.perIPConnectionLimit = s.perIpLimit
        configuration.connectionMemoryLimit = s.connectionMemory
        configuration.maxBodyBytes = s.maxBody
        let tlsListen: ServerConfiguration.Listen? = tlsSocket.map { .socket($0) } ?? (sockets.isEmpty ? s.tlsListen.flatMap(ServerConfiguration.parseListen) : nil)
        if let tlsListen {
            do {
                let credentials = try TLSCredentials.load(certificate: s.tlsCert, key: s.tlsKey)
                configuration.tls = .init(listen: tlsListen, credentials: credentials, plainPaths: Self.plainPaths)
                if credentials.expires < Int64(time(nil)) + 30 * 86400 {
                    logger.warning("сертификат HTTPS \(s.tlsCert) истекает \(CivilDateTimeText.utc(credentials.expires)): обновите его (tabel setup tls)")
                }
            } catch {
                logger.critical("HTTPS не запущен: \(error). Сертификат и ключ делает tabel setup tls.")
                throw ExitCode.failure
            }
        }
        do {
            try Bootstrap.serve(databasePath: s.db, configuration: configuration, clock: clock, logger: logger)
        } catch {
            logger.critical("\(String(describing: error))")
            throw ExitCode.failure
        }
    }
}

/// A moment in seconds since 1970 as `YYYY-MM-DD` (UTC), for log lines.
enum CivilDateTimeText {
    static func utc(_ seconds: Int64) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }
}
