import Domain
import HTTP
import Storage
import WebUI

/// The hallway kiosk's idle screen: the school's name, the time, today's bells and timetable
/// changes. Nothing personal is ever shown here.
public enum KioskIdleScreen {
    /// `GET /kiosk`: open to any browser; it shows nothing personal.
    public static func routes(database: Database, clock: SchoolClock) -> [AppRoute] {
        [AppRoute(.get, "/kiosk", .open) { _ in
            let now = clock.now()
            let (school, bells, changes, holiday) = try database.read { c in
                (try c.school(), try c.mainBells(), try c.timetableChanges(on: now.date), try c.holiday(on: now.date))
            }
            return Layout.response(page(now: now, clock: clock, school: school, bells: bells, changes: changes, holiday: holiday))
        }]
    }

    static func page(now: SchoolDateTime, clock: SchoolClock, school: School?, bells: [Bell],
                     changes: [TimetableChange], holiday: String?) -> HTML {
        let weekday = RussianCalendar.weekdays[now.date.weekday - 1]
        let lessonDay = holiday == nil && now.date.weekday <= 5
        let bellRows: [HTML] = bells.map { bell in
            let current = bell.startsAt <= now.time && now.time < bell.endsAt
            return """
            <tr class="\(current ? "now" : "")"><td>\(bell.number)-й урок</td><td>\(bell.startsAt.description)–\(bell.endsAt.description)</td></tr>
            """
        }
        let changeItems: [HTML] = changes.map {
            "<li><b>\($0.className)</b>, \($0.bellNumber)-й урок, \($0.subject): <span class=\"kind\">\($0.russianKind)</span></li>"
        }
        let nowMillis = (clock.unixNow() + clock.utcOffsetMinutes * 60) * 1000
        let changesPanel: HTML = changeItems.isEmpty
            ? "<p>Изменений в расписании на сегодня нет.</p>"
            : "<ul class=\"kiosk-change-list\">\(each: changeItems)</ul>"
        return Layout.page(title: "Киоск", school: school, bodyClass: "kiosk", scripts: [Assets.kioskScript], """
            <main class="kiosk-idle">
            <section>
            <h1>\(school?.name ?? "Tabel")</h1>
            <p class="kiosk-clock" id="kiosk-clock" data-now="\(nowMillis)">\(now.time.description)</p>
            <p class="kiosk-date">\(weekday), \(RussianCalendar.long(now.date))\(holiday.map { " — \($0)" } ?? "")</p>
            </section>
            <section class="kiosk-panel">
            <h2>Звонки</h2>
            \(lessonDay ? "<table><tbody>\(each: bellRows)</tbody></table>" as HTML : "<p>Сегодня уроков нет.</p>")
            </section>
            <section class="kiosk-panel kiosk-changes">
            <h2>Изменения в расписании</h2>
            \(changesPanel)
            </section>
            </main>
            """)
    }
}
