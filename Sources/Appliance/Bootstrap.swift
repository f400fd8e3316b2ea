import Desks
import Dispatch
import Domain
import HTTP
import Logging
import Mail
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
        // A full disk, a failed check: logged once when it appears and once when it clears.
        database.observeHealth { cause, reason in
            if let reason {
                logger.critical("база работает с ограничениями (\(cause)): \(reason)")
            } else {
                logger.notice("база снова в порядке (\(cause)): записи сохраняются")
            }
        }
        let app = App(database: database, clock: clock, logger: logger, uploadLimit: configuration.maxBodyBytes)
        let server = HTTPServer(configuration: configuration, logger: logger,
                                errorPage: { app.errorPage($0, path: $1) },
                                slowWork: { app.slowWork($0) },
                                responder: { app.respond(to: $0) })
        try server.start()
        logger.notice("Tabel \(App.version) слушает \(describe(configuration.listen, port: server.port))\(configuration.tls == nil ? "" : " и HTTPS на порту \(server.tlsPort)"), база \(databasePath)")
        verifyInBackground(database, logger: logger)
        checkAuditTrail(database, logger: logger)
        let mail = startMail(database, clock: clock, logger: logger)
        ready(server.port)
        let signal = StopSignals.wait()
        logger.notice("получен сигнал \(signal): завершаю обработку запросов")
        server.stop()
        mail.stop()
        RefusalLog(database: database).flush()
        database.close()
        logger.notice("остановлен")
    }

    /// The start-up check was skipped when the file was unchanged since its last clean stop
    /// (the `.verified` stamp: size, mtime, inode); a byte flipped under a kept mtime would
    /// pass that, so the content is checked now, in the background, while the server answers.
    /// A failure marks `/healthz` degraded. Every decision is logged.
    @discardableResult
    public static func verifyInBackground(_ database: Database, logger: Logger) -> DispatchWorkItem? {
        guard database.checkSkippedAtOpen else {
            logger.notice("база \(database.path) проверена при запуске (quick_check): отметки .verified не было или файл менялся")
            return nil
        }
        logger.notice("проверка при запуске пропущена: \(database.path) не менялся с чистой остановки (отметка .verified снята); проверяю содержимое в фоне")
        let work = DispatchWorkItem {
            let problems = database.verifyContent()
            if problems.isEmpty {
                logger.notice("фоновая проверка \(database.path): содержимое цело (quick_check)")
            } else {
                let found = problems.prefix(5).joined(separator: "; ")
                logger.critical("фоновая проверка: база данных \(database.path) повреждена: \(found). Работа продолжается, /healthz сообщает degraded. \(Database.wayBack(database.path))")
            }
        }
        DispatchQueue.global(qos: .utility).async(execute: work)
        return work
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

    /// The e-mail queue's background sender, and beside it the families' weekly summary (on
    /// Mondays from 07:00, once a week).
    static func startMail(_ database: Database, clock: SchoolClock, logger: Logger) -> MailSender {
        let sender = MailSender(database: database, now: { clock.unixNow() }, log: { logger.warning("\($0)") })
        sender.start {
            let now = clock.now()
            guard now.date.weekday == 1, now.time >= TimeOfDay(minutes: 7 * 60) else { return }
            do {
                let written = try NotificationsDesk(database: database).weeklySummary(monday: now.date, at: clock.unixNow())
                if written > 0 { logger.notice("итоги недели для родителей: \(written)") }
            } catch {
                logger.warning("итоги недели не записаны: \(error)")
            }
        }
        return sender
    }

    static func describe(_ listen: ServerConfiguration.Listen, port: UInt16) -> String {
        switch listen {
        case let .address(host, _): host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
        case let .socket(fd): "сокет systemd (fd \(fd))"
        }
    }
}
