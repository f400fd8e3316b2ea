import Dispatch
import Domain
import Storage

/// The server's background sender: every so often it takes the e-mail due in the queue and
/// hands each to the school's relay (settings `smtp_host`, `smtp_port`, `smtp_from`); a failure
/// is tried again after a growing pause (1, 2, 4 … minutes, at most 6 hours), and every message
/// stays in the queue, sent or not. Requests never wait for it: they only queue.
public final class MailSender: @unchecked Sendable {
    let database: Database
    let log: @Sendable (String) -> Void
    let now: @Sendable () -> Int
    let queue = DispatchQueue(label: "tabel.mail")
    var timer: (any DispatchSourceTimer)?

    public init(database: Database, now: @escaping @Sendable () -> Int, log: @escaping @Sendable (String) -> Void) {
        self.database = database
        self.now = now
        self.log = log
    }

    /// The pause before attempt `attempts + 1`.
    public static func backoff(attempts: Int) -> Int { min(60 << min(attempts, 20), 6 * 3600) }

    /// Sends what is due now; returns how many went and how many failed.
    @discardableResult
    public func deliverDue() throws -> (sent: Int, failed: Int) {
        let settings = try database.read { try $0.schoolSettings() }
        guard !settings.smtpHost.isEmpty, !settings.smtpFrom.isEmpty else { return (0, 0) }
        let relay = SMTPRelay(host: settings.smtpHost, port: settings.smtpPort, from: settings.smtpFrom)
        var sent = 0, failed = 0
        for mail in try database.read({ try $0.dueMail(now: now()) }) {
            let at = now()
            let message = MailMessage.format(from: relay.from, to: mail.to, subject: mail.subject, body: mail.body,
                                             date: MailMessage.date(unixSeconds: at), messageID: "\(mail.id).\(at)@tabel")
            do {
                try relay.send(to: mail.to, message: message)
                try database.write { try $0.mailSent(mail.id, at: at) }
                sent += 1
            } catch {
                let next = at + Self.backoff(attempts: mail.attempts)
                try database.write { try $0.mailFailed(mail.id, error: String(describing: error), nextAt: next) }
                log("письмо № \(mail.id) не отправлено (попытка \(mail.attempts + 1)): \(error); следующая через \(next - at) с")
                failed += 1
            }
        }
        return (sent, failed)
    }

    /// Runs `deliverDue` every `interval` seconds, and `also` beside it, off the server's threads.
    public func start(interval: Int = 30, also: @escaping @Sendable () -> Void = {}) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .seconds(interval), repeating: .seconds(interval))
        timer.setEventHandler { [self] in
            do { try deliverDue() } catch { log("очередь писем: \(error)") }
            also()
        }
        timer.resume()
        self.timer = timer
    }

    /// Stops the timer and waits for a delivery under way.
    public func stop() {
        timer?.cancel()
        queue.sync {}
        timer = nil
    }
}
