/// A class's login slips: whom to print for, the confirmation, the file.
extension Words {
    public var slipsForFresh: String { pick("Только тем, кто ещё не входил и не задал свой пароль", "Only those who have not signed in or set a password of their own yet") }
    public var slipsForStudents: String { pick("Всем ученикам класса", "Every student of the class") }
    public var slipsForGuardians: String { pick("Всем родителям учеников класса", "Every parent of the class's students") }
    public var slipsForPicked: String { pick("Только отмеченным в списке ниже (поставьте галочки)", "Only those ticked in the list below") }
    /// The word of a slips file's name after the class: «новые», "new".
    public var slipsFileFresh: String { pick("новые", "new") }
    public var slipsFileStudents: String { pick("ученики", "students") }
    public var slipsFileGuardians: String { pick("родители", "parents") }
    public var slipsFilePicked: String { pick("выбранные", "chosen") }
    /// «слипы-5А-ученики», without «.pdf».
    /// «слип-Иванов-Илья», without «.pdf».
    public func slipFileName(_ names: [String]) -> String { (["\(pick("слип", "slip"))"] + names).joined(separator: "-") }
    /// The reason kept with a lock made from a person's card (stored, so in the school's language).
    public var lockedByAdministrator: String { pick("заблокирована администратором", "locked by the administrator") }
    public func slipsFileName(className: String, word: String) -> String { pick("слипы-\(className)-\(word)", "slips-\(className)-\(word)") }

    public var slipsMemberStudent: String { pick("ученик", "student") }
    public func slipsMemberGuardian(of children: String) -> String { pick("родитель: \(children)", "parent of \(children)") }
    public var slipsStaffMember: String { pick("Сотрудник школы: листок выдаёт администратор.", "School staff: the administrator issues their slip.") }
    public func slipsTitle(_ className: String) -> String { pick("Листки \(className)", "Slips \(className)") }
    public func slipsBackToClass(_ className: String) -> String { pick("← Класс \(className)", "← Class \(className)") }
    public func slipsHeading(_ className: String) -> String { pick("Листки с логинами: \(className)", "Login slips for \(className)") }
    public var slipsWhom: String { pick("Кому напечатать новый листок", "Who gets a new slip") }
    public func slipsIntro(inUse: Int, of count: Int) -> String {
        pick("Новый листок сразу отключает прежний пароль человека. Сейчас пользуются Табелем: \(inUse) из \(count). На следующем шаге будет видно, сколько учётных записей сбросится, и только после подтверждения — PDF.",
             "A new slip stops the person's old password at once. Using Tabel now: \(inUse) of \(count). The next step shows how many accounts will be reset, and only after you confirm comes the PDF.")
    }
    public var slipsNext: String { pick("Дальше: проверить", "Next: check") }
    public var slipsTick: String { pick("Отметить", "Tick") }
    public var slipsName: String { pick("ФИО", "Full name") }
    public var slipsWho: String { pick("Кто", "Who") }
    public var slipsLogin: String { pick("Логин", "Login") }
    public var slipsAccount: String { pick("Учётная запись", "Account") }
    public var slipsChooseWhom: String { pick("Выберите, кому напечатать листки.", "Choose who gets slips.") }
    public var slipsTickSomeone: String { pick("Отметьте в списке хотя бы одного человека.", "Tick at least one person in the list.") }
    public var slipsNobodyFresh: String {
        pick("Никого: все ученики и родители класса уже пользуются Табелем.", "Nobody: every student and parent of the class already uses Tabel.")
    }
    public var slipsNobody: String { pick("Никого: в классе нет таких людей.", "Nobody: the class has no such people.") }
    public var slipsChooseOthers: String { pick("← Выбрать других", "← Choose others") }
    public var slipsNoneInUse: String { pick("Среди них нет тех, кто уже пользуется Табелем.", "None of them uses Tabel yet.") }
    public func slipsInUse(_ count: Int) -> String { pick("Рабочих учётных записей: \(count).", "Accounts in use: \(count).") }
    public var slipsInUseText: String {
        pick("Эти люди уже входили в Табель или задали свой пароль;\nих пароль перестанет действовать сразу, открытые сеансы завершатся, войти они смогут только с новым листком:",
             "These people have signed in to Tabel or set a password of their own;\ntheir password stops working at once, their open sessions end, and they can sign in again only with the new slip:")
    }
    public func slipsConfirmTitle(_ className: String) -> String { pick("Подтверждение: листки \(className)", "Confirm: slips \(className)") }
    public var slipsChangeChoice: String { pick("← Изменить выбор", "← Change the choice") }
    public func slipsConfirmHeading(_ className: String) -> String { pick("Листки с логинами: \(className) — подтверждение", "Login slips for \(className): confirm") }
    public var slipsChangedMeanwhile: String {
        pick("Пока вы подтверждали, кто-то из них вошёл в Табель. Проверьте ещё раз.", "While you were confirming, one of them signed in to Tabel. Check again.")
    }
    public var slipsCount: String { pick("Листков:", "Slips:") }
    public var slipsResetCount: String { pick("учётных записей будет сброшено:", "accounts to reset:") }
    public var slipsResetInUse: String { pick(", из них рабочих:", ", of them in use:") }
    public func slipsNewAccounts(_ count: Int) -> String { pick(" · новых учётных записей: \(count)", " · new accounts: \(count)") }
    public func slipsChoiceAndFile(_ choice: String, _ file: String) -> String { pick("\(choice). Файл: «\(file)».", "\(choice). File: “\(file)”.") }
    public func slipsStaffElsewhere(_ count: Int) -> String {
        pick("Сотрудникам школы среди родителей (\(count)) листки печатает администратор: здесь их нет.",
             "The administrator prints the slips of school staff among the parents (\(count)): they are not here.")
    }
    public func slipsPrint(reset: Int, slips: Int) -> String {
        reset == 0
            ? pick("Создать учётные записи и напечатать листки (\(slips), PDF)", "Create the accounts and print the slips (\(slips), PDF)")
            : pick("Сбросить \(reset) и напечатать листки (\(slips), PDF)", "Reset \(reset) and print the slips (\(slips), PDF)")
    }
    public var slipsCancel: String { pick("Отмена", "Cancel") }
    public func slipsNotInClass(_ className: String) -> String {
        pick("В списке есть люди не из класса \(className).", "The list has people who are not in class \(className).")
    }
}
