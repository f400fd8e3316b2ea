import Domain
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Writes each log line to standard error with a single `write(2)`: no lock, no buffering,
/// cheap enough for one access-log line per request.
///
/// Under systemd (`JOURNAL_STREAM` set) a line starts with the syslog priority (`<6>`) that
/// journald reads, and the journal adds the time; elsewhere it starts with the local time.
public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let toJournal: Bool
    /// Read once: `localtime_r` takes a process-wide lock, too dear for every line.
    let utcOffsetMinutes = SchoolClock.systemUTCOffsetMinutes
    let timestamps = Timestamps()

    public init(label: String) {
        toJournal = getenv("JOURNAL_STREAM") != nil
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) { emit(level: event.level, message: event.message) }

    func emit(level: Logger.Level, message: Logger.Message) {
        var text: String
        if toJournal {
            text = "<" + String(Self.priority(level)) + ">"
        } else {
            text = timestamps.text(offsetMinutes: utcOffsetMinutes) + " " + Self.name(level) + " "
        }
        text += message.description
        text += "\n"
        var bytes = text
        bytes.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// The level's name, without `String(describing:)` and its dynamic casts.
    static func name(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}

/// The current second as `YYYY-MM-DD HH:MM:SS`, formatted once a second, not once a line.
final class Timestamps: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var second = -1
    private var cached = ""

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func text(offsetMinutes: Int) -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let now = Int(ts.tv_sec)
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if now != second {
            let moment = SchoolDateTime(unixSeconds: now, offsetMinutes: offsetMinutes)
            let seconds = ((now + offsetMinutes * 60) % 60 + 60) % 60
            cached = moment.date.iso + " " + moment.time.description + ":" + pad(seconds, 2)
            second = now
        }
        return cached
    }
}
