/// The one school this box serves.
public struct School: Sendable, Equatable {
    public var name: String
    public var shortName: String
    public var address: String
    /// Where people reach Tabel on the school network (printed on login slips).
    public var networkAddress: String

    public init(name: String, shortName: String = "", address: String = "", networkAddress: String = "") {
        self.name = name
        self.shortName = shortName
        self.address = address
        self.networkAddress = networkAddress
    }

    /// The name to show in headers: the short one when set.
    public var displayName: String { shortName.isEmpty ? name : shortName }
}

/// 1 September – 31 August.
public struct AcademicYear: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let startsOn: CivilDate
    public let endsOn: CivilDate

    public init(id: Int, name: String, startsOn: CivilDate, endsOn: CivilDate) {
        self.id = id
        self.name = name
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    /// "2026/2027" for the year starting in September of `startYear`.
    public static func name(startYear: Int) -> String { "\(startYear)/\(startYear + 1)" }

    /// The calendar year in which the academic year containing `date` started.
    public static func startYear(containing date: CivilDate) -> Int { date.month >= 9 ? date.year : date.year - 1 }
}

/// A quarter or a half-year.
public struct Period: Sendable, Equatable {
    public var dates: ClosedRange<CivilDate> { startsOn...endsOn }
    public let id: Int
    public let scheme: PeriodScheme
    public let number: Int
    public let name: String
    public let startsOn: CivilDate
    public let endsOn: CivilDate

    public init(id: Int, scheme: PeriodScheme, number: Int, name: String, startsOn: CivilDate, endsOn: CivilDate) {
        self.id = id
        self.scheme = scheme
        self.number = number
        self.name = name
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    public func contains(_ date: CivilDate) -> Bool { startsOn <= date && date <= endsOn }
}

/// One lesson slot of a bell schedule.
public struct Bell: Sendable, Equatable {
    public let number: Int
    public let startsAt: TimeOfDay
    public let endsAt: TimeOfDay

    public init(number: Int, startsAt: TimeOfDay, endsAt: TimeOfDay) {
        self.number = number
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}

/// A dated change to the timetable, as shown on the kiosk and in diaries.
public struct TimetableChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case substitution, cancelled, moved, replaced, added, room }

    public let className: String
    public let bellNumber: Int
    public let subject: String
    public let kind: Kind
    public let lessonID: Int
    /// What the diary shows («Замена: Петров П. П.») and why it was made.
    public let note: String
    public let reason: String

    public init(className: String, bellNumber: Int, subject: String, kind: Kind, lessonID: Int = 0, note: String = "", reason: String = "") {
        self.className = className
        self.bellNumber = bellNumber
        self.subject = subject
        self.kind = kind
        self.lessonID = lessonID
        self.note = note
        self.reason = reason
    }

    public var russianKind: String {
        switch kind {
        case .substitution: "замена учителя"
        case .cancelled: "урок отменён"
        case .moved: "урок перенесён"
        case .replaced: "замена предмета"
        case .added: "дополнительный урок"
        case .room: "замена кабинета"
        }
    }
}
