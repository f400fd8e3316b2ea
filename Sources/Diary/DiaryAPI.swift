import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// `GET /api/v1/students/{id}/diary` and `/marks` (docs/openapi.yaml).
struct DiaryAPI: Sendable {
    let database: Database
    /// The school's clock: its offset tells homework set before its lesson's day.
    let clock: SchoolClock
    /// Bodies of short ranges (a week, as the diary shows it), kept like the week pages under
    /// the versions of the class's and the school's data.
    let ranges = PageCache<RangeKey, JSONBytes>(capacity: 512)

    struct RangeKey: Hashable, Sendable {
        let student: Int
        let classID: Int
        let from: CivilDate
        let to: CivilDate
        let classVersion: Int
        let schoolVersion: Int
    }

    /// The longest range kept, in days: a year's body is too large to keep hundreds of.
    static let keptDays = 14

    func student(_ visit: Visit) throws -> DiaryStudent {
        let id = try visit.request.pathParameters.int("id")
        guard let s = try database.read({ try $0.diaryStudent(id, on: visit.today) }), s.classID != nil else { throw HTTPError.notFound }
        return s
    }

    func diary(_ visit: Visit) throws -> Response {
        let s = try student(visit)
        let q = visit.request.query
        let w = visit.words
        guard let fromText = q["from"], let toText = q["to"] else { throw HTTPError.badRequest(w.diaryRangeNeeded) }
        guard let from = CivilDate(iso: fromText), let to = CivilDate(iso: toText) else {
            throw HTTPError.badRequest(w.diaryRangeFormat)
        }
        guard from <= to else { throw HTTPError.badRequest(w.fromAfterTo) }
        guard to.dayNumber - from.dayNumber <= 366 else { throw HTTPError.badRequest(w.atMostAYear) }
        let classID = s.classID!
        let draw = {
            let lessons = try database.read { try $0.diaryLessons(student: s.id, classID: classID, from: from, to: to, utcOffsetMinutes: clock.utcOffsetMinutes) }
            var json = JSONBytes(capacity: 512 + lessons.count * 400)
            json.object { j in
                j.key("days")
                j.array(Self.days(lessons)) { j, day in
                    j.object { j in
                        j.field("date", day[day.startIndex].date.iso)
                        j.key("lessons")
                        j.array(day) { j, l in Self.write(l, to: &j) }
                    }
                }
                j.key("student")
                Self.write(s, to: &j)
            }
            return json
        }
        guard to.dayNumber - from.dayNumber < Self.keptDays else { return JSONBody.response(try draw()) }
        let version = try database.read { try $0.journalVersion(classID: classID) }
        let key = RangeKey(student: s.id, classID: classID, from: from, to: to, classVersion: version.class, schoolVersion: version.school)
        return JSONBody.response(try ranges.value(key, draw: draw))
    }

    /// The lessons of each date, in order.
    static func days(_ lessons: [DiaryLesson]) -> [ArraySlice<DiaryLesson>] {
        var days: [ArraySlice<DiaryLesson>] = []
        var first = lessons.startIndex
        for i in lessons.indices where i + 1 == lessons.endIndex || lessons[i + 1].date != lessons[i].date {
            days.append(lessons[first...i])
            first = i + 1
        }
        return days
    }

    // Members in alphabetical order, as the API has always written them.

    static func write(_ s: DiaryStudent, to j: inout JSONBytes) {
        j.object { j in
            j.field("class", s.className)
            j.field("id", s.id)
            j.field("name", s.name)
        }
    }

