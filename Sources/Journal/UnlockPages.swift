import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The deputy's openings of the journal: time-limited unlocks of a class's subject and
/// transfer windows after an outage.
struct UnlockPages: Sendable {
    let database: Database
    let desk: JournalDesk

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/unlocks", .school(.grantUnlocks)) { visit in try unlocks(visit) },
            AppRoute(.post, "/unlocks", .school(.grantUnlocks)) { visit in try grantUnlock(visit) },
            AppRoute(.post, "/unlocks/transfer", .school(.grantUnlocks)) { visit in try openTransfer(visit) },
            AppRoute(.post, "/unlocks/{id:int}/end", .school(.grantUnlocks)) { visit in
                try desk.endUnlock(try visit.request.pathParameters.int("id"), by: visit.editor)
                return .redirect(to: "/unlocks?saved=1")
            },
            AppRoute(.post, "/unlocks/transfer/{id:int}/end", .school(.grantUnlocks)) { visit in
                try desk.endTransferWindow(try visit.request.pathParameters.int("id"), by: visit.editor)
                return .redirect(to: "/unlocks?saved=1")
            },
        ]
    }

    func unlocks(_ visit: Visit, error: String? = nil, status: Int = 200) throws -> Response {
        let w = visit.words
        let (unlocks, windows, pairs) = try database.read { c in
            (try c.activeUnlocks(now: visit.now), try c.activeTransferWindows(now: visit.now),
             try c.currentAcademicYear(on: visit.today).map { try c.classSubjects(year: $0.id) } ?? [])
        }
        let end = { (action: String, what: String) -> HTML in
            "<form method=\"post\" action=\"\(action)\" class=\"inline\">\(JournalFrame.csrfField(visit))<button class=\"link\" aria-label=\"\(w.withdrawWhat(what))\">\(w.withdraw)</button></form>"
        }
        let time = { (t: Int) -> String in
            w.dateTime(SchoolDateTime(unixSeconds: t, offsetMinutes: desk.utcOffsetMinutes))
        }
        let unlockRows: [HTML] = unlocks.map {
            "<tr><td>\($0.className)</td><td>\($0.subject)</td><td>\(w.date($0.from))–\(w.date($0.to))</td><td>\(time($0.until))</td><td>\($0.reason)</td><td>\(end("/unlocks/\($0.id)/end", "\($0.className), \($0.subject)"))</td></tr>"
        }
        let windowRows: [HTML] = windows.map {
            "<tr><td>\(w.date($0.from))–\(w.date($0.to))</td><td>\(time($0.until))</td><td>\($0.reason)</td><td>\(end("/unlocks/transfer/\($0.id)/end", w.transferOf("\(w.date($0.from))–\(w.date($0.to))")))</td></tr>"
        }
        let week = visit.today.adding(days: 7).iso
        return try JournalFrame.page(visit, database: database, title: w.sectionUnlocks, status: status, """
            <main>
            <h1>\(w.sectionUnlocks)</h1>
            \(error.map { "<p class=\"notice warn\" role=\"alert\">\($0)</p>" as HTML })
            \(visit.request.query["saved"] == "1" ? "<p class=\"notice ok\" role=\"status\">\(w.saved)</p>" as HTML : "")
            <section class="card"><h2>\(w.unlocksInForce)</h2>
            \(unlockRows.isEmpty ? "<p class=\"muted\">\(w.none)</p>" as HTML : "<div class=\"table-wrap\"><table><thead><tr><th>\(w.classHeading)</th><th>\(w.subjectHeading)</th><th>\(w.lessonDates)</th><th>\(w.until)</th><th>\(w.reasonLabel)</th><th></th></tr></thead><tbody>\(each: unlockRows)</tbody></table></div>")
            </section>
            <form method="post" action="/unlocks" class="card spaced">\(JournalFrame.csrfField(visit))
            <h2>\(w.allowCorrections)</h2>
            <p class="muted">\(w.allowCorrectionsText)</p>
            <label>\(w.classAndSubject) <select name="pair" required><option value="">\(w.choose)</option>
            \(each: pairs.map { "<option value=\"\($0.classID):\($0.subjectID)\">\($0.name)</option>" as HTML })</select></label>
            <label>\(w.lessonsFrom) <input type="date" name="from" required></label>
            <label>\(w.toDate) <input type="date" name="to" required></label>
            <label>\(w.unlockUntil) <input type="date" name="until" value="\(week)" required></label>
            <label>\(w.reasonLabel) <input name="reason" maxlength="300" required></label>
            <p><button>\(w.allow)</button></p>
            </form>
            <section class="card spaced"><h2>\(w.transferFromPaper)</h2>
            \(windowRows.isEmpty ? "<p class=\"muted\">\(w.noTransferWindows)</p>" as HTML : "<div class=\"table-wrap\"><table><thead><tr><th>\(w.lessonDates)</th><th>\(w.until)</th><th>\(w.reasonLabel)</th><th></th></tr></thead><tbody>\(each: windowRows)</tbody></table></div>")
            </section>
            <form method="post" action="/unlocks/transfer" class="card spaced">\(JournalFrame.csrfField(visit))
            <h2>\(w.openTransferTitle)</h2>
            <p class="muted">\(w.openTransferText)</p>
            <label>\(w.outageFrom) <input type="date" name="from" required></label>
            <label>\(w.toDate) <input type="date" name="to" required></label>
            <label>\(w.transferUntil) <input type="date" name="until" value="\(JournalRules.addingWorkingDays(2, to: visit.today).iso)" required></label>
            <label>\(w.reasonLabel) <input name="reason" maxlength="300" required placeholder="\(w.outageExample)"></label>
            <p><button>\(w.openTransfer)</button></p>
            </form>
            </main>
            """)
    }

    /// The dates and deadline of an unlock or transfer form. - Throws: 422 with the message.
    func range(_ form: Parameters, _ w: Words) throws -> (ClosedRange<CivilDate>, Int, String) {
        guard let from = CivilDate(iso: form["from"] ?? ""), let to = CivilDate(iso: form["to"] ?? ""), from <= to else {
            throw DeskError.invalid(w.giveDates, field: "from")
        }
        guard let until = CivilDate(iso: form["until"] ?? "") else { throw DeskError.invalid(w.giveUntil, field: "until") }
        let reason = (form["reason"] ?? "").trimmingWhitespace
        guard !reason.isEmpty else { throw DeskError.invalid(w.giveReason, field: "reason") }
        let end = SchoolDateTime(date: until.adding(days: 1), time: TimeOfDay(minutes: 0)).unixSeconds(offsetMinutes: desk.utcOffsetMinutes) - 1
        return (from...to, end, reason)
    }

    func grantUnlock(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        do {
            let (dates, until, reason) = try range(form, visit.words)
            // «classID:subjectID» from the list of the classes' subjects (class and subject apart still work).
            let pair = (form["pair"] ?? "").split(separator: ":").compactMap { Int($0) }
            guard let classID = pair.count == 2 ? pair[0] : Int(form["class"] ?? ""), let subjectID = pair.count == 2 ? pair[1] : Int(form["subject"] ?? "") else {
                throw DeskError.invalid(visit.words.chooseClassAndSubject, field: "class")
            }
            _ = try desk.grantUnlock(classID: classID, subjectID: subjectID, dates: dates, until: until, reason: reason, by: visit.editor)
        } catch let error as DeskError where error.field != nil {
            return try unlocks(visit, error: error.message(in: visit.words), status: 422)
        }
        return .redirect(to: "/unlocks?saved=1")
    }

    func openTransfer(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        do {
            let (dates, until, reason) = try range(form, visit.words)
            _ = try desk.openTransferWindow(dates: dates, until: until, reason: reason, by: visit.editor)
        } catch let error as DeskError where error.field != nil {
            return try unlocks(visit, error: error.message(in: visit.words), status: 422)
        }
        return .redirect(to: "/unlocks?saved=1")
    }
}
