import Domain
import HTTP
import Logging
import Storage

/// Runs the server until SIGTERM or SIGINT: open and check the database, start the daemon,
/// wait, stop the server (its workers drained, every suspended request completed), and only
/// then close the database.
public enum Bootstrap {
    public static func serve(databasePath: String, configuration: ServerConfiguration, clock: SchoolClock,
                             logger: Logger, ready: (UInt16) -> Void = { _ in }) throws {
        StopSignals.block()
        DatabaseLocation.prepareDirectory(for: databasePath)
        let database = try Database.open(path: databasePath)
        let app = App(database: database, clock: clock, logger: logger, uploadLimit: configuration.maxBodyBytes)
        let server = HTTPServer(configuration: configuration, logger: logger,
                                errorPage: { app.errorPage($0) },
                                slowWork: { app.slowWork($0) },
                                responder: { app.respond(to: $0) })
        try server.start()
        logger.notice("Tabel \(App.version) слушает \(describe(configuration.listen, port: server.port))\(configuration.tls == nil ? "" : " и HTTPS на порту \(server.tlsPort)"), база \(databasePath)")
        checkAuditTrail(database, logger: logger)
        ready(server.port)
        let signal = StopSignals.wait()
        logger.notice("получен сигнал \(signal): завершаю обработку запросов")
        server.stop()
        database.close()
        logger.notice("остановлен")
    }

    /// Walks the audit rows appended since the last start, once the server answers (a long
    /// walk delays no one); a broken chain is logged and the server goes on (the school's work
    /// goes on while someone looks into it).
    /// The head goes to the log, outside the file, where a rewritten chain cannot reach it.
    static func checkAuditTrail(_ database: Database, logger: Logger) {
        do {
            let check = try database.verifyNewAuditEntries()
            if let breach = check.breach {
                logger.warning("журнал изменений нарушен: \(breach); проверьте его целиком: tabel audit verify")
            } else {
                logger.notice("журнал изменений цел до записи № \(check.last.id) (новых записей: \(check.checked)), хэш \(check.last.hex)")
            }
        } catch {
            logger.warning("журнал изменений не проверен: \(error)")
        }
    }

    static func describe(_ listen: ServerConfiguration.Listen, port: UInt16) -> String {
        switch listen {
        case let .address(host, _): host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
        case let .socket(fd): "сокет systemd (fd \(fd))"
        }
    }
}
