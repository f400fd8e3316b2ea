import Domain
import Storage

/// The school's settings and its work types with their weights (the administrator's).
public struct SettingsDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Changes settings by key; all or nothing. - Throws: `invalidFields` naming each wrong
    /// key with the values it takes; `forbidden`.
    public func change(_ changes: [(key: String, value: String)], by editor: Editor) throws {
        try editor.require(.changeSettings, .school)
        var problems: [String: String] = [:]
        for (key, value) in changes {
            guard let d = SchoolSettings.definition(key) else {
                problems[key] = "неизвестная настройка «\(key)» (есть: \(SchoolSettings.definitions.map(\.key).joined(separator: ", ")))"
                continue
            }
            if !d.accepts(value) { problems[key] = "«\(value)» не подходит; допустимо: \(d.allowed)" }
        }
        guard problems.isEmpty else { throw DeskError.invalidFields(problems) }
        try database.deskWrite { c in
            for (key, value) in changes {
                let old = try c.setting(key) ?? SchoolSettings.definition(key)!.defaultValue
                guard value != old else { continue }
                try c.setSetting(key, value)
                try c.appendAudit(editor.entry(.settingChange, entity: "setting", old: "\(key)=\(old)", new: "\(key)=\(value)",
                                               oldData: .setting(key: key, value: old), newData: .setting(key: key, value: value)))
            }
        }
    }

    /// A work type as a form sends it.
    public struct WorkTypeChange: Sendable {
        public let id: Int
        public let name: String
        public let weight: String
        public let active: Bool

        public init(id: Int, name: String, weight: String, active: Bool) {
            self.id = id
            self.name = name
            self.weight = weight
            self.active = active
        }
    }

    /// Renames, reweighs, retires work types and adds a new one; all or nothing. Marks keep
    /// their work type: a retired one only leaves the choice.
    public func saveWorkTypes(_ changes: [WorkTypeChange], new: (code: String, name: String, weight: String)?, by editor: Editor) throws {
        try editor.require(.changeSettings, .school)
        func weight(_ text: String) -> Double? {
            Double(text.trimmingWhitespace.replacing(",", with: ".")).flatMap { (0.1...100).contains($0) ? $0 : nil }
        }
        try database.deskWrite { c in
            let types = try c.workTypes(includingInactive: true)
            for change in changes {
                guard let t = types.first(where: { $0.id == change.id }) else { continue }
                let name = change.name.trimmingWhitespace
                guard !name.isEmpty, name.count <= 60, let w = weight(change.weight) else {
                    throw DeskError.invalid("\(t.code): нужно название и вес от 0,1 до 100.", field: "work_types")
                }
                guard name != t.name || w != t.weight || change.active != t.active else { continue }
                try c.updateWorkType(t.id, name: name, weight: w, active: change.active)
                try c.appendAudit(editor.entry(.workTypeChange, entity: "work_type", id: t.id,
                                               old: "\(t.code) \(t.name), вес \(RussianNumber.weight(t.weight))\(t.active ? "" : ", не используется")",
                                               new: "\(t.code) \(name), вес \(RussianNumber.weight(w))\(change.active ? "" : ", не используется")"))
            }
            guard let new, !new.code.trimmingWhitespace.isEmpty else { return }
            let code = new.code.trimmingWhitespace.uppercased(), name = new.name.trimmingWhitespace
            guard code.count <= 6, code.allSatisfy({ $0.isLetter || $0.isNumber }), !name.isEmpty, name.count <= 60, let w = weight(new.weight) else {
                throw DeskError.invalid("Новый вид работы: код до 6 букв, название и вес от 0,1 до 100.", field: "work_types")
            }
            guard !types.contains(where: { $0.code == code }) else {
                throw DeskError.invalid("Вид работы с кодом «\(code)» уже есть.", field: "work_types")
            }
            let id = try c.addWorkType(code: code, name: name, weight: w)
            try c.appendAudit(editor.entry(.workTypeCreate, entity: "work_type", id: id, new: "\(code) \(name), вес \(RussianNumber.weight(w))"))
        }
    }
}
