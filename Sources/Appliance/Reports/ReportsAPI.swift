import Desks
import Domain
import Routing
import Storage
import WebUI

/// The reports as JSON: `GET /api/v1/reports/{name}?class=ID&period=ID` or `&from=D&to=D`.
struct ReportsAPI: Sendable {
    let database: Database
    let clock: SchoolClock

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/api/v1/reports/progress", .policy(.viewReports, resource: ReportsPages.schoolClass)) { visit in
                let report = try ReportsDesk(database: database).progress(try ReportsPages.scope(visit), today: visit.today, by: visit.editor)
                return JSONBody.response(ProgressBody(report: report))
            },
            AppRoute(.get, "/api/v1/reports/forecast", .policy(.viewReports, resource: ReportsPages.forecastResource)) { visit in
                let report = try ReportsDesk(database: database).forecast(try ReportsPages.scope(visit), subject: try ReportQuery(visit).subject,
                                                                          today: visit.today, by: visit.editor)
                return JSONBody.response(ForecastBody(report: report))
            },
            AppRoute(.get, "/api/v1/reports/filling", .policy(.viewReports, resource: ReportsPages.filterResource)) { visit in
                let report = try ReportsDesk(database: database).filling(try ReportsPages.filter(visit), today: visit.today, by: visit.editor)
                return JSONBody.response(FillingBody(report: report))
            },
            AppRoute(.get, "/api/v1/reports/substitutions", .policy(.viewReports, resource: ReportsPages.filterResource)) { visit in
                let report = try ReportsDesk(database: database).substitutions(try ReportsPages.filter(visit), today: visit.today, by: visit.editor)
                return JSONBody.response(SubstitutionsBody(report: report))
            },
            AppRoute(.get, "/api/v1/reports/timeliness", .policy(.viewReports, resource: ReportsPages.filterResource)) { visit in
                let report = try ReportsDesk(database: database).timeliness(try ReportsPages.filter(visit), today: visit.today,
                                                                            utcOffsetMinutes: clock.utcOffsetMinutes, by: visit.editor)
                return JSONBody.response(TimelinessBody(report: report))
            },
            AppRoute(.get, "/api/v1/reports/activity", .school(.viewReports)) { visit in
                let report = try ReportsDesk(database: database).activity(try ReportsPages.filter(visit), today: visit.today,
                                                                          utcOffsetMinutes: clock.utcOffsetMinutes, by: visit.editor)
                return JSONBody.response(ActivityBody(report: report))
            },
        ]
    }
}

/// `{"class", "from", "to", "period"?, "preliminary", "subjects": […], "students": […]}`;
/// percentages are numbers 0–100 (null when no student has a mark).
struct ProgressBody: JSONWritable {
    let report: ReportsDesk.Progress

    func write(to json: inout JSONBytes) {
        let r = report
        json.object { j in
            j.field("class", r.classID)
            j.reportDates(from: r.from, to: r.to, period: r.period)
            j.field("preliminary", r.timing.isPreliminary)
            j.key("subjects")
            j.array(r.figures.subjects) { j, s in
                j.object { j in
                    j.field("subject", s.id)
                    j.field("name", s.name)
                    j.field("students", s.students)
                    j.field("rated", s.rated)
                    j.field("average", s.average)
                    j.field("quality", s.quality)
                    j.field("success", s.success)
                    j.key("marks")
                    j.object { j in
                        for (mark, count) in zip([5, 4, 3, 2], s.counts) {
                            j.key(escaping: String(mark))
                            j.int(count)
                        }
                    }
                }
            }
            j.key("students")
            j.array(r.figures.students) { j, st in
                j.object { j in
                    j.field("student", st.id)
                    j.field("name", st.name)
                    j.key("averages")
                    j.array(r.figures.subjects.filter { st.averages[$0.id] != nil }) { j, s in
                        j.object { j in
                            j.field("subject", s.id)
                            j.field("average", st.averages[s.id]!)
                        }
                    }
                    j.key("absences")
                    j.object { j in
                        for code in AbsenceCode.allCases {
                            j.key(escaping: code.rawValue)
                            missed(&j, st.absences[code] ?? Missed())
                        }
                    }
                    j.key("missed")
                    missed(&j, st.missed)
                }
            }
        }
    }

    func missed(_ j: inout JSONBytes, _ m: Missed) {
        j.object { j in
            j.field("lessons", m.lessons)
            j.field("hours", m.hours)
        }
    }
}

/// `{"from", "to", "period"?, "rows": [{teacher, class, subject, group, students, noMarks, oneMark,
/// lessons, withTopic, withHomework, and their percentages 0–100}]}`.
struct FillingBody: JSONWritable {
    let report: ReportsDesk.Filling

