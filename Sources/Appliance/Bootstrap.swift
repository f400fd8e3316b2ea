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
        let app = App(database: database, clock: clock, logger: logger)
        let server = HTTPServer(configuration: configuration, logger: logger,
                                errorPage: { app.errorPage($0) },
                                slowWork: { app.slowWork($0) },
                                responder: { app.respond(to: $0) })
        try server.start()
        logger.notice("Tabel \(App.version) слушает \(describe(configuration.listen, port: server.port)), база \(databasePath)")
        ready(server.port)
        let signal = StopSignals.wait()
        logger.notice("получен сигнал \(signal): завершаю обработку запросов")
        server.stop()
        database.close()
        logger.notice("остановлен")
    }

    static func describe(_ listen: ServerConfiguration.Listen, port: UInt16) -> String {
        switch listen {
        case let .address(host, _): host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
        case let .socket(fd): "сокет systemd (fd \(fd))"
        }
    }
}
