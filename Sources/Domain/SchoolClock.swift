#if canImport(Glibc)
import Glibc
#endif

/// The school's wall clock. Real time by default; for demos and tests it can start at a
/// fixed moment (`tabel serve --now`) and run on from there.
public struct SchoolClock: Sendable {
    /// Seconds added to the real time.
    public let shiftSeconds: Int
    /// The school's offset from UTC, in minutes (Moscow: 180).
    public let utcOffsetMinutes: Int

    public init(shiftSeconds: Int = 0, utcOffsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes) {
        self.shiftSeconds = shiftSeconds
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// A clock that reads `moment` now and runs on in real time.
    public static func starting(at moment: SchoolDateTime, utcOffsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes) -> SchoolClock {
        let shift = moment.unixSeconds(offsetMinutes: utcOffsetMinutes) - SchoolClock.realUnixSeconds()
        return SchoolClock(shiftSeconds: shift, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// Seconds since the Unix epoch on this clock.
    public func unixNow() -> Int { SchoolClock.realUnixSeconds() + shiftSeconds }

    /// The school's date and time now.
    public func now() -> SchoolDateTime { SchoolDateTime(unixSeconds: unixNow(), offsetMinutes: utcOffsetMinutes) }

    public var today: CivilDate { now().date }

    /// The machine's real time.
    public static func realUnixSeconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int(ts.tv_sec)
    }

    /// The offset of the machine's local time zone (the appliance's configured zone).
    public static var systemUTCOffsetMinutes: Int {
        var t = time_t(realUnixSeconds())
        var parts = tm()
        localtime_r(&t, &parts)
        return Int(parts.tm_gmtoff) / 60
    }
}
