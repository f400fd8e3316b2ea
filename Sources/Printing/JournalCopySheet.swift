import Domain
import Words

/// The paper copy of a class journal (A4 landscape, two-sided): a title page with the class
/// teacher's signature; per subject, from a right-hand page, the students against the lesson
/// dates with marks and absences and the period marks, the topics and homework, the teacher's
/// signature; at the end the deputy's and the director's signatures with the place for the seal.
/// The same grid left empty makes the blank pages of a temporary journal for an outage.
public enum JournalCopySheet {
    public static func pdf(_ copy: JournalCopy, words w: Words = .russian) throws -> PrintedPDF {
        let range = copy.period.map(w.period) ?? w.printSchoolYear(copy.heading.yearName)
        let paper = Paper(landscape: true, twoSided: true, footer: w.journalCopyFooter(copy.heading.className, range),
                          title: "\(w.journalCopyTitle) \(copy.heading.className)", words: w)
        titlePage(copy.heading, title: w.journalCopyTitle, range: copy.period.map { "\(w.period($0)), \(w.printRange($0.startsOn, $0.endsOn))" } ?? w.printWholeYear,
                  subjects: copy.subjects, on: paper)
        for subject in copy.subjects {
            paper.startPart()
            subjectHead(subject, copy.heading, range: range, on: paper)
            grid(subject, blank: false, on: paper)
            paper.paragraph(w.journalCopyTopics, size: 10, bold: true, keep: 60)
            topics(subject, on: paper)
            paper.signature(w.printSubjectTeacher, name: subject.teacher)
        }
        paper.startPart(rightHand: false)
        paper.paragraph(w.journalCopyChecked, size: 10, after: 16)
        paper.signature(w.printDeputy, name: nil)
        paper.y += 10
        paper.signature(w.printDirector, name: nil, date: false, seal: true)
        return try paper.finish()
    }

    /// Blank pages: per subject the class list against its planned dates, and lines for the
    /// topics and homework, with the absence codes' legend.
    public static func blank(_ copy: JournalCopy, words w: Words = .russian) throws -> PrintedPDF {
        let range = w.printRange(copy.from, copy.to)
        let paper = Paper(landscape: true, twoSided: false, footer: w.blankFooter(copy.heading.className, range),
                          title: "\(w.blankTitle) \(copy.heading.className)", words: w)
        if copy.subjects.isEmpty { paper.paragraph(w.printNoLessons, size: 11) }
        for subject in copy.subjects {
            // Subjects share a page while the next one fits whole.
            let height = 150 + Double(subject.students.count + 1) * 15 + Double(subject.lessons.count + 1) * 18
            if paper.y + height > paper.bottom { paper.startPart(rightHand: false) } else if paper.used { paper.y += 12 }
            paper.paragraph("\(w.blankTitle) · \(w.printClass(copy.heading.className)) · \(range)", size: 8, gray: 0.35, after: 2)
            subjectHead(subject, copy.heading, range: nil, on: paper)
            paper.paragraph(w.blankLegend, size: 7.5, after: 6)
            grid(subject, blank: true, on: paper)
            topics(subject, blank: true, on: paper)
            paper.signature(w.printSubjectTeacher, name: subject.teacher)
        }
        return try paper.finish()
    }

    static func titlePage(_ h: PrintHeading, title: String, range: String, subjects: [PrintedSubject], on paper: Paper) {
        let w = paper.words
        paper.y = 90
        paper.paragraph(h.school, size: 13, align: .center, after: 40)
        paper.paragraph(title, size: 24, bold: true, align: .center, after: 14)
        paper.paragraph(w.printClass(h.className), size: 18, bold: true, align: .center, after: 8)
        paper.paragraph(w.printSchoolYear(h.yearName), size: 13, align: .center, after: 4)
        paper.paragraph(range, size: 12, align: .center, after: 28)
        if subjects.isEmpty {
            paper.paragraph(w.journalCopyNoSubjects, size: 10, align: .center, after: 20)
        } else {
            let list = subjects.map { "\(w.printSubjectTitle($0.subject, group: $0.group)) — \($0.teacher)" }.joined(separator: "; ")
            paper.paragraph("\(w.journalCopySubjects): \(list)", size: 8.5, gray: 0.25, after: 30)
        }
        paper.y = max(paper.y, paper.bottom - 60)
        paper.signature(w.printClassTeacher, name: h.classTeacher)
    }

