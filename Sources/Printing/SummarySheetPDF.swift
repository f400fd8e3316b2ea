import Domain
import Words

/// Сводная ведомость (A4 landscape): the class's students against every subject's period,
/// year, exam and final marks, as many subjects to a page as fit, then the signatures.
public enum SummarySheetPDF {
    public static func pdf(_ sheet: SummarySheet, words w: Words = .russian) throws -> PrintedPDF {
        let h = sheet.heading
        let paper = Paper(landscape: true, twoSided: false, footer: w.summaryFooter(h.className, h.yearName),
                          title: "\(w.summaryTitle) \(h.className)", words: w)
        paper.paragraph(h.school, size: 9, gray: 0.3, after: 2)
        paper.paragraph("\(w.summaryTitle) · \(w.printClass(h.className)) · \(w.printSchoolYear(h.yearName))", size: 13, bold: true, after: 2)
        paper.paragraph(w.summaryLegend, size: 7.5, gray: 0.3, after: 6)
        let numberW = 18.0, nameW = 140.0, markW = 21.0
        let room = paper.textWidth - numberW - nameW
        // Subjects in page-wide parts, each subject's columns kept together.
        var parts: [[SummarySheet.Subject]] = [[]]
        var used = 0.0
        for s in sheet.subjects {
            let width = Double(s.columns.count) * markW
            if used + width > room, !parts[parts.count - 1].isEmpty {
                parts.append([])
                used = 0
            }
            parts[parts.count - 1].append(s)
            used += width
        }
        for (n, part) in parts.enumerated() where !part.isEmpty {
            if n > 0, paper.y + 120 > paper.bottom { paper.newPage() }
            var columns = [PaperTable.Column(title: w.printNumber, width: numberW),
                           PaperTable.Column(title: w.printStudent, width: nameW, align: .left, wraps: true)]
            var groups: [(title: String, span: Int)] = [("", 2)]
            for s in part {
                columns += s.columns.map { c in
                    PaperTable.Column(title: c.period.map(w.periodShort) ?? w.kindHeading(c.kind), width: markW, shaded: c.kind == .final)
                }
                groups.append((s.name, s.columns.count))
            }
            let rows: [[String]] = sheet.studentIDs.enumerated().map { i, id in
                [String(i + 1), sheet.students[i]] + part.flatMap { s in s.columns.map { $0.marks[id].map(w.markShort) ?? "" } }
            }
            PaperTable(columns: columns, groups: groups).draw(rows, on: paper)
        }
        if sheet.students.isEmpty { paper.paragraph(w.printNoStudents, size: 10) }
        paper.y += 8
        paper.signature(w.printClassTeacher, name: h.classTeacher)
        paper.signature(w.printDeputy, name: nil)
        paper.signature(w.printDirector, name: nil, date: false, seal: true)
        return try paper.finish()
    }
}

/// The printout of a student's diary (A4 portrait): the lessons day by day with topics,
/// homework, marks and absences; the marks and average per subject; absences and lateness;
/// the class teacher's and the parent's signatures.
public enum DiaryPrintoutPDF {
    public static func pdf(_ d: DiaryPrintout, words w: Words = .russian) throws -> PrintedPDF {
        let range = w.printRange(d.from, d.to)
        let paper = Paper(landscape: false, twoSided: false, footer: w.diaryPrintFooter(d.student, range),
                          title: "\(w.diaryPrintTitle) \(d.student)", words: w)
        paper.paragraph(d.heading.school, size: 9, gray: 0.3, after: 2)
        paper.paragraph("\(w.diaryPrintTitle): \(d.student)", size: 14, bold: true, after: 2)
        paper.paragraph("\(w.printClass(d.heading.className)) · \(range)", size: 10, after: 8)
        let rest = paper.textWidth - 50 - 16 - 80 - 44 - 38
        let lessons = PaperTable(columns: [
            PaperTable.Column(title: w.printDate, width: 50),
            PaperTable.Column(title: w.printNumber, width: 16),
            PaperTable.Column(title: w.diaryPrintSubject, width: 80, align: .left, wraps: true),
            PaperTable.Column(title: w.printTopic, width: rest * 0.45, align: .left, wraps: true),
            PaperTable.Column(title: w.printHomework, width: rest * 0.55, align: .left, wraps: true),
            PaperTable.Column(title: w.diaryPrintMarks, width: 44, wraps: true),
            PaperTable.Column(title: w.diaryPrintAttendance, width: 38),
        ], fontSize: 7.5)
        let rows: [[String]] = d.lessons.map { l in
            let homework = [l.homework, l.individualHomework ?? ""].filter { !$0.isEmpty }.joined(separator: "\n")
            return [w.date(l.date), String(l.bell), l.subject, l.cancelled ? w.printCancelled : l.topic, homework,
                    l.marks.map { w.markShort($0.value) }.joined(separator: " "), l.attendance?.rawValue ?? ""]
        }
        if rows.isEmpty { paper.paragraph(w.printNoLessons, size: 10) } else { lessons.draw(rows, on: paper) }
        paper.paragraph(w.diaryPrintAverages, size: 11, bold: true, after: 4, keep: 60)
        let averages = PaperTable(columns: [
            PaperTable.Column(title: w.diaryPrintSubject, width: 170, align: .left, wraps: true),
            PaperTable.Column(title: w.diaryPrintMarks, width: paper.textWidth - 170 - 70, align: .left, wraps: true),
            PaperTable.Column(title: w.diaryPrintAverage, width: 70),
        ], fontSize: 8)
        averages.draw(d.subjects.map { [$0.subject, $0.marks.map(w.markShort).joined(separator: " "), $0.average.map(w.decimal) ?? "—"] }, on: paper)
        paper.paragraph(w.diaryPrintAbsences, size: 11, bold: true, after: 4, keep: 30)
        let counted = AbsenceCode.allCases.filter { (d.absences[$0] ?? 0) > 0 }
        paper.paragraph(counted.isEmpty ? w.diaryPrintNoAbsences : counted.map { w.diaryPrintAbsenceLine($0, d.absences[$0]!) }.joined(separator: "\n"),
                        size: 9, after: 14)
        paper.signature(w.printClassTeacher, name: d.heading.classTeacher)
        paper.signature("\(w.printGuardian). \(w.diaryPrintRead)", name: nil)
        return try paper.finish()
    }
}