    func write(to json: inout JSONBytes) {
        let r = report
        json.object { j in
            j.reportDates(from: r.from, to: r.to, period: r.period)
            j.key("rows")
            j.array(r.rows) { j, row in
                j.object { j in
                    j.field("teacher", row.teacherID)
                    j.field("teacherName", row.teacher)
                    j.field("class", row.classID)
                    j.field("className", row.className)
                    j.field("subject", row.subjectID)
                    j.field("subjectName", row.subject)
                    j.field("group", row.groupID)
                    j.field("marksEnabled", row.marksEnabled)
                    j.field("students", row.students)
                    j.field("noMarks", row.noMarks)
                    j.field("noMarksPercent", row.noMarksPercent)
                    j.field("oneMark", row.oneMark)
                    j.field("oneMarkPercent", row.oneMarkPercent)
                    j.field("lessons", row.lessons)
                    j.field("withTopic", row.withTopic)
                    j.field("topicPercent", row.topicPercent)
                    j.field("withHomework", row.withHomework)
                    j.field("homeworkPercent", row.homeworkPercent)
                }
            }
        }
    }
}

/// `{"from", "to", "period"?, "rows": [{teacher, teacherName, class, className, missed, cancelled, substituted}]}`.
struct SubstitutionsBody: JSONWritable {
    let report: ReportsDesk.Substitutions

    func write(to json: inout JSONBytes) {
        let r = report
        json.object { j in
            j.reportDates(from: r.from, to: r.to, period: r.period)
            j.key("rows")
            j.array(r.rows) { j, row in
                j.object { j in
                    j.field("teacher", row.teacherID)
                    j.field("teacherName", row.teacher)
                    j.field("class", row.classID)
                    j.field("className", row.className)
                    j.field("missed", row.missed)
                    j.field("cancelled", row.cancelled)
                    j.field("substituted", row.substituted)
                }
            }
        }
    }
}

/// `{"from", "to", "period"?, "rows": [{week, account, name, login, roles, signIns, changes}]}`.
struct ActivityBody: JSONWritable {
    let report: ReportsDesk.Activity

    func write(to json: inout JSONBytes) {
        let r = report
        json.object { j in
            j.reportDates(from: r.from, to: r.to, period: r.period)
            j.key("rows")
            j.array(r.rows) { j, row in
                j.object { j in
                    j.field("week", row.week.iso)
                    j.field("account", row.accountID)
                    j.field("name", row.person)
                    j.field("login", row.login)
                    j.key("roles")
                    j.array(row.roles) { j, role in j.string(role.rawValue) }
                    j.field("signIns", row.signIns)
                    j.field("changes", row.changes)
                }
            }
        }
    }
}

/// `{"class", "group"?, "from", "to", "period"?, "due", "students": [{student, name, forecasts: [{subject, average, mark}]}],
/// "subjects": [{subject, name, marks: {"5": n, …}}]}`.
struct ForecastBody: JSONWritable {
    let report: ReportsDesk.Progress

    func write(to json: inout JSONBytes) {
        let r = report
        json.object { j in
            j.field("class", r.classID)
            if let group = r.group { j.field("group", group.id) }
            j.reportDates(from: r.from, to: r.to, period: r.period)
            j.field("due", r.timing.forecastDue.iso)
            j.key("subjects")
            j.array(r.figures.subjects) { j, s in
                j.object { j in
                    j.field("subject", s.id)
                    j.field("name", s.name)
                    j.key("marks")
                    j.object { j in
                        for (mark, count) in zip([5, 4, 3, 2], s.counts) {
                            j.key(escaping: String(mark))
                            j.int(count)
                        }
                    }
                }
            }
            j.key("students")
            j.array(r.figures.students) { j, st in
                j.object { j in
                    j.field("student", st.id)
                    j.field("name", st.name)
                    j.key("forecasts")
                    j.array(r.figures.subjects.filter { st.averages[$0.id] != nil }) { j, s in
                        j.object { j in
                            j.field("subject", s.id)
                            j.field("average", st.averages[s.id]!)
                            j.field("mark", r.rule.periodMark(for: st.averages[s.id]!))
                        }
                    }
                }
            }
        }
    }
}

/// `{"from", "to", "period"?, "homeworkDeadlineMinutes", "rows": [{teacher, teacherName, marks, lateMarks, lateMarksPercent?,
/// homework, lateHomework, lateHomeworkPercent?}]}`.
struct TimelinessBody: JSONWritable {
    let report: ReportsDesk.Timeliness

    func write(to json: inout JSONBytes) {
        let r = report
        json.object { j in
            j.reportDates(from: r.from, to: r.to, period: r.period)
            j.field("homeworkDeadlineMinutes", r.homeworkMinutes)
            j.key("rows")
            j.array(r.rows) { j, row in
                j.object { j in
                    j.field("teacher", row.teacherID)
                    j.field("teacherName", row.teacher)
                    j.field("marks", row.marks)
                    j.field("lateMarks", row.lateMarks)
                    j.field("lateMarksPercent", row.lateMarksPercent)
                    j.field("homework", row.homework)
                    j.field("lateHomework", row.lateHomework)
                    j.field("lateHomeworkPercent", row.lateHomeworkPercent)
                }
            }
        }
    }
}

extension JSONBytes {
    /// What every report answers for: `"from"`, `"to"`, and `"period"` when one was chosen.
    mutating func reportDates(from: CivilDate, to: CivilDate, period: Period?) {
        field("from", from.iso)
        field("to", to.iso)
        if let period {
            key("period")
            self.period(period)
        }
    }
}
