import Domain
import HTTP
import Routing
import Storage
import WebUI

/// `GET /api/v1/students/{id}/diary` and `/marks` (docs/openapi.yaml).
struct DiaryAPI {
    let database: Database
    let clock: SchoolClock

    struct StudentBody: Encodable {
        let id: Int
        let name: String
        let `class`: String
    }

    struct MarkBody: Encodable {
        let id: Int
        let value: Int
        let workType: String
        let weight: Double
    }

    struct LessonBody: Encodable {
        let id: Int
        let number: Int
        let start: String
        let end: String
        let subject: String
        let topic: String
        let homework: String
        let individualHomework: String?
        /// The day the homework is due (`YYYY-MM-DD`), when known.
        let homeworkDue: String?
        let individualHomeworkDue: String?
        let marks: [MarkBody]
        let attendance: String?
        let remarks: [DiaryRemark]
        let changed: Bool
        let change: String
        let cancelled: Bool
    }

    struct DayBody: Encodable {
        let date: String
        let lessons: [LessonBody]
    }

    struct DiaryBody: Encodable {
        let student: StudentBody
        let days: [DayBody]
    }

    static func mark(_ m: DiaryMark) -> MarkBody { MarkBody(id: m.id, value: m.value, workType: m.workType, weight: m.weight) }

    func student(_ visit: Visit) throws -> DiaryStudent {
        let id = try visit.request.pathParameters.int("id")
        guard let s = try database.read({ try $0.diaryStudent(id, on: visit.today) }), s.classID != nil else { throw HTTPError.notFound }
        return s
    }

    func diary(_ visit: Visit) throws -> Response {
        let s = try student(visit)
        let q = visit.request.query
        guard let fromText = q["from"], let toText = q["to"] else { throw HTTPError.badRequest("Укажите from и to в виде ГГГГ-ММ-ДД.") }
        guard let from = CivilDate(iso: fromText), let to = CivilDate(iso: toText) else {
            throw HTTPError.badRequest("Даты from и to задаются в виде ГГГГ-ММ-ДД.")
        }
        guard from <= to else { throw HTTPError.badRequest("from позже to.") }
        guard to.dayNumber - from.dayNumber <= 366 else { throw HTTPError.badRequest("Не больше года за один запрос.") }
        let lessons = try database.read { try $0.diaryLessons(student: s.id, classID: s.classID!, from: from, to: to, utcOffsetMinutes: clock.utcOffsetMinutes) }
        var days: [DayBody] = []
        for l in lessons {
            let body = LessonBody(id: l.id, number: l.bell, start: l.start.description, end: l.end.description, subject: l.subject,
                                  topic: l.topic, homework: l.homework, individualHomework: l.individualHomework,
                                  homeworkDue: l.homeworkDue?.iso, individualHomeworkDue: l.individualHomeworkDue?.iso,
                                  marks: l.marks.map(Self.mark), attendance: l.attendance?.rawValue, remarks: l.remarks,
                                  changed: l.changed, change: l.changeNote, cancelled: l.cancelled)
            if days.last?.date == l.date.iso {
                days[days.count - 1] = DayBody(date: l.date.iso, lessons: days[days.count - 1].lessons + [body])
            } else {
                days.append(DayBody(date: l.date.iso, lessons: [body]))
            }
        }
        return try JSONBody.response(DiaryBody(student: StudentBody(id: s.id, name: s.name, class: s.className), days: days))
    }

    struct PeriodBody: Encodable {
        let id: Int
        let name: String
        let from: String
        let to: String
    }

    struct ForecastBody: Encodable {
        let mark: Int
        let nextMark: Int?
        let fivesNeeded: Int?
    }

    struct SubjectBody: Encodable {
        let id: Int
        let name: String
        let marks: [DatedMark]
        let average: Double?
        let forecast: ForecastBody?
        let periodMark: Int?
    }

    struct DatedMark: Encodable {
        let date: String
        let value: Int
        let workType: String
        let weight: Double
    }

    struct MarksBody: Encodable {
        let student: StudentBody
        let period: PeriodBody
        let subjects: [SubjectBody]
        let periodMarks: [PeriodMarkBody]
    }

    struct PeriodMarkBody: Encodable {
        let subject: String
        let period: Int?
        let kind: String
        let value: Int
    }

    func marks(_ visit: Visit) throws -> Response {
        let s = try student(visit)
        let periods = try database.read { try $0.periods(classID: s.classID!) }
        guard let period = try DiaryPages.period(visit, periods) else { throw HTTPError.notFound }
        let (subjects, finals, rule) = try database.read { c in
            (try c.subjectMarks(student: s.id, classID: s.classID!, from: period.startsOn, to: period.endsOn, period: period.id),
             try c.periodMarks(student: s.id, classID: s.classID!), try c.schoolSettings().rounding)
        }
        let body = MarksBody(
            student: StudentBody(id: s.id, name: s.name, class: s.className),
            period: PeriodBody(id: period.id, name: period.name, from: period.startsOn.iso, to: period.endsOn.iso),
            subjects: subjects.map { sub in
                let f = sub.forecast(rule)
                return SubjectBody(id: sub.subjectID, name: sub.subject,
                                   marks: sub.marks.map { DatedMark(date: $0.date.iso, value: $0.mark.value, workType: $0.mark.workType, weight: $0.mark.weight) },
                                   average: f.map { ($0.average * 100).rounded() / 100 },
                                   forecast: f.map { ForecastBody(mark: $0.mark, nextMark: $0.nextMark, fivesNeeded: $0.fivesNeeded) },
                                   periodMark: sub.periodMark)
            },
            periodMarks: finals.map { PeriodMarkBody(subject: $0.subject, period: $0.periodID == 0 ? nil : $0.periodID, kind: $0.kind, value: $0.value) })
        return try JSONBody.response(body)
    }
}
