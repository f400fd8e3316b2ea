import Domain

/// Reference data of a typical Russian school (DOMAIN.md, "Reference data"): the defaults that
/// `setup init` and the demo generator start from. Schools edit all of it; none of it is a rule.
public enum Curriculum {
    /// A subject with its weekly hours in grades 1…11 (0 where it is not taught).
    struct SubjectPlan {
        let name: String
        let shortName: String
        let speciality: Speciality
        let hours: [Double]
        /// Taught in two subgroups from this grade on (nil: never split).
        let splitFromGrade: Int?
        /// Work types typical of the subject, most frequent first.
        let workTypes: [String]
        let topics: [String]
        let homework: [String]
        /// How the subject is assessed: ОРКСЭ is pass/fail, as schools do.
        var scale: SubjectScale = .marks
    }

    /// Which teachers can teach a subject.
    enum Speciality: CaseIterable {
        case primary, russian, foreignLanguage, mathematics, informatics, history, geography, biology, chemistry,
             physics, art, music, technology, physicalEducation, safety
    }

    /// Lessons of 45 minutes from 8:30 with breaks of 10 and 20 minutes.
    public static let mainBells: [Bell] = bells(start: 8 * 60 + 30, length: 45, breaks: [10, 20, 20, 10, 10, 10], count: 7)

    /// Grade 1 starts the year with 35-minute lessons.
    public static let firstGradeBells: [Bell] = bells(start: 8 * 60 + 30, length: 35, breaks: [10, 20, 20, 10], count: 5)

    static func bells(start: Int, length: Int, breaks: [Int], count: Int) -> [Bell] {
        var t = start
        return (1...count).map { n in
            defer { t += length + (n - 1 < breaks.count ? breaks[n - 1] : 10) }
            return Bell(number: n, startsAt: TimeOfDay(minutes: t), endsAt: TimeOfDay(minutes: t + length))
        }
    }

    /// Work types with example weights: code, name, weight.
    public static let workTypes: [(code: String, name: String, weight: Double)] = [
        ("КР", "контрольная работа", 5), ("Д", "диктант", 4), ("СР", "самостоятельная работа", 3),
        ("ПР", "практическая работа", 3), ("ЛР", "лабораторная работа", 3), ("Т", "тест", 3),
        ("У", "устный ответ", 2), ("ДЗ", "домашняя работа", 1),
    ]