    static func write(_ l: DiaryLesson, to j: inout JSONBytes) {
        j.object { j in
            j.field("attendance", l.attendance?.rawValue)
            j.field("cancelled", l.cancelled)
            j.field("change", l.changeNote)
            j.field("changed", l.changed)
            j.field("end", l.end.description)
            j.field("homework", l.homework)
            j.field("homeworkDue", l.homeworkDue?.iso)
            j.field("id", l.id)
            j.field("individualHomework", l.individualHomework)
            j.field("individualHomeworkDue", l.individualHomeworkDue?.iso)
            j.key("marks")
            j.array(l.marks) { j, m in
                j.object { j in
                    j.field("id", m.id)
                    j.field("value", m.value)
                    j.field("weight", m.weight)
                    j.field("workType", m.workType)
                }
            }
            j.field("number", l.bell)
            j.key("remarks")
            j.array(l.remarks) { j, r in
                j.object { j in
                    j.field("author", r.author)
                    j.field("praise", r.praise)
                    j.field("text", r.text)
                }
            }
            j.field("start", l.start.description)
            j.field("subject", l.subject)
            j.field("topic", l.topic)
        }
    }

    func marks(_ visit: Visit) throws -> Response {
        let s = try student(visit)
        let periods = try database.read { try $0.periods(classID: s.classID!) }
        guard let period = try DiaryPages.period(visit, periods) else { throw HTTPError.notFound }
        let (subjects, finals, rule) = try database.read { c in
            (try c.subjectMarks(student: s.id, classID: s.classID!, from: period.startsOn, to: period.endsOn, period: period.id),
             try c.studentFinals(student: s.id, classID: s.classID!), try c.schoolSettings().rounding)
        }
        var json = JSONBytes(capacity: 8192)
        json.object { j in
            j.key("period")
            j.period(period)
            j.key("periodMarks")
            j.array(finals.flatMap { sub in sub.marks.map { (sub.subject, $0) } }) { j, f in
                j.object { j in
                    j.field("kind", f.1.kind.rawValue)
                    j.field("period", f.1.periodID)
                    j.field("subject", f.0)
                    j.field("value", f.1.value)
                }
            }
            j.key("student")
            Self.write(s, to: &j)
            j.key("subjects")
            j.array(subjects) { j, sub in
                let f = sub.forecast(rule)
                j.object { j in
                    j.field("average", f.map { ($0.average * 100).rounded() / 100 })
                    if let f {
                        j.key("forecast")
                        j.object { j in
                            j.field("fivesNeeded", f.fivesNeeded)
                            j.field("mark", f.mark)
                            j.field("nextMark", f.nextMark)
                        }
                    }
                    j.field("id", sub.subjectID)
                    j.key("marks")
                    j.array(sub.marks) { j, m in
                        j.object { j in
                            j.field("date", m.date.iso)
                            j.field("value", m.mark.value)
                            j.field("weight", m.mark.weight)
                            j.field("workType", m.mark.workType)
                        }
                    }
                    j.field("name", sub.subject)
                    if let pm = sub.periodMark { j.field("periodMark", pm) }
                }
            }
        }
        return JSONBody.response(json)
    }

    /// `GET /api/v1/students/{id}/finals`: every period, year, exam and final mark of the
    /// student's year by subject — `{"subjects": [{"id", "name", "marks": [{"kind", "period", "value"}]}]}`,
    /// `period` only for a period mark, `value` 1–5 or "зачёт", "незачёт", "н/а", "осв".
    func finals(_ visit: Visit) throws -> Response {
        let s = try student(visit)
        let subjects = try database.read { try $0.studentFinals(student: s.id, classID: s.classID!) }
        let order: [PeriodMarkKind: Int] = [.period: 0, .year: 1, .exam: 2, .final: 3]
        var json = JSONBytes(capacity: 256 + subjects.count * 200)
        json.object { j in
            j.key("subjects")
            j.array(subjects) { j, sub in
                j.object { j in
                    j.field("id", sub.subjectID)
                    j.key("marks")
                    j.array(sub.marks.sorted { (order[$0.kind]!, $0.periodID ?? 0) < (order[$1.kind]!, $1.periodID ?? 0) }) { j, m in
                        j.object { j in
                            j.field("kind", m.kind.rawValue)
                            j.field("period", m.periodID)
                            j.field("value", m.value)
                        }
                    }
                    j.field("name", sub.subject)
                    j.field("scale", sub.scale.rawValue)
                }
            }
        }
        return JSONBody.response(json)
    }
}
