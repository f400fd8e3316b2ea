import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// Bell schedules with their bells, and rooms: the school's, not a year's.
extension StructurePages {
    var bellRoutes: [AppRoute] {
        let manage = Access.school(.manageStructure)
        let render: @Sendable (Visit, Draft) throws -> Response = { try bells($0, $1) }
        return section(.bells, row: "s", render: render,
                       add: { visit, f in _ = try desk.addBellSchedule(name: f["name"] ?? "", by: visit.editor); return nil },
                       change: { visit, id, f in try desk.renameBellSchedule(id, name: f["name"] ?? "", by: visit.editor); return nil },
                       delete: { visit, id, _ in try desk.deleteBellSchedule(id, by: visit.editor); return nil })
            + [
                // A schedule's bells: its add form `s{id}-new`, a bell's row `s{id}-b{number}`.
                AppRoute(.post, "/school/bells/{id:int}/bells", manage) { visit in
                    let id = try pathID(visit)
                    return try save(visit, .bells, form: "s\(id)-new", render: render) { f in
                        try desk.addBell(schedule: id, bellForm(f), by: visit.editor)
                        return nil
                    }
                },
                AppRoute(.post, "/school/bells/{id:int}/bells/{number:int}", manage) { visit in
                    let (id, number) = (try pathID(visit), try pathID(visit, "number"))
                    return try save(visit, .bells, form: "s\(id)-b\(number)", render: render) { f in
                        try desk.changeBell(schedule: id, number: number, bellForm(f), by: visit.editor)
                        return nil
                    }
                },
                AppRoute(.post, "/school/bells/{id:int}/bells/{number:int}/delete", manage) { visit in
                    let (id, number) = (try pathID(visit), try pathID(visit, "number"))
                    return try save(visit, .bells, form: "s\(id)-b\(number)", render: render) { _ in
                        try desk.deleteBell(schedule: id, number: number, by: visit.editor)
                        return nil
                    }
                },
            ]
            + section(.rooms, row: "r", render: { try rooms($0, $1) },
                      add: { visit, f in _ = try desk.addRoom(name: f["name"] ?? "", by: visit.editor); return nil },
                      change: { visit, id, f in try desk.renameRoom(id, name: f["name"] ?? "", by: visit.editor); return nil },
                      delete: { visit, id, _ in try desk.deleteRoom(id, by: visit.editor); return nil })
    }

    func bellForm(_ f: Parameters) -> StructureDesk.BellForm {
        StructureDesk.BellForm(number: f["number"] ?? "", startsAt: f["starts_at"] ?? "", endsAt: f["ends_at"] ?? "")
    }

    // MARK: Bells

