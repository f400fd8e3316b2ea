import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// The thematic plan (КТП) of a class's subject: shown to whoever sees the journal, loaded from
/// CSV by its teacher.
struct PlanPages: Sendable {
    let database: Database

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/journal/{class:int}/{subject:int}/plan", .policy(.viewJournal, resource: classSubject)) { visit in try plan(visit) },
            AppRoute(.post, "/journal/{class:int}/{subject:int}/plan", .policy(.editJournal, resource: classSubject)) { visit in try importPlan(visit) },
        ]
    }

    /// The class's subject, for a group's teacher with their group (`?group=`, as the grid links it).
    func classSubject(_ visit: Visit) throws -> Resource {
        .classSubject(classID: try visit.request.pathParameters.int("class"), subjectID: try visit.request.pathParameters.int("subject"),
                      groupID: visit.request.query["group"].flatMap { Int($0) })
    }

    func plan(_ visit: Visit, problems: [String] = [], status: Int = 200) throws -> Response {
        let classID = try visit.request.pathParameters.int("class"), subjectID = try visit.request.pathParameters.int("subject")
        let w = visit.words
        let (topics, names) = try database.read { c in
            (try c.planTopics(classID: classID, subjectID: subjectID),
             try c.schoolClass(classID).flatMap { k in try c.subjectName(subjectID).map { (k.name, $0) } })
        }
        guard let (className, subjectName) = names else { throw HTTPError.notFound }
        let rows: [HTML] = topics.map { "<tr><td>\($0.position)</td><td>\($0.title)</td><td>\($0.hours)</td></tr>" }
        let group = visit.request.query["group"].flatMap { Int($0) }
        let canEdit = AccessPolicy.permits(visit.actor!, .editJournal, try classSubject(visit))
        let upload: HTML = canEdit ? """
            <form method="post" action="/journal/\(classID)/\(subjectID)/plan\(group.map { "?group=\($0)" } ?? "")" enctype="multipart/form-data" class="card spaced">\(JournalFrame.csrfField(visit))
            <h2>\(w.planUploadTitle)</h2>
            <p class="muted">\(w.planUploadText(topic: PlanImport.topicColumn, hours: PlanImport.hoursColumn))</p>
            \(problems.isEmpty ? "" as HTML : "<div class=\"form-error\" role=\"alert\"><p>\(w.planNotLoaded)</p><ul>\(each: problems.map { "<li>\($0)</li>" as HTML })</ul></div>")
            <label for="plan-file">\(w.importsFileLabel)</label>
            <input type="file" id="plan-file" name="file" accept=".csv,text/csv" required>
            <p><button>\(w.load)</button></p>
            </form>
            """ : ""
        return try JournalFrame.page(visit, database: database, title: w.planTitle(className, subjectName),
                                     nav: [(w.journalLink, "/journal/\(classID)/\(subjectID)")], status: status, """
            <main>
            <h1>\(w.planTitle(subjectName, className))</h1>
            \(visit.request.query["saved"].map { "<p class=\"notice ok\" role=\"status\">\(w.planLoaded(filled: $0))</p>" as HTML })
            <section class="card">
            \(rows.isEmpty ? "<p class=\"muted\">\(w.planEmpty)</p>" as HTML : "<div class=\"table-wrap\"><table><thead><tr><th>\(w.numberHeading)</th><th>\(w.topicHeading)</th><th>\(w.hoursHeading)</th></tr></thead><tbody>\(each: rows)</tbody></table></div>")
            </section>
            \(upload)
            </main>
            """)
    }

    func importPlan(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("class"), subjectID = try visit.request.pathParameters.int("subject")
        guard let file = try visit.request.multipart().first(where: { $0.name == "file" }) else {
            return try plan(visit, problems: [visit.words.chooseFile], status: 422)
        }
        do {
            let outcome = try PlanImport.run(database, classID: classID, subjectID: subjectID, bytes: file.body, by: visit.editor)
            let group = visit.request.query["group"].map { "&group=\($0)" } ?? ""
            return .redirect(to: "/journal/\(classID)/\(subjectID)/plan?saved=\(outcome.filled)\(group)")
        } catch let failure as ImportFailure {
            return try plan(visit, problems: failure.problems.map { visit.words.message($0.description) }, status: 422)
        } catch let error as DeskError where error.field != nil {
            return try plan(visit, problems: [error.message(in: visit.words)], status: 422)
        }
    }
}
