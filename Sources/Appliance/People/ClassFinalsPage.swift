import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// `/classes/{id}/finals`: the class × subject summary of the year's final marks (сводная
/// ведомость) for the class teacher and the administration. A cell is the final mark, or the
/// year mark (in grey) until it is given; each subject's head leads to its journal's «Год и
/// итог» tab, where the class teacher sets them for every subject of the class.
extension PeoplePages {
    var classFinalsRoute: AppRoute {
        AppRoute(.get, "/classes/{id:int}/finals", .policy(.viewJournal, resource: { .schoolClass(try $0.request.pathParameters.int("id")) })) { visit in
            try classFinalsPage(visit)
        }
    }

    func classFinalsPage(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let w = visit.words
        let (schoolClass, students, subjects, marks) = try database.read { c in
            guard let schoolClass = try c.schoolClass(classID) else { throw HTTPError.notFound }
            let subjects = try c.classSubjects(year: schoolClass.yearID).filter { $0.classID == classID }
            return (schoolClass, try c.classMembers(classID: classID).filter { $0.kind == .student }, subjects, try c.classFinalMarks(classID: classID))
        }
        func mark(_ student: Int, _ subject: Int, _ kind: PeriodMarkKind) -> MarkValue? {
            marks.first { $0.subjectID == subject && $0.mark.studentID == student && $0.mark.kind == kind }?.mark.value
        }
        let heads: [HTML] = subjects.map { s in
            let name = String(s.name.split(separator: "—", maxSplits: 1).last ?? Substring(s.name)).trimmingWhitespace
            return "<th scope=\"col\"><a href=\"/journal/\(classID)/\(s.subjectID)?finals=1\">\(name)</a></th>"
        }
        let rows: [HTML] = students.enumerated().map { i, st in
            let cells: [HTML] = subjects.map { s in
                if let v = mark(st.id, s.subjectID, .final) {
                    return "<td><span class=\"mark \(v.cssClass)\" title=\"\(w.kindName(.final)): \(w.markTitle(v))\">\(w.markShort(v))</span></td>"
                }
                if let v = mark(st.id, s.subjectID, .year) {
                    return "<td class=\"muted\" title=\"\(w.kindName(.year))\">\(w.markShort(v))</td>"
                }
                return "<td class=\"muted\">—</td>"
            }
            return "<tr><td>\(i + 1)</td><th scope=\"row\">\(st.card.shortName)</th>\(each: cells)</tr>"
        }
        let title = "\(w.classFinalsTitle), \(schoolClass.name)"
        return try frame(visit, title: title, """
            <main class="class-page">
            <h1>\(title)</h1>
            <p class="tools"><a class="button secondary" href="/classes/\(classID)#finals">\(w.classTitle(schoolClass.name))</a></p>
            <p class="muted small">\(w.classFinalsHint)</p>
            \(subjects.isEmpty ? "<p class=\"card\">\(w.noSubjectsInClass)</p>" as HTML : """
            <section class="card"><div class="table-wrap"><table class="finals summary">
            <thead><tr><th>\(w.columnNumber)</th><th>\(w.columnStudent)</th>\(each: heads)</tr></thead><tbody>\(each: rows)</tbody></table></div></section>
            """)
            </main>
            """)
    }
}