    func bells(_ visit: Visit, _ d: Draft) throws -> Response {
        let w = visit.words
        let edit = canEdit(visit)
        let (year, allYears, schedules, classes) = try database.read { c -> (AcademicYear?, [AcademicYear], [BellSchedule], [ClassProfile]) in
            let (year, all) = try years(c, visit)
            return (year, all, try c.bellSchedules(), try c.classProfiles(year: year?.id ?? -1))
        }
        let cards: [HTML] = schedules.map { s in
            let users = classes.filter { $0.bellScheduleID == s.id }.map(\.name)
            let rows: [HTML] = s.bells.map { b in
                guard edit else { return "<tr><td>\(b.number)</td><td>\(b.startsAt.description)</td><td>\(b.endsAt.description)</td></tr>" }
                let f = "s\(s.id)-b\(b.number)"
                return """
                    <tr><td data-label="\(w.structureBellNumber)"><b>\(b.number)</b></td>
                    <td data-label="\(w.structureStartsAt)" class="half">\(field(d, f, "starts_at", w.structureStartsAt, b.startsAt.description, type: "time", row: true))</td>
                    <td data-label="\(w.structureEndsAt)" class="half">\(field(d, f, "ends_at", w.structureEndsAt, b.endsAt.description, type: "time", row: true))</td>
                    \(actions(visit, d, f, save: "/school/bells/\(s.id)/bells/\(b.number)", delete: "/school/bells/\(s.id)/bells/\(b.number)/delete",
                              label: w.structureBellLabel(s.name, b.number)))</tr>
                    """
            }
            let f = "s\(s.id)", n = "s\(s.id)-new"
            let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">"
            let next = (s.bells.map(\.number).max() ?? 0) + 1
            let manage: HTML = !edit ? "" : """
                <form method="post" action="/school/bells/\(s.id)/bells" class="add-form inline-add">\(csrf)
                <h3>\(w.structureAddBell)</h3>
                <div class="fields">
                <div>\(field(d, n, "number", w.structureBellNumber, next <= 12 ? "\(next)" : "", type: "number", attributes: " min=\"0\" max=\"12\"", row: false))</div>
                <div>\(field(d, n, "starts_at", w.structureStartsAt, "", type: "time", row: false))</div>
                <div>\(field(d, n, "ends_at", w.structureEndsAt, "", type: "time", row: false))</div>
                </div>
                <p><button type="submit">\(w.structureAdd)</button></p>
                </form>
                <form method="post" action="/school/bells/\(s.id)" class="rename">\(csrf)
                <div class="fields"><div>\(field(d, f, "name", w.structureScheduleName, s.name, attributes: " maxlength=\"40\"", row: false))</div></div>
                <p><button type="submit" class="secondary">\(w.structureRename)</button></p>
                </form>
                <form method="post" action="/school/bells/\(s.id)/delete">\(csrf)<button type="submit" class="secondary">\(w.structureDeleteSchedule)</button>
                \(problem("\(f)-delete", d.error(f, "delete")))</form>
                """
            return """
                <section class="card" id="schedule-\(s.id)">
                <h2>\(s.name)</h2>
                <p class="muted">\(users.isEmpty ? w.structureNoClasses : w.structureUsedBy(users.joined(separator: ", ")))</p>
                \(table([w.structureBellNumber, w.structureStartsAt, w.structureEndsAt] + (edit ? [""] : []), rows, empty: w.structureNoBells, editable: edit))
                \(manage)
                </section>
                """
        }
        let add = addForm(visit, action: "/school/bells", year: nil, title: w.structureAddSchedule, button: w.structureAdd, [
            field(d, "new", "name", w.structureScheduleName, "", attributes: " maxlength=\"40\"", row: false),
        ])
        return try frame(visit, .bells, year: year, years: allYears, status: d.status, """
            <p class="muted">\(w.structureBellsRule)</p>
            \(each: cards)
            \(add)
            """)
    }

    // MARK: Rooms

    func rooms(_ visit: Visit, _ d: Draft) throws -> Response {
        let w = visit.words
        let edit = canEdit(visit)
        let (year, allYears, rooms) = try database.read { c -> (AcademicYear?, [AcademicYear], [Room]) in
            let (year, all) = try years(c, visit)
            return (year, all, try c.rooms())
        }
        let rows: [HTML] = rooms.map { r in
            guard edit else { return "<tr><td>\(r.name)</td></tr>" }
            let f = "r\(r.id)"
            return """
                <tr><td data-label="\(w.structureName)">\(field(d, f, "name", w.structureName, r.name, attributes: " maxlength=\"40\"", row: true))</td>
                \(actions(visit, d, f, save: "/school/rooms/\(r.id)", delete: "/school/rooms/\(r.id)/delete", label: r.name))</tr>
                """
        }
        let add = addForm(visit, action: "/school/rooms", year: nil, title: w.structureAddRoom, button: w.structureAdd, [
            field(d, "new", "name", w.structureName, "", attributes: " maxlength=\"40\"", row: false),
        ])
        return try frame(visit, .rooms, year: year, years: allYears, status: d.status, """
            <section class="card narrow-table">
            \(table([w.structureName] + (edit ? [""] : []), rows, empty: w.structureNone, editable: edit))
            </section>
            \(add)
            """)
    }
}