    static let subjects: [SubjectPlan] = [
        SubjectPlan(name: "Русский язык", shortName: "Рус. яз.", speciality: .russian,
                    hours: [5, 5, 5, 4, 5, 6, 4, 3, 3, 2, 2], splitFromGrade: nil, workTypes: ["У", "Д", "СР", "ДЗ", "Т"],
                    topics: ["Повторение изученного", "Звуки и буквы", "Безударные гласные в корне слова", "Правописание приставок",
                             "Имя существительное", "Имя прилагательное", "Глагол", "Причастие и деепричастие", "Сложное предложение",
                             "Знаки препинания при однородных членах", "Прямая речь", "Развитие речи: изложение", "Морфемика и словообразование",
                             "Синтаксис и пунктуация", "Лексика и фразеология"],
                    homework: ["Упр. {n}", "Упр. {n}, {m}", "Выучить правило на с. {p}", "Словарные слова с. {p}", "Упр. {n}, повторить §{s}"]),
        SubjectPlan(name: "Литературное чтение", shortName: "Лит. чт.", speciality: .primary,
                    hours: [4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0], splitFromGrade: nil, workTypes: ["У", "ДЗ", "Т"],
                    topics: ["Устное народное творчество", "Русские народные сказки", "Басни И. А. Крылова", "Стихи А. С. Пушкина о природе",
                             "Рассказы Л. Н. Толстого для детей", "Произведения о животных", "Стихи о родине", "Сказки народов мира",
                             "Рассказы о детях", "Внеклассное чтение"],
                    homework: ["Прочитать с. {p}–{q}", "Выразительное чтение с. {p}", "Выучить стихотворение наизусть", "Пересказ с. {p}–{q}"]),
        SubjectPlan(name: "Литература", shortName: "Лит.", speciality: .russian,
                    hours: [0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3], splitFromGrade: nil, workTypes: ["У", "СР", "ДЗ", "Т"],
                    topics: ["Мифы и фольклор", "А. С. Пушкин. Лирика", "М. Ю. Лермонтов", "Н. В. Гоголь", "И. С. Тургенев",
                             "Н. А. Некрасов", "Л. Н. Толстой", "А. П. Чехов. Рассказы", "Поэзия Серебряного века", "М. А. Шолохов",
                             "Литература о Великой Отечественной войне", "Сочинение по прочитанному"],
                    homework: ["Прочитать главы {a}–{b}", "Выучить стихотворение наизусть", "Ответить на вопросы с. {p}", "Подготовить пересказ"]),
        SubjectPlan(name: "Иностранный язык (английский)", shortName: "Англ. яз.", speciality: .foreignLanguage,
                    hours: [0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3], splitFromGrade: 2, workTypes: ["У", "СР", "ДЗ", "Т"],
                    topics: ["My family", "School life", "Free time and hobbies", "Present Simple", "Past Simple", "Food and drinks",
                             "Travelling", "Present Perfect", "The world of nature", "Future forms", "Modal verbs", "Reading: British traditions"],
                    homework: ["Ex. {n}, p. {p}", "Learn the new words, p. {p}", "Workbook p. {p}", "Ex. {n}, {m}, p. {p}"]),
        SubjectPlan(name: "Математика", shortName: "Мат.", speciality: .mathematics,
                    hours: [4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0], splitFromGrade: nil, workTypes: ["У", "СР", "ДЗ", "Т"],
                    topics: ["Числа и вычисления", "Сложение и вычитание", "Умножение и деление", "Дроби", "Десятичные дроби",
                             "Проценты", "Уравнения", "Задачи на движение", "Площадь и периметр", "Положительные и отрицательные числа",
                             "Координатная плоскость", "Решение текстовых задач"],
                    homework: ["№ {n}, {m}", "№ {n}–{m}", "§{s}, № {n}", "Решить задачи № {n}, {m}"]),
        SubjectPlan(name: "Алгебра", shortName: "Алг.", speciality: .mathematics,
                    hours: [0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3], splitFromGrade: nil, workTypes: ["У", "СР", "ДЗ", "Т"],
                    topics: ["Выражения и их преобразования", "Линейная функция", "Степень с натуральным показателем",
                             "Многочлены", "Формулы сокращённого умножения", "Квадратные корни", "Квадратные уравнения",
                             "Неравенства", "Системы уравнений", "Арифметическая прогрессия", "Тригонометрические функции", "Производная"],
                    homework: ["§{s}, № {n}, {m}", "№ {n}–{m}", "§{s}, вопросы 1–{k}"]),
        SubjectPlan(name: "Геометрия", shortName: "Геом.", speciality: .mathematics,
                    hours: [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2], splitFromGrade: nil, workTypes: ["У", "СР", "ДЗ", "Т"],
                    topics: ["Начальные геометрические сведения", "Треугольники", "Параллельные прямые", "Четырёхугольники",
                             "Площадь", "Подобные треугольники", "Окружность", "Векторы", "Аксиомы стереометрии", "Многогранники"],
                    homework: ["§{s}, № {n}, {m}", "Выучить теорему, № {n}", "№ {n}–{m}"]),
        SubjectPlan(name: "Вероятность и статистика", shortName: "Вер. и стат.", speciality: .mathematics,
                    hours: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], splitFromGrade: nil, workTypes: ["У", "СР", "ДЗ"],
                    topics: ["Представление данных", "Описательная статистика", "Случайная изменчивость", "Графы",
                             "Случайные события", "Вероятность", "Комбинаторика", "Случайные величины"],
                    homework: ["§{s}, задачи {n}, {m}", "№ {n}–{m}"]),
        SubjectPlan(name: "Информатика", shortName: "Информ.", speciality: .informatics,
                    hours: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], splitFromGrade: 7, workTypes: ["ПР", "У", "Т"],
                    topics: ["Информация и информационные процессы", "Компьютер и программное обеспечение", "Системы счисления",
                             "Алгоритмы и исполнители", "Программирование: ветвления", "Программирование: циклы",
                             "Электронные таблицы", "Базы данных", "Компьютерные сети", "Моделирование"],
                    homework: ["§{s}, вопросы 1–{k}", "Практическое задание {n}", "§{s}"]),
        SubjectPlan(name: "Окружающий мир", shortName: "Окр. мир", speciality: .primary,
                    hours: [2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0], splitFromGrade: nil, workTypes: ["У", "ПР", "Т"],
                    topics: ["Что нас окружает", "Природа родного края", "Растения и животные", "Времена года", "Наше здоровье",
                             "Город и село", "Безопасность в быту", "Путешествия по России", "Страницы истории Отечества"],
                    homework: ["Прочитать с. {p}–{q}", "Рабочая тетрадь с. {p}", "Ответить на вопросы с. {p}"]),
        SubjectPlan(name: "ОРКСЭ", shortName: "ОРКСЭ", speciality: .primary,
                    hours: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], splitFromGrade: nil, workTypes: ["У"],
                    topics: ["Россия — наша Родина", "Культура и мораль", "Добро и зло", "Дружба и взаимопомощь", "Семья"],
                    homework: ["Прочитать с. {p}–{q}"], scale: .passFail),
        SubjectPlan(name: "История", shortName: "Ист.", speciality: .history,
                    hours: [0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2], splitFromGrade: nil, workTypes: ["У", "СР", "ДЗ", "Т"],
                    topics: ["Древний мир", "Древняя Русь", "Средние века", "Русь в XIII–XV веках", "Россия в XVI веке",
                             "Смутное время", "Эпоха Петра I", "Россия в XIX веке", "Новое время", "Россия в XX веке",
                             "Великая Отечественная война", "Современная Россия"],
                    homework: ["§{s}, вопросы 1–{k}", "§{s}, даты выучить", "§{s}, составить план"]),
        SubjectPlan(name: "Обществознание", shortName: "Общ.", speciality: .history,
                    hours: [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2], splitFromGrade: nil, workTypes: ["У", "СР", "Т"],
                    topics: ["Человек и общество", "Человек в социальном измерении", "Экономика", "Право",
                             "Политика", "Духовная сфера", "Гражданин и государство"],
                    homework: ["§{s}, вопросы 1–{k}", "§{s}"]),
        SubjectPlan(name: "География", shortName: "Геогр.", speciality: .geography,
                    hours: [0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1], splitFromGrade: nil, workTypes: ["У", "ПР", "Т"],
                    topics: ["Земля во Вселенной", "План и карта", "Литосфера", "Гидросфера", "Атмосфера", "Биосфера",
                             "Материки и океаны", "Природа России", "Население России", "Хозяйство России"],
                    homework: ["§{s}, контурная карта", "§{s}, вопросы 1–{k}"]),
        SubjectPlan(name: "Биология", shortName: "Биол.", speciality: .biology,
                    hours: [0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1], splitFromGrade: nil, workTypes: ["У", "ЛР", "Т"],
                    topics: ["Биология — наука о живом", "Клетка", "Ткани и органы растений", "Многообразие растений",
                             "Животные", "Строение тела человека", "Обмен веществ", "Наследственность", "Экосистемы"],
                    homework: ["§{s}, вопросы 1–{k}", "§{s}, рисунок в тетради"]),
        SubjectPlan(name: "Физика", shortName: "Физ.", speciality: .physics,
                    hours: [0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 2], splitFromGrade: nil, workTypes: ["У", "ЛР", "СР", "Т"],
                    topics: ["Физические величины и их измерение", "Строение вещества", "Механическое движение", "Сила",
                             "Давление", "Работа и мощность", "Тепловые явления", "Электрические явления", "Магнитные явления",
                             "Световые явления", "Законы Ньютона", "Колебания и волны"],
                    homework: ["§{s}, упр. {k}", "§{s}, задачи {n}, {m}", "§{s}, вопросы"]),
        SubjectPlan(name: "Химия", shortName: "Хим.", speciality: .chemistry,
                    hours: [0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1], splitFromGrade: nil, workTypes: ["У", "ЛР", "СР", "Т"],
                    topics: ["Первоначальные химические понятия", "Кислород и водород", "Вода и растворы", "Основные классы неорганических соединений",
                             "Периодический закон Д. И. Менделеева", "Строение атома", "Химическая связь", "Металлы", "Неметаллы",
                             "Органические вещества"],
                    homework: ["§{s}, упр. {k}", "§{s}, задача {n}"]),
        SubjectPlan(name: "Изобразительное искусство", shortName: "ИЗО", speciality: .art,
                    hours: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0], splitFromGrade: nil, workTypes: ["ПР"],
                    topics: ["Рисунок с натуры", "Цвет и живопись", "Декоративно-прикладное искусство", "Народные промыслы",
                             "Пейзаж", "Портрет", "Натюрморт"],
                    homework: ["Принести материалы для работы", "Закончить рисунок"]),
        SubjectPlan(name: "Музыка", shortName: "Муз.", speciality: .music,
                    hours: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], splitFromGrade: nil, workTypes: ["У", "ПР"],
                    topics: ["Музыка вокруг нас", "Народная музыка", "Русская классическая музыка", "Музыка в театре и кино",
                             "Зарубежная классика", "Современная музыка"],
                    homework: ["Выучить песню", "Послушать произведение"]),
        SubjectPlan(name: "Труд (технология)", shortName: "Труд", speciality: .technology,
                    hours: [1, 1, 1, 1, 2, 2, 1, 1, 1, 0, 0], splitFromGrade: 5, workTypes: ["ПР"],
                    topics: ["Материалы и инструменты", "Работа с бумагой", "Технологии обработки древесины", "Кулинария",
                             "Робототехника", "Проектная работа", "Черчение и графика"],
                    homework: ["Принести материалы для работы", "Подготовить эскиз проекта"]),
        SubjectPlan(name: "Физическая культура", shortName: "Физ-ра", speciality: .physicalEducation,
                    hours: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], splitFromGrade: nil, workTypes: ["ПР", "У"],
                    topics: ["Лёгкая атлетика", "Гимнастика", "Спортивные игры: волейбол", "Спортивные игры: баскетбол",
                             "Лыжная подготовка", "Подвижные игры", "Общая физическая подготовка"],
                    homework: ["Комплекс упражнений", ""]),
        SubjectPlan(name: "ОБЗР", shortName: "ОБЗР", speciality: .safety,
                    hours: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], splitFromGrade: nil, workTypes: ["У", "ПР", "Т"],
                    topics: ["Безопасность в быту", "Безопасность на дорогах", "Первая помощь", "Чрезвычайные ситуации",
                             "Основы обороны государства"],
                    homework: ["§{s}, вопросы 1–{k}"]),
        SubjectPlan(name: "Индивидуальный проект", shortName: "Инд. проект", speciality: .history,
                    hours: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], splitFromGrade: nil, workTypes: ["ПР"],
                    topics: ["Выбор темы проекта", "Постановка цели и задач", "Работа с источниками", "Оформление проекта", "Защита проекта"],
                    homework: ["Работа над проектом"]),
    ]
}
