import Domain
@testable import Setup
import Storage
import Testing

@Suite struct NameTests {
    @Test func patronymicsFollowRussianRules() {
        #expect(RussianNames.patronymic(of: "Сергей", gender: .male) == "Сергеевич")
        #expect(RussianNames.patronymic(of: "Сергей", gender: .female) == "Сергеевна")
        #expect(RussianNames.patronymic(of: "Иван", gender: .female) == "Ивановна")
        #expect(RussianNames.patronymic(of: "Илья", gender: .male) == "Ильич")
        #expect(RussianNames.patronymic(of: "Никита", gender: .female) == "Никитична")
        #expect(RussianNames.patronymic(of: "Игорь", gender: .male) == "Игоревич")
        #expect(RussianNames.patronymic(of: "Николай", gender: .female) == "Николаевна")
        #expect(RussianNames.patronymic(of: "Юрий", gender: .male) == "Юрьевич")
        #expect(RussianNames.patronymic(of: "Дмитрий", gender: .male) == "Дмитриевич")
        #expect(RussianNames.patronymic(of: "Лев", gender: .female) == "Львовна")
    }

    @Test func feminineSurnames() {
        #expect(RussianNames.feminine("Иванов") == "Иванова")
        #expect(RussianNames.feminine("Соловьёв") == "Соловьёва")
        #expect(RussianNames.feminine("Ильин") == "Ильина")
        #expect(RussianNames.feminine("Островский") == "Островская")
        #expect(RussianNames.feminine("Толстой") == "Толстая")
        #expect(RussianNames.feminine("Шевченко") == "Шевченко")
        #expect(RussianNames.feminine("Ким") == "Ким")
    }

    @Test func loginsAreLatin() {
        #expect(Transliteration.login(lastName: "Щербакова", firstName: "Юлия", middleName: "Сергеевна") == "shcherbakova.is")
        #expect(Transliteration.login(lastName: "Соловьёв", firstName: "Пётр", middleName: "") == "solovev.p")
        #expect(Transliteration.latin("Хохлов-Жуков") == "khokhlovzhukov")
    }
}

@Suite struct CalendarTests {
    @Test func schoolYear2026() {
        let c = SchoolCalendar(startYear: 2026)
        #expect(c.quarters.count == 4 && c.halves.count == 2)
        #expect(c.quarters[0].0.iso == "2026-09-01")
        #expect(c.quarters[0].1.iso == "2026-10-23")  // the Friday before 25 October
        #expect(c.quarters[1].0.weekday == 1)
        #expect(c.halves[0].1 == c.quarters[1].1)
        #expect(c.isSchoolDay(CivilDate(iso: "2026-11-23")!, grade: 5))
        #expect(!c.isSchoolDay(CivilDate(iso: "2026-11-04")!, grade: 5))  // День народного единства
        #expect(!c.isSchoolDay(CivilDate(iso: "2026-11-22")!, grade: 5))  // Sunday
        #expect(!c.isSchoolDay(CivilDate(iso: "2026-12-31")!, grade: 5))  // winter break
        let february = CivilDate(iso: "2027-02-16")!
        #expect(!c.isSchoolDay(february, grade: 1) && c.isSchoolDay(february, grade: 2))
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesAndNeutralisesFormulas() {
        var w = CSVWriter()
        w.row(["a,b", "say \"hi\"", "=SUM(A1)", "+7 900", "-1", "@x", "plain"])
        #expect(w.text == "\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),'+7 900,'-1,'@x,plain\r\n")
    }
}
