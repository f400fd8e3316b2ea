import Appliance
import Desks
import Domain
import HTTP
import Storage
import Testing

extension PageSnapshots {
    /// The new year's pages (issue #12, 4): the administrator's page and its preview, the class
    /// teacher's promotion decisions; after the start, the archive's year choosers.
    @Suite struct NewYear {
        let app = PageSnapshots.fresh()

        @Test func theNewYearPagesAndTheArchive() throws {
            let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
            try check(admin, "/school/year", "administrator-school-year")
            ResponseSnapshot.check(try admin.post("/school/year/preview", [("starts", "01.09.2027")]), "administrator-school-year-preview")
            let teacher = try FixtureSchool.signedIn(app, kuznetsova)
            try check(teacher, "/classes/\(FixtureSchool.classID("5А"))/finals", "class-teacher-class-finals")

            _ = try YearDesk(database: app.database).startYear(starts: CivilDate(iso: "2027-09-01")!, dryRun: false, by: .console(at: app.clock.unixNow()))
            let deputy = try FixtureSchool.signedIn(app, volkova)
            try check(deputy, "/journal", "deputy-journals-two-years")
            try check(deputy, "/reports", "deputy-reports-two-years")
            let student = try FixtureSchool.signedIn(app, artem)
            try check(student, "/diary/\(FixtureSchool.id(artem))?year=\(try #require(try app.database.read { try $0.newestAcademicYear() }).id)",
                      "student-diary-next-year")
            // Last year, which the student moved up from: no leaver's notice.
            let earlier = try student.page("/diary/\(FixtureSchool.id(artem))?year=\(try #require(try app.database.read { try $0.academicYears().first }).id)")
            #expect(earlier.text.contains("<small>, 5А</small></h1>") && !earlier.text.contains("diary-leaver") && !earlier.text.contains("Выбыл"))
        }
    }
}
