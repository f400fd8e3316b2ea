import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// Subjects with their scales, the year's classes, and who teaches what to whom (нагрузка).
extension StructurePages {
    var teachingRoutes: [AppRoute] {
        section(.subjects, row: "s", render: { try subjects($0, $1) },
                add: { visit, f in _ = try desk.addSubject(subjectForm(f), by: visit.editor); return nil },
                change: { visit, id, f in try desk.changeSubject(id, subjectForm(f), year: formYear(f), by: visit.editor); return nil },
                delete: { visit, id, _ in try desk.deleteSubject(id, by: visit.editor); return nil })
            + section(.classes, row: "c", render: { try classes($0, $1) },
                      add: { visit, f in _ = try desk.addClass(year: formYear(f), classForm(f), by: visit.editor); return nil },
                      change: { visit, id, f in try desk.changeClass(id, classForm(f), by: visit.editor) },
                      delete: { visit, id, _ in try desk.deleteClass(id, by: visit.editor); return nil })
            + [AppRoute(.post, "/school/assignments/confirm", .school(.manageTimetable)) { visit in
                let year = formYear(try visit.request.form())
                _ = try YearDesk(database: database).confirmAssignments(year: year, by: visit.editor)
                return .redirect(to: "/school/assignments?saved=1&year=\(year)")
            }]
            + section(.assignments, row: "a", render: { try assignments($0, $1) },
                      add: { visit, f in _ = try desk.addAssignment(year: formYear(f), assignmentForm(f), by: visit.editor); return nil },
                      change: { visit, id, f in try desk.changeAssignment(id, assignmentForm(f), by: visit.editor); return nil },
                      delete: { visit, id, _ in try desk.deleteAssignment(id, by: visit.editor); return nil })
    }

    func subjectForm(_ f: Parameters) -> StructureDesk.SubjectForm {
        StructureDesk.SubjectForm(name: f["name"] ?? "", shortName: f["short_name"] ?? "", scale: f["scale"] ?? "")
    }

    func classForm(_ f: Parameters) -> StructureDesk.ClassForm {
        StructureDesk.ClassForm(grade: f["grade"] ?? "", letter: f["letter"] ?? "", name: f["name"] ?? "", classTeacher: f["class_teacher"] ?? "",
                                bellSchedule: f["bell_schedule"] ?? "", scheme: f["scheme"] ?? "", marks: f["marks"] != nil)
    }

    func assignmentForm(_ f: Parameters) -> StructureDesk.AssignmentForm {
        StructureDesk.AssignmentForm(teacher: f["teacher"] ?? "", subject: f["subject"] ?? "", schoolClass: f["class"] ?? "", group: f["group"] ?? "",
                                     hours: f["hours"] ?? "")
    }

    // MARK: Subjects

    func subjects(_ visit: Visit, _ d: Draft) throws -> Response {
        let w = visit.words
        let edit = canEdit(visit)
        let (year, allYears, subjects) = try database.read { c -> (AcademicYear?, [AcademicYear], [Subject]) in
            let (year, all) = try years(c, visit)
            return (year, all, try c.subjects())
        }
        let scales: [(String, String)] = SubjectScale.allCases.map { ($0.rawValue, w.structureScale($0)) }
        let rows: [HTML] = subjects.map { s in
            guard edit else { return "<tr><td>\(s.name)</td><td>\(s.shortName)</td><td>\(w.structureScale(s.scale))</td></tr>" }
            let f = "s\(s.id)"
            return """
                <tr><td data-label="\(w.structureName)" class="wide">\(field(d, f, "name", w.structureName, s.name, attributes: " maxlength=\"80\"", row: true))</td>
                <td data-label="\(w.structureShortName)">\(field(d, f, "short_name", w.structureShortName, s.shortName, attributes: " maxlength=\"20\" class=\"short\"", row: true))</td>
                <td data-label="\(w.structureScaleHead)">\(select(d, f, "scale", w.structureScaleHead, s.scale.rawValue, scales, row: true))\(year.map { "<input type=\"hidden\" name=\"year\" value=\"\($0.id)\" form=\"\(f)\">" as HTML })</td>
                \(actions(visit, d, f, save: "/school/subjects/\(s.id)", delete: "/school/subjects/\(s.id)/delete", label: s.name))</tr>
                """
        }
        let add = addForm(visit, action: "/school/subjects", year: nil, title: w.structureAddSubject, button: w.structureAdd, [
            field(d, "new", "name", w.structureName, "", attributes: " maxlength=\"80\"", row: false),
            field(d, "new", "short_name", w.structureShortName, "", attributes: " maxlength=\"20\"", row: false),
            select(d, "new", "scale", w.structureScaleHead, SubjectScale.marks.rawValue, scales, row: false),
        ])
        return try frame(visit, .subjects, year: year, years: allYears, status: d.status, """
            <p class="muted">\(w.structureSubjectsRule)</p>
            <section class="card">
            \(table([w.structureName, w.structureShortName, w.structureScaleHead] + (edit ? [""] : []), rows, empty: w.structureNone, editable: edit))
            </section>
            \(add)
            """)
    }

