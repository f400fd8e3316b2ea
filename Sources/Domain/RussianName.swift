/// Russian first names in the cases the pages need.
public enum RussianName {
    /// The genitive of a first name («для Артёма», «для Веры», «для Ильи»). A name the rules
    /// do not know how to decline (foreign, or a woman's name ending in a consonant) stays as it is.
    public static func genitive(_ name: String, gender: PersonCard.Gender?) -> String {
        if let known = irregular[name] { return known }
        guard let last = name.last, name.count > 1 else { return name }
        let stem = String(name.dropLast())
        let beforeLast = stem.last
        switch last {
        case "й":
            return gender == .female ? name : stem + "я"
        case "ь":
            return gender == .female ? stem + "и" : gender == .male ? stem + "я" : name
        case "я":
            return stem + "и"
        case "а":
            return stem + ("гкхжшчщ".contains(beforeLast ?? " ") ? "и" : "ы")
        default:
            guard gender != .female, "бвгджзклмнпрстфхцчшщ".contains(last) else { return name }
            return name + "а"
        }
    }

    /// Names whose vowel drops or that do not follow the endings.
    static let irregular: [String: String] = [
        "Пётр": "Петра", "Петр": "Петра", "Павел": "Павла", "Лев": "Льва", "Любовь": "Любови",
    ]
}
