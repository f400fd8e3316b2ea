import ArgumentParser
import Desks
import Domain
import Storage
import Words

struct YearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year", abstract: "Учебный год: начать следующий.", subcommands: [New.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Начать следующий учебный год: периоды и каникулы, классы на год старше, перевод учеников, выпуск, нагрузка (черновик).",
            discussion: """
                Начинается от последнего учебного года: его четверти, полугодия и каникулы переносятся на новые даты \
                (их можно исправить на страницах «Школа»), классы 1–10 становятся на год старше с теми же буквами, \
                ученики переходят в них теми же людьми — с учётными записями, родителями и согласиями; оставленные \
                на повторное обучение остаются в своей параллели, 11 классы и выбывающие после 9 класса становятся \
                выбывшими с последнего дня года. Нагрузка переносится черновиком для заместителя директора. \
                Прошлый год после этого только для чтения. С --dry-run ничего не записывается: печатается, что будет сделано.
                """)

        @OptionGroup var database: DatabaseOption

        @Option(help: "Первый день нового учебного года, ГГГГ-ММ-ДД (обычно 1 сентября).")
        var starts: String

        @Flag(help: "Показать, что будет сделано, ничего не меняя.")
        var dryRun = false

        func validate() throws {
            guard CivilDate(iso: starts) != nil else { throw ValidationError("--starts: дата в виде ГГГГ-ММ-ДД, например 2027-09-01.") }
        }

        func run() throws {
            let db = try database.openForCheck()
            defer { db.close() }
            let outcome: YearDesk.Outcome
            do {
                outcome = try YearDesk(database: db).startYear(starts: CivilDate(iso: starts)!, dryRun: dryRun, by: .console(at: SchoolClock().unixNow()))
            } catch let error as DeskError {
                print(error.message)
                throw ExitCode.failure
            }
            let o = outcome
            print(o.dryRun ? "Проверка (ничего не записано): учебный год \(o.year.name) с \(o.year.startsOn.russian) по \(o.year.endsOn.russian)."
                           : "Начат учебный год \(o.year.name) с \(o.year.startsOn.russian) по \(o.year.endsOn.russian); \(o.from.name) только для чтения.")
            if let until = o.periodsRunUntil { print("Внимание: " + Words.russian.yearStillRuns(o.from.name, until: until)) }
            print("Периодов \(o.periods), каникул и праздников \(o.holidays).")
            print("Классы: " + o.classes.map { "\($0.from ?? "—") → \($0.name) (\($0.students))" }.joined(separator: ", "))
            print("Переведено \(o.promoted), условно \(o.conditional), оставлено на повторное обучение \(o.keptBack), "
                  + "выпуск 11 классов \(o.graduates), выбыли после 9 класса \(o.leavers).")
            print("Групп \(o.groups), нагрузка черновиком: \(o.assignments).")
            for e in o.exceptions {
                print("  \(e.className) \(e.name): \(Self.transfer(e.transfer))")
            }
        }

        static func transfer(_ t: Transfer) -> String {
            switch t {
            case let .promoted(grade, letter, conditional): conditional ? "условно переведён в \(grade)\(letter)" : "переведён в \(grade)\(letter)"
            case let .keptBack(grade, letter): "оставлен на повторное обучение в \(grade)\(letter)"
            case let .leaves(graduated): graduated ? "выпуск" : "выбывает после 9 класса"
            }
        }
    }
}