    // MARK: Classes

    func classes(_ visit: Visit, _ d: Draft) throws -> Response {
        let w = visit.words
        let edit = canEdit(visit)
        let data = try database.read { c in
            let (year, all) = try years(c, visit)
            return (year: year, all: all, classes: try c.classProfiles(year: year?.id ?? -1), teachers: try c.teacherList(),
                    schedules: try c.bellSchedules(), outside: try c.lessonsOutsidePlan(year: year?.id ?? -1))
        }
        let teacherNames = Dictionary(data.teachers.map { ($0.id, $0.name.trimmingWhitespace) }) { a, _ in a }
        let scheduleNames = Dictionary(data.schedules.map { ($0.id, $0.name) }) { a, _ in a }
        let teachers: [(String, String)] = [("", w.structureNobody)] + data.teachers.map { (String($0.id), $0.name.trimmingWhitespace) }
        let schedules: [(String, String)] = data.schedules.map { (String($0.id), $0.name) }
        let schemes: [(String, String)] = [(PeriodScheme.quarter.rawValue, w.structureQuarters), (PeriodScheme.half.rawValue, w.structureHalves)]
        let letters: [(String, String)] = ClassName.letters.map { (String($0), String($0)) }
        let rows: [HTML] = data.classes.map { k in
            guard edit else {
                return """
                    <tr><td>\(k.grade)\(k.letter)</td><td>\(k.name)</td><td>\(k.classTeacherID.flatMap { teacherNames[$0] } ?? "—")</td><td>\(scheduleNames[k.bellScheduleID] ?? "")</td>
                    <td>\(k.scheme == .quarter ? w.structureQuarters : w.structureHalves)</td><td>\(k.marksEnabled ? w.structureYes : w.structureNo)</td></tr>
                    """
            }
            let f = "c\(k.id)"
            return """
                <tr><td data-label="\(w.structureGrade)" class="class-name">\(field(d, f, "grade", w.structureGrade, "\(k.grade)", type: "number", attributes: " min=\"1\" max=\"11\" class=\"narrow\"", row: true))
                \(select(d, f, "letter", w.structureLetter, k.letter, letters, row: true))</td>
                <td data-label="\(w.structureName)">\(field(d, f, "name", w.structureName, k.name, attributes: " maxlength=\"20\" class=\"short\"", row: true))</td>
                <td data-label="\(w.structureClassTeacher)">\(select(d, f, "class_teacher", w.structureClassTeacher, k.classTeacherID.map(String.init) ?? "", teachers, row: true))</td>
                <td data-label="\(w.structureBellSchedule)">\(select(d, f, "bell_schedule", w.structureBellSchedule, String(k.bellScheduleID), schedules, row: true))</td>
                <td data-label="\(w.structureScheme)">\(select(d, f, "scheme", w.structureScheme, k.scheme.rawValue, schemes, row: true))</td>
                <td data-label="\(w.structureMarks)">\(checkbox(d, f, "marks", w.structureMarks, k.marksEnabled, row: true))</td>
                \(actions(visit, d, f, save: "/school/classes/\(k.id)", delete: "/school/classes/\(k.id)/delete", label: k.name))</tr>
                """
        }
        let add = addForm(visit, action: "/school/classes", year: data.year, title: w.structureAddClass, button: w.structureAdd, [
            field(d, "new", "grade", w.structureGrade, "", type: "number", attributes: " min=\"1\" max=\"11\"", row: false),
            select(d, "new", "letter", w.structureLetter, letters.first?.0 ?? "", letters, row: false),
            field(d, "new", "name", w.structureNameOptional, "", attributes: " maxlength=\"20\"", row: false),
            select(d, "new", "class_teacher", w.structureClassTeacher, "", teachers, row: false),
            select(d, "new", "bell_schedule", w.structureBellSchedule, schedules.first?.0 ?? "", schedules, row: false),
            select(d, "new", "scheme", w.structureScheme, "", [("", w.structureSchemeByGrade)] + schemes, row: false),
            checkbox(d, "new", "marks", w.structureMarks, true, row: false),
        ])
        return try frame(visit, .classes, year: data.year, years: data.all, status: d.status, """
            <p class="muted">\(w.structureClassesRule)</p>
            <section class="card">
            \(table([w.structureClass, w.structureName, w.structureClassTeacher, w.structureBellSchedule, w.structureScheme, w.structureMarks] + (edit ? [""] : []),
                    rows, empty: w.structureNone, editable: edit))
            </section>
            \(add)
            \(outsidePlan(visit, data.outside))
            """)
    }

    // MARK: Teaching assignments

