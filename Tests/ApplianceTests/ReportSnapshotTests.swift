import Appliance
import Testing

extension PageSnapshots {
    /// The reports as the deputy and a class teacher see them (5А's second quarter, preliminary;
    /// the filling of the school's and of the teacher's own teaching).
    @Suite struct Reports {
        let app = PageSnapshots.fresh()

        @Test func theReportsPages() throws {
            let a = FixtureSchool.classID("5А"), b = FixtureSchool.classID("5Б")
            let deputy = try FixtureSchool.signedIn(app, volkova)
            try check(deputy, "/reports", "deputy-reports")
            try check(deputy, "/reports/progress?class=\(a)", "deputy-report-progress-5a")
            try check(deputy, "/reports/progress?class=\(a)&from=2026-11-01&to=2026-11-20", "deputy-report-progress-dates")
            try check(deputy, "/reports/progress.csv?class=\(a)&from=2026-11-01&to=2026-11-20", "deputy-report-progress-csv")
            try check(deputy, "/reports/filling", "deputy-report-filling")
            try check(deputy, "/reports/substitutions", "deputy-report-substitutions")
            try check(deputy, "/reports/activity?from=2026-11-16&to=2026-11-29", "deputy-report-activity")
            try check(deputy, "/reports/timeliness?from=2026-11-02&to=2026-11-23", "deputy-report-timeliness")
            try check(deputy, "/reports/filling.csv?class=\(a)&from=2026-11-01&to=2026-11-20", "deputy-report-filling-csv")
            let teacher = try FixtureSchool.signedIn(app, kuznetsova)
            try check(teacher, "/reports/filling", "teacher-report-filling")
            try check(teacher, "/reports", "teacher-reports")
            try check(teacher, "/reports/forecast?class=\(a)", "teacher-report-forecast-5a")
            try check(teacher, "/reports/progress?class=\(b)", "teacher-report-progress-other-403")
        }
    }
}
