import Desks
import Domain
import Routing
import Storage
import WebUI

/// Every route of the teachers' journal: pages and JSON API over one `JournalDesk`.
public struct JournalRoutes: Sendable {
    let database: Database
    let desk: JournalDesk
    let gridCache = GridCache.make()

    public init(database: Database, clock: SchoolClock) {
        self.database = database
        desk = JournalDesk(database: database, utcOffsetMinutes: clock.utcOffsetMinutes)
    }

    public var routes: [AppRoute] {
        LessonPages(database: database, desk: desk, timetable: TimetableDesk(database: database)).routes
            + GridPages(database: database, desk: desk, cache: gridCache).routes
            + JournalAPI(database: database, desk: desk).routes
            + SettingsPages(database: database, desk: SettingsDesk(database: database)).routes
            + UnlockPages(database: database, desk: desk).routes
            + AuditPages(database: database, desk: desk).routes
            + PlanPages(database: database).routes
    }
}