    /// One class's assignments at a time (`?class=`, the first class when none is chosen), with the hours of each class.
    func assignments(_ visit: Visit, _ d: Draft) throws -> Response {
        let w = visit.words
        let edit = canEdit(visit)
        let data = try database.read { c in
            let (year, all) = try years(c, visit)
            return (year: year, all: all, classes: try c.classProfiles(year: year?.id ?? -1), assignments: try c.teachingAssignments(year: year?.id ?? -1),
                    teachers: try c.teacherList(), subjects: try c.subjects(), groups: try c.studyGroups(year: year?.id ?? -1))
        }
        let asked = visit.request.query["class"].flatMap(Int.init) ?? (d.form.isEmpty ? nil : d.typed["class"].flatMap(Int.init))
        let chosen = data.classes.first { $0.id == asked } ?? data.classes.first
        let query = data.year.map { "&year=\($0.id)" } ?? ""
        let classLinks: [HTML] = data.classes.map { k in
            let hours = data.assignments.filter { $0.classID == k.id }.reduce(0) { $0 + $1.hours }
            return "<a href=\"/school/assignments?class=\(k.id)\(query)\"\(k.id == chosen?.id ? " aria-current=\"page\"" as HTML : "")>\(k.name) <small>\(RussianNumber.weight(hours))</small></a>"
        }
        let teachers: [(String, String)] = data.teachers.map { (String($0.id), $0.name.trimmingWhitespace) }
        let subjects: [(String, String)] = data.subjects.map { (String($0.id), $0.name) }
        let classes: [(String, String)] = data.classes.map { (String($0.id), $0.name) }
        let groupsOf: (Int?) -> [(String, String)] = { classID in
            [("", w.structureWholeClass)] + data.groups.filter { classID == nil || $0.classID == nil || $0.classID == classID }.map { (String($0.id), $0.name) }
        }
        let shown = data.assignments.filter { $0.classID == chosen?.id }
        let rows: [HTML] = shown.map { a in
            let draft: HTML = a.draft ? " <span class=\"tag change\">\(w.draftMark)</span>" : ""
            guard edit else {
                return "<tr><td>\(a.subject)\(draft)</td><td>\(a.group ?? w.structureWholeClass)</td><td>\(a.teacher)</td><td>\(RussianNumber.weight(a.hours))</td></tr>"
            }
            let f = "a\(a.id)"
            return """
                <tr><td data-label="\(w.structureSubject)">\(select(d, f, "subject", w.structureSubject, String(a.subjectID), subjects, row: true))
                <input type="hidden" name="class" value="\(a.classID)" form="\(f)">\(draft)</td>
                <td data-label="\(w.structureGroup)">\(select(d, f, "group", w.structureGroup, a.groupID.map(String.init) ?? "", groupsOf(a.classID), row: true))</td>
                <td data-label="\(w.structureTeacher)">\(select(d, f, "teacher", w.structureTeacher, String(a.teacherID), teachers, row: true))</td>
                <td data-label="\(w.structureHours)">\(field(d, f, "hours", w.structureHours, RussianNumber.weight(a.hours), attributes: " inputmode=\"decimal\" class=\"narrow\"", row: true))</td>
                \(actions(visit, d, f, save: "/school/assignments/\(a.id)", delete: "/school/assignments/\(a.id)/delete", label: "\(a.subject), \(a.teacher)"))</tr>
                """
        }
        let add = addForm(visit, action: "/school/assignments", year: data.year, title: w.structureAddAssignment, button: w.structureAdd, [
            select(d, "new", "class", w.structureClass, chosen.map { String($0.id) } ?? "", classes, row: false),
            select(d, "new", "subject", w.structureSubject, "", [("", "—")] + subjects, row: false),
            select(d, "new", "group", w.structureGroup, "", groupsOf(nil), row: false),
            select(d, "new", "teacher", w.structureTeacher, "", [("", "—")] + teachers, row: false),
            field(d, "new", "hours", w.structureHours, "", attributes: " inputmode=\"decimal\"", row: false),
        ])
        let total = shown.reduce(0) { $0 + $1.hours }
        let drafts = data.assignments.filter(\.draft).count
        let confirm: HTML = drafts == 0 ? "" : """
            <section class="notice warn draft-load"><p>\(w.draftAssignments(drafts))</p>\
            \(AccessPolicy.permits(visit.actor!, .manageTimetable, .school) ? """
                <form method="post" action="/school/assignments/confirm"><input type="hidden" name="_csrf" value="\(visit.csrfToken)">\
                <input type="hidden" name="year" value="\(data.year?.id ?? -1)"><button type="submit">\(w.draftConfirm)</button></form>
                """ as HTML : "")</section>
            """
        return try frame(visit, .assignments, year: data.year, years: data.all, status: d.status, """
            \(confirm)<nav class="periods class-choice" aria-label="\(w.structureClasses)">\(each: classLinks)</nav>
            <section class="card">
            <h2>\(chosen.map { w.structureAssignmentsOf($0.name, hours: RussianNumber.weight(total)) } ?? w.structureAssignments)</h2>
            \(table([w.structureSubject, w.structureGroup, w.structureTeacher, w.structureHours] + (edit ? [""] : []), rows, empty: w.structureNone, editable: edit))
            </section>
            \(add)
            """)
    }
}
