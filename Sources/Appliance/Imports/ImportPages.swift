import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// The administrator's CSV imports (`/imports`): choose what to import, upload the file, see
/// what it would change — or every bad line — in a dry run, then confirm. Confirming runs the
/// same `CSVImport` as `tabel setup import`, on the file kept server-side since the preview
/// (`ImportUploads`: a random token bound to the session, a short expiry), checked again.
struct ImportPages {
    let database: Database
    /// The largest upload the server takes (its request body limit).
    let uploadLimit: Int
    var uploads: ImportUploads { ImportUploads(database: database) }
    /// Lines shown of each kind of change; the rest are counted.
    static let shownRows = 20

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/imports", .school(.importData)) { visit in try form(visit, choice: Choice(), problems: [], status: 200) },
            AppRoute(.post, "/imports", .school(.importData), slow: .computes) { visit in try preview(visit) },
            AppRoute(.post, "/imports/confirm", .school(.importData), slow: .computes) { visit in try confirm(visit) },
            AppRoute(.post, "/imports/cancel", .school(.importData)) { visit in
                if let token = try visit.request.form()["token"], let session = visit.session?.id {
                    try uploads.discard(token: token, session: session, now: visit.now)
                }
                return .redirect(to: "/imports")
            },
        ]
    }

    /// What the upload form had chosen, to show it again.
    struct Choice {
        var kind: CSVImport.Kind?
        var classID: Int?
        var subjectID: Int?
    }

    // MARK: Pages

    func frame(_ visit: Visit, title: String, status: Int, _ content: HTML) throws -> Response {
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }
        return Layout.response(Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(visit.words.menuHome, "/")], content), status: status)
    }

    /// The upload form, with the problems of the last file (each naming its line) above it.
    func form(_ visit: Visit, choice: Choice, problems: [String], status: Int, heading: String? = nil, lead: HTML? = nil) throws -> Response {
        let w = visit.words
        let (classes, subjects) = try database.read { c in
            (try c.classList(year: try c.importAcademicYear(on: visit.today)?.id ?? -1), try c.subjectList())
        }
        let kinds: [HTML] = CSVImport.Kind.allCases.map { kind in
            let note = w.importsKindNote(kind.rawValue)
            return """
                <label class="choice"><input type="radio" name="kind" value="\(kind.rawValue)"\(HTML(trusted: choice.kind == kind ? " checked" : "")) required>
                <span><b>\(w.importsKind(kind.rawValue))</b><br><small class="muted">\(w.importsColumns(kind.rawValue))\(note.isEmpty ? "" : " " + note)</small></span></label>
                """
        }
        func options(_ list: [(id: Int, name: String)], _ chosen: Int?) -> [HTML] {
            ["<option value=\"\">\(w.importsChoose)</option>"] + list.map {
                "<option value=\"\($0.id)\"\(HTML(trusted: $0.id == chosen ? " selected" : ""))>\($0.name)</option>"
            }
        }
        let errors: HTML = problems.isEmpty ? "" : """
            <div class="form-error" role="alert" id="import-errors"><p>\(lead ?? HTML(stringLiteral: "")) \(w.importsErrorsLead)</p>
            <p class="muted">\(w.importsErrorsCount(problems.count))</p>
            <ul>\(each: problems.map { "<li>\($0)</li>" as HTML })</ul></div>
            """
        return try frame(visit, title: w.importsTitle, status: status, """
            <main>
            <h1>\(heading ?? w.importsTitle)</h1>
            \(errors)
            <p>\(w.importsIntro)</p>
            <p class="muted">\(w.importsOrderHint)</p>
            <form method="post" action="/imports" enctype="multipart/form-data" class="card">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <fieldset class="card"><legend>\(w.importsKindLegend)</legend>
            <div>\(each: kinds)</div>
            </fieldset>
            <div class="grid">
            <div><label for="class">\(w.importsClassLabel)</label>
            <select id="class" name="class">\(each: options(classes, choice.classID))</select></div>
            <div><label for="subject">\(w.importsSubjectLabel)</label>
            <select id="subject" name="subject">\(each: options(subjects, choice.subjectID))</select></div>
            </div>
            <label for="file">\(w.importsFileLabel)</label>
            <input type="file" id="file" name="file" accept=".csv,text/csv,text/plain" required>
            <p class="muted hint">\(w.importsFileHint(megabytes: max(1, min(uploadLimit, CSVImport.maxBytes) / (1024 * 1024))))</p>
            <p><button type="submit">\(w.importsCheck)</button></p>
            </form>
            </main>
            """)
    }

    /// `POST /imports`: the dry run of the uploaded file. A file with any error is not kept.
    func preview(_ visit: Visit) throws -> Response {
        let w = visit.words
        // Over the import's limit (a server may take larger bodies): refused before it is parsed.
        guard visit.request.body.count <= CSVImport.maxBytes + 64 * 1024 else {
            return try form(visit, choice: Choice(), problems: [w.importsTooLarge(megabytes: CSVImport.maxBytes / (1024 * 1024))], status: 413)
        }
        let parts = try visit.request.multipart()
        func field(_ name: String) -> String { parts.first { $0.name == name && $0.filename == nil }?.text?.trimmingWhitespace ?? "" }
        let choice = Choice(kind: CSVImport.Kind(rawValue: field("kind")), classID: Int(field("class")), subjectID: Int(field("subject")))
        guard let kind = choice.kind else { return try form(visit, choice: choice, problems: [w.importsNoKind], status: 422) }
        guard let file = parts.first(where: { $0.name == "file" && $0.filename != nil }), !(file.filename ?? "").isEmpty else {
            return try form(visit, choice: choice, problems: [w.importsNoFile], status: 422)
        }
        guard !file.body.isEmpty else { return try form(visit, choice: choice, problems: [w.importsEmptyFile], status: 422) }
        var job = CSVImport(kind: kind, bytes: file.body)
        var target: String?
        if kind == .plan {
            let names = try database.read { c -> (String, String)? in
                guard let classID = choice.classID, let subjectID = choice.subjectID,
                      let year = try c.importAcademicYear(on: visit.today), let k = try c.schoolClass(classID), k.yearID == year.id,
                      let subject = try c.subjectName(subjectID) else { return nil }
                return (k.name, subject)
            }
            guard let (className, subject) = names else { return try form(visit, choice: choice, problems: [w.importsNoPlanTarget], status: 422) }
            job = CSVImport(kind: .plan, classID: choice.classID, subjectID: choice.subjectID, bytes: file.body)
            target = w.importsPlanTarget(className, subject)
        }
        let fileName = file.filename ?? ""
        let report: ImportReport
        do {
            report = try job.run(database, today: visit.today, dryRun: true, by: visit.editor)
        } catch let failure as ImportFailure {
            return try form(visit, choice: choice, problems: failure.problems.map(\.description), status: 422,
                            heading: w.importsPreviewTitle(fileName), lead: "<b>\(w.importsKind(kind.rawValue))\(target.map { ": " + $0 } ?? "").</b>")
        }
        guard let session = visit.session?.id else { throw HTTPError.forbidden }
        let token = try uploads.keep(job, fileName: fileName, session: session, now: visit.now)
        let nothing = report.rows.isEmpty && report.consequences.isEmpty
        return try frame(visit, title: w.importsPreviewTitle(fileName), status: 200, """
            <main>
            <h1>\(w.importsPreviewTitle(fileName))</h1>
            <section class="card slip-confirm">
            <h2>\(w.importsWhatChanges)</h2>
            <p>\(w.importsKindLine(w.importsKind(kind.rawValue) + (target.map { ": " + $0 } ?? "")))</p>
            \(summary(report, w: w, done: false))
            \(nothing ? "<p class=\"notice\">\(w.importsNothingChanges)</p>" as HTML : HTML.empty)
            <div class="tools">
            <form method="post" action="/imports/confirm" class="inline">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <input type="hidden" name="token" value="\(token)">
            <button type="submit">\(w.importsConfirm)</button>
            </form>
            <form method="post" action="/imports/cancel" class="inline">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <input type="hidden" name="token" value="\(token)">
            <button type="submit" class="secondary">\(w.importsCancel)</button>
            </form>
            </div>
            <p class="muted hint">\(w.importsConfirmHint(minutes: ImportUploads.lifetimeSeconds / 60))</p>
            </section>
            \(details(report, w: w))
            </main>
            """)
    }

    /// `POST /imports/confirm`: the kept file imported, checked again; the same import as the console's.
    func confirm(_ visit: Visit) throws -> Response {
        let w = visit.words
        let token = try visit.request.form()["token"] ?? ""
        let upload: ImportUploads.Upload
        let report: ImportReport
        do {
            (upload, report) = try uploads.confirm(token: token, today: visit.today, by: visit.editor)
        } catch is ImportUploads.Gone {
            return try form(visit, choice: Choice(), problems: [w.importsGone], status: 410)
        } catch let failure as ImportFailure {
            return try form(visit, choice: Choice(), problems: failure.problems.map(\.description), status: 422)
        }
        return try frame(visit, title: w.importsDoneTitle, status: 200, """
            <main>
            <h1>\(w.importsDoneTitle): «\(upload.fileName)»</h1>
            <section class="card slip-confirm">
            <h2>\(w.importsWhatChanged)</h2>
            <p>\(w.importsKindLine(w.importsKind(upload.job.kind.rawValue), done: true))</p>
            <div role="status">\(summary(report, w: w, done: true))</div>
            <p class="tools"><a class="button" href="/imports">\(w.importsAnother)</a>
            <a class="button secondary" href="/audit">\(w.importsAuditLink)</a></p>
            </section>
            \(details(report, w: w))
            </main>
            """)
    }

    // MARK: Parts

    /// The counts of a report, as one line.
    func summary(_ report: ImportReport, w: Words, done: Bool) -> HTML {
        let moved: HTML = report.moved > 0 ? " (\(w.importsCountMoved): <b>\(report.moved)</b>)" : ""
        return """
            <p class="counts">\(done ? w.importsDoneCreated : w.importsCountCreated): <b>\(report.created)</b> · \
            \(done ? w.importsDoneUpdated : w.importsCountUpdated): <b>\(report.updated)</b>\(moved) · \
            \(w.importsCountUnchanged): <b>\(report.unchanged)</b></p>
            """
    }

    /// The first lines of each kind of change, and what follows from them.
    func details(_ report: ImportReport, w: Words) -> HTML {
        var out: [HTML] = []
        for change in ImportReport.Change.allCases {
            let rows = report.rows.filter { $0.change == change }
            guard !rows.isEmpty else { continue }
            let shown: [HTML] = rows.prefix(Self.shownRows).map { "<tr><td>\($0.line)</td><td>\($0.text)</td></tr>" }
            out.append("""
                <section class="card spaced import-\(change.rawValue)">
                <h2>\(w.importsChange(change.rawValue)) (\(rows.count))</h2>
                <div class="table-wrap"><table>
                <thead><tr><th>\(w.importsLine)</th><th>\(w.importsWhat)</th></tr></thead>
                <tbody>\(each: shown)</tbody></table></div>
                \(rows.count > Self.shownRows ? "<p class=\"muted\">\(w.importsAndMore(rows.count - Self.shownRows))</p>" as HTML : HTML.empty)
                </section>
                """)
        }
        if !report.consequences.isEmpty {
            out.append("""
                <section class="card spaced"><h2>\(w.importsBesides)</h2>
                <ul>\(each: report.consequences.map { "<li>\($0)</li>" as HTML })</ul></section>
                """)
        }
        return "\(each: out)"
    }
}
