import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The administrator's view of backups (`/backups`): each medium's last verified copy and last
/// attempt, from what `tabel backup run` records in `backup_run`; and the home page's warning
/// when no verified copy was made for `overdueDays`.
struct BackupsPage {
    /// The regulations ask for a weekly copy: a day of slack, then the home page warns.
    static let overdueDays = 8

    let database: Database
    let clock: SchoolClock

    var routes: [AppRoute] {
        [AppRoute(.get, "/backups", .school(.changeSettings)) { visit in try page(visit) }]
    }

    func when(_ unix: Int) -> String {
        let t = SchoolDateTime(unixSeconds: unix, offsetMinutes: clock.utcOffsetMinutes)
        return t.date.russian + " " + t.time.description
    }

    func page(_ visit: Visit) throws -> Response {
        let w = visit.words
        let (school, me, media, last) = try database.read { c in
            (try c.school(), try c.personSummary(visit.actor!.personID, year: -1), try c.backupMedia(), try c.lastGoodBackup())
        }
        let rows: [HTML] = media.map { m in
            let good: HTML = m.lastGood.map { "\(when($0.at)) · \(w.backupsKind($0.kind))<br><small class=\"muted\">\($0.file ?? "")</small>" } ?? "\(w.backupsNone)"
            let attempt = m.lastAttempt
            let result: HTML = attempt.ok ? "\(w.backupsSucceeded)" : "<strong class=\"error\">\(w.backupsFailedLabel)</strong>: \(attempt.message)"
            return "<tr><td>\(m.medium)</td><td>\(good)</td><td>\(when(attempt.at)) · \(result)</td></tr>"
        }
        let warning: HTML = Self.warning(w, lastGood: last, now: visit.now).map { "<p class=\"notice\">\($0)</p>" } ?? HTML.empty
        return Layout.response(Layout.page(title: w.backupsTitle, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(w.menuHome, "/")], """
            <main>
            <h1>\(w.backupsTitle)</h1>
            \(warning)
            \(rows.isEmpty ? HTML.empty : "<div class=\"table-wrap\"><table><thead><tr><th>\(w.backupsMedium)</th><th>\(w.backupsLastGood)</th><th>\(w.backupsLastAttempt)</th></tr></thead><tbody>\(each: rows)</tbody></table></div>")
            <p class="muted">\(w.backupsHowTo)</p>
            </main>
            """))
    }

    /// The warning when the last verified copy is older than `overdueDays` (or there is none).
    static func warning(_ w: Words, lastGood: Int?, now: Int) -> String? {
        guard let lastGood else { return w.backupsNeverMade }
        let days = (now - lastGood) / 86_400
        return days >= overdueDays ? w.backupsOverdue(days: days) : nil
    }

    /// The home page's warning for an actor who looks after backups, linking to `/backups`; empty otherwise.
    static func homeWarning(_ visit: Visit, database: Database) -> HTML {
        guard let actor = visit.actor, AccessPolicy.permits(actor, .changeSettings, .school) else { return HTML.empty }
        let last: Int?
        do { last = try database.read { try $0.lastGoodBackup() } } catch { return HTML.empty }
        guard let text = warning(visit.words, lastGood: last, now: visit.now) else { return HTML.empty }
        return "<p class=\"notice\"><a href=\"/backups\">\(text)</a></p>"
    }
}
