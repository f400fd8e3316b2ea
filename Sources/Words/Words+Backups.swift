/// The administrator's backups page and the home page's warning.
extension Words {
    public var backupsTitle: String { pick("Резервные копии", "Backups") }
    public var backupsLinkHint: String { pick("Последняя проверенная копия на каждом носителе", "The last verified copy on each medium") }
    public var backupsMedium: String { pick("Носитель", "Medium") }
    public var backupsLastGood: String { pick("Последняя проверенная копия", "Last verified copy") }
    public var backupsLastAttempt: String { pick("Последняя попытка", "Last attempt") }
    public var backupsNone: String { pick("нет", "none") }
    public var backupsSucceeded: String { pick("копия записана и проверена", "copy written and verified") }
    public var backupsFailedLabel: String { pick("не удалась", "failed") }
    public var backupsNeverMade: String {
        pick("Резервных копий ещё не было: ни одна не записана и не проверена.",
             "No backup has been made yet: none has been written and verified.")
    }
    public var backupsHowTo: String {
        pick("Копии делает tabel backup run (по таймерам tabel-backup-weekly и tabel-backup-monthly); проверка — tabel backup verify ФАЙЛ, восстановление — tabel backup restore ФАЙЛ.",
             "Copies are made by tabel backup run (on the tabel-backup-weekly and tabel-backup-monthly timers); check one with tabel backup verify FILE, restore with tabel backup restore FILE.")
    }

    /// «Нет проверенной резервной копии 9 дней…».
    public func backupsOverdue(days: Int) -> String {
        pick("Нет проверенной резервной копии уже \(days) \(Words.russianDays(days)): проверьте носители и таймер резервного копирования.",
             "No verified backup for \(days) days: check the media and the backup timer.")
    }

    public func backupsKind(_ kind: String) -> String {
        switch kind {
        case "weekly": pick("еженедельная", "weekly")
        case "monthly": pick("ежемесячная", "monthly")
        case "yearly": pick("годовая", "yearly")
        default: kind
        }
    }

    static func russianDays(_ n: Int) -> String {
        switch (n % 10, n % 100) {
        case (1, let h) where h != 11: "день"
        case (2...4, let h) where !(12...14).contains(h): "дня"
        default: "дней"
        }
    }
}