    static func subjectHead(_ s: PrintedSubject, _ h: PrintHeading, range: String?, on paper: Paper) {
        let w = paper.words
        paper.paragraph(w.printSubjectTitle(s.subject, group: s.group), size: 14, bold: true, after: 2)
        paper.paragraph(([w.printClass(h.className)] + (range.map { [$0] } ?? []) + [w.printTeacherLine(s.teacher)]).joined(separator: " · "),
                        size: 9, gray: 0.3, after: 8)
    }

    /// Students × lesson dates (the held lessons), split over pages by dates; the mark columns
    /// close the last part.
    static func grid(_ s: PrintedSubject, blank: Bool, on paper: Paper) {
        let w = paper.words
        let lessons = s.lessons.filter { !$0.cancelled }
        if s.students.isEmpty { paper.paragraph(w.printNoStudents, size: 9); return }
        let numberW = 18.0, nameW = 150.0, dateW = blank ? 22.0 : 19.0, markW = 26.0
        let marksWidth = Double(s.columns.count) * markW
        let perPage = max(1, Int((paper.textWidth - numberW - nameW) / dateW))
        var chunks: [[PrintedSubject.Lesson]] = stride(from: 0, to: lessons.count, by: perPage).map { Array(lessons[$0..<min(lessons.count, $0 + perPage)]) }
        // The mark columns go beside the last dates when they fit, else on a part of their own.
        if chunks.isEmpty || Double(chunks.last!.count) * dateW + marksWidth > paper.textWidth - numberW - nameW, !s.columns.isEmpty {
            chunks.append([])
        }
        for (n, chunk) in chunks.enumerated() {
            let last = n == chunks.count - 1
            var columns = [PaperTable.Column(title: w.printNumber, width: numberW),
                           PaperTable.Column(title: w.printStudent, width: nameW, align: .left, wraps: true)]
            columns += chunk.map { PaperTable.Column(title: "\($0.date.day.twoDigits)\n\($0.date.month.twoDigits)", width: dateW) }
            if last {
                columns += s.columns.map { PaperTable.Column(title: heading($0, w), width: markW, shaded: true) }
            }
            if chunks.count > 1 { paper.paragraph("\(w.journalCopyMarks), \(w.printPart(n + 1, of: chunks.count))", size: 8, gray: 0.35, after: 2, keep: 60) }
            let table = PaperTable(columns: columns, rowHeight: blank ? 15 : 12)
            let rows: [[String]] = s.students.enumerated().map { i, st in
                [String(i + 1), st.name] + chunk.map { l in blank ? "" : cell(s, student: st.id, lesson: l.id, w) }
                    + (last ? s.columns.map { c in blank ? "" : c.marks[st.id].map(w.markShort) ?? "" } : [])
            }
            table.draw(rows, on: paper)
        }
    }

    /// What a cell shows: the absence code, then the marks («Н», «5», «4/5», «О 5»).
    static func cell(_ s: PrintedSubject, student: Int, lesson: Int, _ w: Words) -> String {
        let marks = s.marks[student]?[lesson]?.map(w.markShort).joined(separator: "/") ?? ""
        guard let code = s.absences[student]?[lesson] else { return marks }
        return marks.isEmpty ? code.rawValue : "\(code.rawValue) \(marks)"
    }

    static func heading(_ c: MarkColumn, _ w: Words) -> String {
        c.period.map(w.periodShort) ?? w.kindHeading(c.kind)
    }

    /// The lessons' dates, topics and homework (cancelled ones said so); blank: lines to fill in.
    static func topics(_ s: PrintedSubject, blank: Bool = false, on paper: Paper) {
        let w = paper.words
        if s.lessons.isEmpty { paper.paragraph(w.printNoLessons, size: 9); return }
        let numberW = 22.0, dateW = 58.0
        let rest = paper.textWidth - numberW - dateW
        let table = PaperTable(columns: [
            PaperTable.Column(title: w.printNumber, width: numberW),
            PaperTable.Column(title: w.printDate, width: dateW),
            PaperTable.Column(title: w.printTopic, width: rest * 0.55, align: .left, wraps: true),
            PaperTable.Column(title: w.printHomework, width: rest * 0.45, align: .left, wraps: true),
        ], fontSize: 8, rowHeight: blank ? 18 : 12)
        var number = 0
        let rows: [[String]] = s.lessons.map { l in
            if l.cancelled { return ["", w.date(l.date), w.printCancelled, ""] }
            number += 1
            return [String(number), w.date(l.date), blank ? "" : l.topic, blank ? "" : l.homework]
        }
        table.draw(rows, on: paper, shadedRows: Set(s.lessons.indices.filter { s.lessons[$0].cancelled }))
    }
}

extension Int {
    /// «05».
    var twoDigits: String { self < 10 ? "0\(self)" : String(self) }
}
