import Desks
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

    func classFinalsPage(_ visit: Visit, error: String? = nil, status: Int = 200) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let w = visit.words
        let (schoolClass, students, subjects, marks, promotion) = try database.read { c in
            guard let schoolClass = try c.schoolClass(classID) else { throw HTTPError.notFound }
            let subjects = try c.classSubjects(year: schoolClass.yearID).filter { $0.classID == classID }
            let promotion = Promotion(decisions: try c.promotionDecisions(year: schoolClass.yearID), debt: try c.studentsWithDebt(year: schoolClass.yearID),
                                      closed: try c.isYearClosed(schoolClass.yearID))
            // Those on the list at the year's end: a past year's students left the class on its last day.
            let ends = try c.academicYear(id: schoolClass.yearID)?.endsOn
            let students = try c.classEnrolments(classID: classID).filter { e in e.enrolment.leftOn.map { $0 >= (ends ?? $0) } ?? true }
                .map { (id: $0.enrolment.studentID, name: $0.card.shortName) }
            return (schoolClass, students, subjects, try c.classFinalMarks(classID: classID), promotion)
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
            return "<tr><td>\(i + 1)</td><th scope=\"row\">\(st.name)</th>\(each: cells)</tr>"
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
            \(promotionSection(visit, schoolClass, students, promotion, error: error))
            </main>
            """, status: status)
    }

    /// The class teacher's promotion decisions of the class, read once.
    struct Promotion {
        let decisions: [Int: PromotionDecision]
        let debt: Set<Int>
        let closed: Bool
    }

    /// «Перевод в следующий класс»: each student's decision — a form for the class teacher and the
    /// administrator while the year is open, else what was decided.
    func promotionSection(_ visit: Visit, _ schoolClass: SchoolClass, _ students: [(id: Int, name: String)], _ p: Promotion, error: String?) -> HTML {
        let w = visit.words
        let editable = !p.closed && AccessPolicy.permits(visit.actor!, .decidePromotion, .schoolClass(schoolClass.id))
        let choices: [PromotionDecision?] = [nil] + PromotionDecision.allCases.filter { NewYearRules.allows($0, grade: schoolClass.grade) }
        let rows: [HTML] = students.map { st in
            let decision = p.decisions[st.id]
            let cell: HTML = editable ? """
                <select name="d\(st.id)" aria-label="\(w.promotionDecision): \(st.name)">\(each: choices.map { d in
                    "<option value=\"\(d?.rawValue ?? "")\"\(d == decision ? " selected" : "")>\(w.promotion(d))</option>" as HTML })</select>
                """ : "\(w.promotion(decision))"
            return "<tr><th scope=\"row\">\(st.name)</th><td>\(cell)</td><td>\(p.debt.contains(st.id) ? w.promotionDebt : "")</td></tr>"
        }
        guard !students.isEmpty else { return "" }
        let table: HTML = """
            <div class="table-wrap"><table class="structure-table"><thead><tr><th scope="col">\(w.columnStudent)</th><th scope="col">\(w.promotionDecision)</th>\
            <th scope="col"></th></tr></thead><tbody>\(each: rows)</tbody></table></div>
            """
        return """
            <section class="card spaced" id="promotion" aria-labelledby="promotion-title">
            <h2 id="promotion-title">\(w.promotionTitle)</h2>
            <p class="muted small">\(p.closed ? w.archiveClosed : w.promotionHint)</p>
            \(error.map { "<p class=\"notice warn\" role=\"alert\">\($0)</p>" as HTML })
            \(editable ? """
                <form method="post" action="/classes/\(schoolClass.id)/promotion"><input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                \(table)<p><button type="submit">\(w.promotionSave)</button></p></form>
                """ as HTML : table)
            </section>
            """
    }

    /// The promotion form: every student's choice through the desk in one transaction.
    func savePromotions(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        var decisions: [Int: PromotionDecision?] = [:]
        for pair in form.pairs where pair.name.hasPrefix("d") {
            guard let student = Int(pair.name.dropFirst()) else { continue }
            decisions[student] = PromotionDecision(rawValue: pair.value)
        }
        do {
            try YearDesk(database: database).setPromotions(classID: classID, decisions, by: visit.editor)
        } catch let error as DeskError where error.field != nil {
            return try classFinalsPage(visit, error: error.message(in: visit.words), status: 422)
        }
        return .redirect(to: "/classes/\(classID)/finals#promotion")
    }
}
