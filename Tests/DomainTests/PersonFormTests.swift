import Domain
import Testing

/// The rules of a person's card as a form or the API sends it, and of a student's enrolment dates.
@Suite struct PersonFormTests {
    let today = CivilDate(iso: "2026-11-23")!
    let card = PersonCard(lastName: "Белова", firstName: "Дарья", middleName: "Андреевна", gender: .female)

    @Test func onlyTheFieldsSentChange() {
        let (changed, problems) = CardFields(middleName: "  Сергеевна ", gender: "").applied(to: card, consent: false, today: today)
        #expect(problems.isEmpty)
        #expect(changed == PersonCard(lastName: "Белова", firstName: "Дарья", middleName: "Сергеевна"))
        #expect(CardFields().isEmpty && CardFields().applied(to: card, consent: false, today: today).card == card)
    }

    @Test func eachBadFieldIsNamed() {
        let sent = CardFields(lastName: " ", firstName: "Д@рья", gender: "x", birthDate: "2027-01-01", phone: "12-34", email: "a@b")
        let problems = sent.applied(to: card, consent: true, today: today).problems
        #expect(Set(problems.keys) == ["lastName", "firstName", "gender", "birthDate", "phone", "email"])
        #expect(problems["lastName"] == "Заполните это поле.")
        #expect(CardFields(middleName: "").applied(to: card, consent: false, today: today).problems.isEmpty)  // optional: may be cleared
    }

    @Test func personalDataNeedsAConsentButMayAlwaysBeCleared() {
        let sent = CardFields(birthDate: "12.03.2015", phone: "+7 (900) 000-00-01", email: "d@example.ru")
        let refused = sent.applied(to: card, consent: false, today: today)
        #expect(Set(refused.problems.keys) == ["birthDate", "phone", "email"] && refused.card == card)
        let kept = sent.applied(to: card, consent: true, today: today)
        #expect(kept.problems.isEmpty)
        #expect(kept.card.birthDate == CivilDate(iso: "2015-03-12") && kept.card.phone == "+7 (900) 000-00-01" && kept.card.email == "d@example.ru")
        #expect(CardFields(birthDate: "2015-03-12").applied(to: card, consent: true, today: today).card.birthDate == CivilDate(iso: "2015-03-12"))
        var stored = card
        stored.phone = "+7 900"
        #expect(CardFields(phone: "").applied(to: stored, consent: false, today: today).card.phone == "")
        #expect(kept.card.hasPersonalData && !kept.card.withoutPersonalData.hasPersonalData)
    }

    @Test func plausibleValues() {
        #expect(PersonCard.isPlausibleName("Римский-Корсаков") && PersonCard.isPlausibleName("д'Артаньян") && !PersonCard.isPlausibleName("Иван1"))
        #expect(PersonCard.isPlausiblePhone("8 900 000 00 01") && !PersonCard.isPlausiblePhone("1234") && !PersonCard.isPlausiblePhone("+7 900 abc"))
        #expect(PersonCard.isPlausibleEmail("a.b@school.ru") && !PersonCard.isPlausibleEmail("a@b") && !PersonCard.isPlausibleEmail("a b@c.ru")
                && !PersonCard.isPlausibleEmail("a@@c.ru"))
        #expect(PersonCard.isPlausibleBirthDate(CivilDate(iso: "1920-01-01")!, today: today) && !PersonCard.isPlausibleBirthDate(CivilDate(iso: "1919-12-31")!, today: today))
        #expect(PersonCard.Gender(text: "Ж") == .female && PersonCard.Gender(text: "m") == .male && PersonCard.Gender(text: "?") == nil)
        #expect(CivilDate(typed: "01.12.2026") == CivilDate(typed: "2026-12-01") && CivilDate(typed: "2026-13-01") == nil)
    }

    @Test func consentsAreDatedNotInTheFuture() {
        #expect(ConsentFields(givenOn: "23.11.2026", document: "№ 1").validated(today: today).date == today)
        #expect(ConsentFields(givenOn: "24.11.2026").validated(today: today).problems.keys.sorted() == ["consentOn"])
        #expect(ConsentFields(givenOn: "").validated(today: today).problems.keys.sorted() == ["consentOn"])
        #expect(ConsentState.given(today).allowsPersonalData && !ConsentState.revoked(today).allowsPersonalData && !ConsentState.none.allowsPersonalData)
    }

    /// A student is on the lists from the day of enrolment up to, not including, the day they left.
    @Test func enrolmentCoversFromJoiningToTheDayBeforeLeaving() {
        let e = Enrolment(studentID: 1, classID: 2, joinedOn: CivilDate(iso: "2026-11-20")!, leftOn: CivilDate(iso: "2026-12-15")!)
        #expect(!e.covers(CivilDate(iso: "2026-11-19")!))
        #expect(e.covers(CivilDate(iso: "2026-11-20")!) && e.covers(CivilDate(iso: "2026-12-14")!))
        #expect(!e.covers(CivilDate(iso: "2026-12-15")!))
        #expect(Enrolment(studentID: 1, classID: 2, joinedOn: CivilDate(iso: "2026-09-01")!, leftOn: nil).covers(CivilDate(iso: "2027-05-31")!))
    }

    @Test func aWithdrawnConsentHidesAGuardiansContacts() {
        let g = Guardian(id: 1, studentID: 2, lastName: "Белова", firstName: "Наталья", middleName: "", relation: "мать",
                         phone: "+7 900", email: "", consented: false, withdrawn: true)
        #expect(g.contacts == nil && g.consentWithdrawn)
        let again = Guardian(id: 1, studentID: 2, lastName: "Белова", firstName: "Наталья", middleName: "", relation: "мать",
                             phone: "+7 900", email: "", consented: true, withdrawn: true)
        #expect(again.contacts?.phone == "+7 900" && !again.consentWithdrawn)
    }
}
