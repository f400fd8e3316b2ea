/// A calendar date in the school's own time zone, as written in journals: no time, no zone.
///
/// Stored and exchanged as `YYYY-MM-DD`. Arithmetic goes through a day number
/// (days since 1970-01-01), after Howard Hinnant's `days_from_civil`.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date; returns nil for impossible ones (31 April, 29 February 2027).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Parses `YYYY-MM-DD` exactly (no other separators, no missing digits).
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = Self.digits(u[0..<4]), let m = Self.digits(u[5..<7]), let d = Self.digits(u[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses the Russian way of writing a date, `ДД.ММ.ГГГГ`.
    public init?(russian text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let d = Self.digits(Array(parts[0].utf8)[...]), let m = Self.digits(Array(parts[1].utf8)[...]),
              let y = Self.digits(Array(parts[2].utf8)[...])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The Monday of this date's week.
    public var startOfWeek: CivilDate { adding(days: 1 - weekday) }

    /// `YYYY-MM-DD`.
    public var iso: String {
        Self.ascii(10) { put(year, 4, $0, 0); $0[4] = dash; put(month, 2, $0, 5); $0[7] = dash; put(day, 2, $0, 8) }
    }

    /// `ДД.ММ.ГГГГ`, as Russian documents write dates.
    public var russian: String {
        Self.ascii(10) { put(day, 2, $0, 0); $0[2] = dot; put(month, 2, $0, 3); $0[5] = dot; put(year, 4, $0, 6) }
    }

    /// `ДД.ММ`, for column headers.
    public var shortRussian: String { Self.ascii(5) { put(day, 2, $0, 0); $0[2] = dot; put(month, 2, $0, 3) } }

    /// A date written straight into a string of `count` ASCII bytes: pages and queries write
    /// dates thousands of times, and joining padded pieces cost more than the rest of a header.
    private static func ascii(_ count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> String {
        String(unsafeUninitializedCapacity: count) { write($0); return count }
    }

    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

private let dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")

/// `value` (0 and up) as `width` decimal digits at `at`.
private func put(_ value: Int, _ width: Int, _ buffer: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
    var v = value
    for k in (at..<at + width).reversed() {
        buffer[k] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
    }
}

/// Zero-padded decimal, used for dates and times.
@inlinable
public func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// A time of day in minutes since midnight, written `HH:MM`.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses `H:MM` or `HH:MM`.
    public init?(_ text: some StringProtocol) {
        var u = Array(text.utf8)
        if u.count == 4 { u.insert(UInt8(ascii: "0"), at: 0) }
        guard u.count == 5, u[2] == UInt8(ascii: ":"),
              let h = CivilDate.digits(u[0..<2]), let m = CivilDate.digits(u[3..<5]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }
    public var description: String { pad(hour, 2) + ":" + pad(minute, 2) }
    public func adding(minutes m: Int) -> TimeOfDay { TimeOfDay(minutes: minutes + m) }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}

/// A moment on the school's wall clock: a date and the minutes since its midnight.
public struct SchoolDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    public let time: TimeOfDay

    public init(date: CivilDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DDTHH:MM` (a space is accepted for the `T`).
    public init?(iso text: some StringProtocol) {
        let s = String(text)
        guard s.utf8.count == 16 else { return nil }
        let datePart = s.prefix(10)
        let sep = s.dropFirst(10).prefix(1)
        guard sep == "T" || sep == " ", let d = CivilDate(iso: datePart), let t = TimeOfDay(s.suffix(5)) else { return nil }
        self.init(date: d, time: t)
    }

    /// The moment `seconds` after the Unix epoch, seen `offsetMinutes` east of UTC.
    public init(unixSeconds seconds: Int, offsetMinutes: Int) {
        let local = seconds + offsetMinutes * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        date = CivilDate(dayNumber: days)
        time = TimeOfDay(minutes: (local - days * 86_400) / 60)
    }

    /// Seconds since the Unix epoch of this wall-clock moment at `offsetMinutes` east of UTC.
    public func unixSeconds(offsetMinutes: Int) -> Int {
        date.dayNumber * 86_400 + time.minutes * 60 - offsetMinutes * 60
    }

    public var description: String { date.iso + "T" + time.description }

    public static func < (a: SchoolDateTime, b: SchoolDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }
}
