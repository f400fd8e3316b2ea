import Domain
import HTTP
import Storage
import WebUI

/// The front page: the school, today's date and bells; nothing personal.
enum HomePage {
    static func register(into router: inout Router, database: Database, clock: SchoolClock) {
        router.get("/") { _ in
            let today = clock.today
            let (school, year, bells) = try database.read { c in
                (try c.school(), try c.academicYear(containing: today), try c.mainBells())
            }
            return Layout.response(page(today: today, school: school, year: year, bells: bells))
        }
    }

    static func page(today: CivilDate, school: School?, year: AcademicYear?, bells: [Bell]) -> HTML {
        guard let school else {
            return Layout.page(title: "Первый запуск", school: nil, """
                <main><div class="card"><h1>Школа ещё не настроена</h1>
                <p>Администратор настраивает школу командой <code>tabel setup init</code>
                или загружает демонстрационную школу командой <code>tabel setup demo</code>.</p></div></main>
                """)
        }
        let bellRows: [HTML] = bells.map {
            "<tr><td>\($0.number)</td><td>\($0.startsAt.description)–\($0.endsAt.description)</td></tr>"
        }
        let notice: HTML = year == nil ? "<p class=\"notice\">На эту дату учебный год не задан.</p>" : ""
        return Layout.page(title: "Главная", school: school, nav: [("Киоск", "/kiosk")], """
            <main>
            <h1>\(school.name)</h1>
            <p class="muted">\(RussianCalendar.weekdays[today.weekday - 1].capitalizedFirst), \(RussianCalendar.long(today))\(year.map { " · \($0.name) учебный год" } ?? "")</p>
            \(notice)
            <div class="card"><h2>Звонки</h2>
            <div class="table-wrap"><table><thead><tr><th>Урок</th><th>Время</th></tr></thead><tbody>\(each: bellRows)</tbody></table></div>
            </div>
            </main>
            """)
    }
}
