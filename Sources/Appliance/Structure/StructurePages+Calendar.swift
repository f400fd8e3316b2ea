import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The year's calendar: quarters and half-years, holidays and breaks. Each change re-plans the lessons.
extension StructurePages {
    var calendarRoutes: [AppRoute] {
        section(.periods, row: "p", render: { try periods($0, $1) },
                add: { visit, f in try desk.addPeriod(year: formYear(f), periodForm(f), by: visit.editor) },
                change: { visit, id, f in try desk.changePeriod(id, periodForm(f), by: visit.editor) },
                delete: { visit, id, _ in try desk.deletePeriod(id, by: visit.editor) })
            + section(.holidays, row: "h", render: { try holidays($0, $1) },
                      add: { visit, f in try desk.addHoliday(year: formYear(f), holidayForm(f), by: visit.editor) },
                      change: { visit, id, f in try desk.changeHoliday(id, holidayForm(f), by: visit.editor) },
                      delete: { visit, id, _ in try desk.deleteHoliday(id, by: visit.editor) })
    }

    func periodForm(_ f: Parameters) -> StructureDesk.PeriodForm {
        StructureDesk.PeriodForm(scheme: f["scheme"] ?? "", number: f["number"] ?? "", name: f["name"] ?? "", startsOn: f["starts_on"] ?? "", endsOn: f["ends_on"] ?? "")
    }

    func holidayForm(_ f: Parameters) -> StructureDesk.HolidayForm {
        StructureDesk.HolidayForm(name: f["name"] ?? "", startsOn: f["starts_on"] ?? "", endsOn: f["ends_on"] ?? "",
                                  minGrade: f["min_grade"] ?? "", maxGrade: f["max_grade"] ?? "")
    }

    // MARK: Periods

    func periods(_ visit: Visit, _ d: Draft) throws -> Response {
        let w = visit.words
        let edit = canEdit(visit)
        let (year, allYears, periods, outside) = try database.read { c -> (AcademicYear?, [AcademicYear], [Period], [LessonOutsidePlan]) in
            let (year, all) = try years(c, visit)
            return (year, all, try c.periods(year: year?.id ?? -1), try c.lessonsOutsidePlan(year: year?.id ?? -1))
        }
        let range: HTML = year.map { " min=\"\($0.startsOn.iso)\" max=\"\($0.endsOn.iso)\"" as HTML } ?? ""
        func rows(_ scheme: PeriodScheme) -> [HTML] {
            periods.filter { $0.scheme == scheme }.map { p in
                guard edit else {
                    return "<tr><td>\(p.number)</td><td>\(p.name)</td><td>\(p.startsOn.russian)</td><td>\(p.endsOn.russian)</td><td>\(w.structureDays(p.endsOn.dayNumber - p.startsOn.dayNumber + 1))</td></tr>"
                }
                let f = "p\(p.id)"
                return """
                    <tr><td data-label="\(w.structureNumber)">\(field(d, f, "number", w.structureNumber, "\(p.number)", type: "number", attributes: " min=\"1\" max=\"4\" class=\"narrow\"", row: true))</td>
                    <td data-label="\(w.structureName)" class="wide">\(field(d, f, "name", w.structureName, p.name, attributes: " maxlength=\"40\"", row: true))</td>
                    <td data-label="\(w.structureStartsOn)" class="half">\(field(d, f, "starts_on", w.structureStartsOn, p.startsOn.iso, type: "date", attributes: range, row: true))</td>
                    <td data-label="\(w.structureEndsOn)" class="half">\(field(d, f, "ends_on", w.structureEndsOn, p.endsOn.iso, type: "date", attributes: range, row: true))</td>
                    <td data-label="\(w.structureLength)">\(w.structureDays(p.endsOn.dayNumber - p.startsOn.dayNumber + 1))</td>
                    \(actions(visit, d, f, save: "/school/periods/\(p.id)", delete: "/school/periods/\(p.id)/delete", label: p.name))</tr>
                    """
            }
        }
        let heads = [w.structureNumber, w.structureName, w.structureStartsOn, w.structureEndsOn, w.structureLength] + (edit ? [""] : [])
        let schemes: [(String, String)] = [(PeriodScheme.quarter.rawValue, w.structureQuarters), (PeriodScheme.half.rawValue, w.structureHalves)]
        let add = addForm(visit, action: "/school/periods", year: year, title: w.structureAddPeriod, button: w.structureAdd, [
            select(d, "new", "scheme", w.structureScheme, PeriodScheme.quarter.rawValue, schemes, row: false),
            field(d, "new", "number", w.structureNumber, "", type: "number", attributes: " min=\"1\" max=\"4\"", row: false),
            field(d, "new", "name", w.structureNameOptional, "", attributes: " maxlength=\"40\"", row: false),
            field(d, "new", "starts_on", w.structureStartsOn, "", type: "date", attributes: range, row: false),
            field(d, "new", "ends_on", w.structureEndsOn, "", type: "date", attributes: range, row: false),
        ])
        return try frame(visit, .periods, year: year, years: allYears, status: d.status, """
            <p class="muted">\(w.structurePeriodsRule)</p>
            <section class="card"><h2>\(w.structureQuarters)</h2>
            \(table(heads, rows(.quarter), empty: w.structureNone, editable: edit))
            </section>
            <section class="card"><h2>\(w.structureHalves)</h2>
            \(table(heads, rows(.half), empty: w.structureNone, editable: edit))
            </section>
            \(add)
            \(outsidePlan(visit, outside))
            """)
    }

    // MARK: Holidays

    func holidays(_ visit: Visit, _ d: Draft) throws -> Response {
        let w = visit.words
        let edit = canEdit(visit)
        let (year, allYears, holidays, outside) = try database.read { c -> (AcademicYear?, [AcademicYear], [Holiday], [LessonOutsidePlan]) in
            let (year, all) = try years(c, visit)
            return (year, all, try c.holidays(year: year?.id ?? -1), try c.lessonsOutsidePlan(year: year?.id ?? -1))
        }
        let range: HTML = year.map { " min=\"\($0.startsOn.iso)\" max=\"\($0.endsOn.iso)\"" as HTML } ?? ""
        let grades: HTML = " min=\"1\" max=\"11\" class=\"narrow\""
        let rows: [HTML] = holidays.map { h in
            guard edit else {
                return "<tr><td>\(h.name)</td><td>\(h.startsOn.russian)</td><td>\(h.endsOn.russian)</td><td>\(w.structureGrades(h.grades))</td></tr>"
            }
            let f = "h\(h.id)"
            return """
                <tr><td data-label="\(w.structureName)" class="wide">\(field(d, f, "name", w.structureName, h.name, attributes: " maxlength=\"80\"", row: true))</td>
                <td data-label="\(w.structureStartsOn)" class="half">\(field(d, f, "starts_on", w.structureStartsOn, h.startsOn.iso, type: "date", attributes: range, row: true))</td>
                <td data-label="\(w.structureEndsOn)" class="half">\(field(d, f, "ends_on", w.structureEndsOn, h.endsOn.iso, type: "date", attributes: range, row: true))</td>
                <td data-label="\(w.structureGradesHead)" class="grades">\(field(d, f, "min_grade", w.structureFromGrade, "\(h.grades.lowerBound)", type: "number", attributes: grades, row: true)) –
                \(field(d, f, "max_grade", w.structureToGrade, "\(h.grades.upperBound)", type: "number", attributes: grades, row: true))</td>
                \(actions(visit, d, f, save: "/school/holidays/\(h.id)", delete: "/school/holidays/\(h.id)/delete", label: h.name))</tr>
                """
        }
        let add = addForm(visit, action: "/school/holidays", year: year, title: w.structureAddHoliday, button: w.structureAdd, [
            field(d, "new", "name", w.structureName, "", attributes: " maxlength=\"80\"", row: false),
            field(d, "new", "starts_on", w.structureStartsOn, "", type: "date", attributes: range, row: false),
            field(d, "new", "ends_on", w.structureEndsOn, "", type: "date", attributes: range, row: false),
            field(d, "new", "min_grade", w.structureFromGrade, "1", type: "number", attributes: " min=\"1\" max=\"11\"", row: false),
            field(d, "new", "max_grade", w.structureToGrade, "11", type: "number", attributes: " min=\"1\" max=\"11\"", row: false),
        ])
        return try frame(visit, .holidays, year: year, years: allYears, status: d.status, """
            <p class="muted">\(w.structureHolidaysRule)</p>
            <section class="card">
            \(table([w.structureName, w.structureStartsOn, w.structureEndsOn, w.structureGradesHead] + (edit ? [""] : []), rows, empty: w.structureNone, editable: edit))
            </section>
            \(add)
            \(outsidePlan(visit, outside))
            """)
    }
}
