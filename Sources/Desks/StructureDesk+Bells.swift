import Domain
import Storage
import Words

/// Bell schedules with their bells, and rooms: the school's, not a year's.
extension StructureDesk {
    // MARK: Bells

    public func addBellSchedule(name: String, by editor: Editor) throws -> Int {
        try write(editor) { c in
            let name = try scheduleName(c, name, except: nil, editor)
            let id = try c.insertBellSchedule(name: name, bells: [])
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id, new: Words.russian.auditSchedule(name)))
            return id
        }
    }

    public func renameBellSchedule(_ id: Int, name: String, by editor: Editor) throws {
        try write(editor) { c in
            let old = try schedule(c, id, editor)
            let name = try scheduleName(c, name, except: id, editor)
            guard name != old.name else { return }
            try c.renameBellSchedule(id, name: name)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id, old: Words.russian.auditSchedule(old.name), new: Words.russian.auditSchedule(name)))
        }
    }

    /// Deletes a schedule no class rings by, with its bells.
    public func deleteBellSchedule(_ id: Int, by editor: Editor) throws {
        try write(editor) { c in
            let old = try schedule(c, id, editor)
            try unused(try c.references(bellSchedule: id), editor)
            try c.deleteBellSchedule(id)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id,
                                           old: ([Words.russian.auditSchedule(old.name)] + old.bells.map(Words.russian.auditBell)).joined(separator: "; ")))
        }
    }

    /// A bell as typed: its number (0–12) and when it starts and ends.
    public struct BellForm: Sendable {
        public var number, startsAt, endsAt: String

        public init(number: String, startsAt: String, endsAt: String) {
            (self.number, self.startsAt, self.endsAt) = (number, startsAt, endsAt)
        }
    }

    public func addBell(schedule id: Int, _ form: BellForm, by editor: Editor) throws {
        try write(editor) { c in
            let schedule = try schedule(c, id, editor)
            let bell = try bell(form, number: nil, others: schedule.bells, editor)
            try c.addBell(schedule: id, bell)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id,
                                           new: Words.russian.auditSchedule(schedule.name) + ", " + Words.russian.auditBell(bell)))
        }
    }

    /// Changes when a bell starts and ends (its number stays: the timetable names it).
    public func changeBell(schedule id: Int, number: Int, _ form: BellForm, by editor: Editor) throws {
        try write(editor) { c in
            let schedule = try schedule(c, id, editor)
            guard let old = schedule.bells.first(where: { $0.number == number }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            let bell = try bell(form, number: number, others: schedule.bells.filter { $0.number != number }, editor)
            guard bell != old else { return }
            try c.updateBell(schedule: id, number: number, startsAt: bell.startsAt, endsAt: bell.endsAt)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id, old: Words.russian.auditSchedule(schedule.name) + ", " + Words.russian.auditBell(old),
                                           new: Words.russian.auditSchedule(schedule.name) + ", " + Words.russian.auditBell(bell)))
        }
    }

    /// Deletes a bell no timetable entry or lesson of the schedule's classes is at.
    public func deleteBell(schedule id: Int, number: Int, by editor: Editor) throws {
        try write(editor) { c in
            let schedule = try schedule(c, id, editor)
            guard let old = schedule.bells.first(where: { $0.number == number }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try unused(try c.references(bellSchedule: id, number: number), editor)
            try c.deleteBell(schedule: id, number: number)
            try c.appendAudit(editor.entry(.structureBells, entity: "bell_schedule", id: id, old: Words.russian.auditSchedule(schedule.name) + ", " + Words.russian.auditBell(old)))
        }
    }

    func schedule(_ c: Connection, _ id: Int, _ editor: Editor) throws -> BellSchedule {
        guard let schedule = try c.bellSchedules().first(where: { $0.id == id }) else { throw DeskError.notFound(editor.words.structureNotFound) }
        return schedule
    }

    func scheduleName(_ c: Connection, _ text: String, except: Int?, _ editor: Editor) throws -> String {
        var f = Fields()
        let name = f.take("name", StructureRules.name(text, max: 40))
        if let name, try c.bellSchedules().contains(where: { $0.name == name && $0.id != except }) { f.problems["name"] = .nameTaken(name) }
        try f.check(editor)
        return name!
    }

    func bell(_ form: BellForm, number: Int?, others: [Bell], _ editor: Editor) throws -> Bell {
        var f = Fields()
        let n = number ?? f.take("number", StructureRules.number(form.number, in: 0...12))
        let starts = f.take("starts_at", StructureRules.time(form.startsAt)), ends = f.take("ends_at", StructureRules.time(form.endsAt))
        if let n, let starts, let ends { f.add(StructureRules.bell(Bell(number: n, startsAt: starts, endsAt: ends), others: others)) }
        try f.check(editor)
        return Bell(number: n!, startsAt: starts!, endsAt: ends!)
    }

    // MARK: Rooms

    public func addRoom(name: String, by editor: Editor) throws -> Int {
        try write(editor) { c in
            let name = try roomName(c, name, except: nil, editor)
            let id = try c.insertRoom(name: name)
            try c.appendAudit(editor.entry(.structureRoom, entity: "room", id: id, new: name))
            return id
        }
    }

    public func renameRoom(_ id: Int, name: String, by editor: Editor) throws {
        try write(editor) { c in
            guard let old = try c.rooms().first(where: { $0.id == id }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            let name = try roomName(c, name, except: id, editor)
            guard name != old.name else { return }
            try c.renameRoom(id, name: name)
            try c.appendAudit(editor.entry(.structureRoom, entity: "room", id: id, old: old.name, new: name))
        }
    }

    /// Deletes a room no timetable entry or lesson is in.
    public func deleteRoom(_ id: Int, by editor: Editor) throws {
        try write(editor) { c in
            guard let old = try c.rooms().first(where: { $0.id == id }) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try unused(try c.references(room: id), editor)
            try c.deleteRoom(id)
            try c.appendAudit(editor.entry(.structureRoom, entity: "room", id: id, old: old.name))
        }
    }

    func roomName(_ c: Connection, _ text: String, except: Int?, _ editor: Editor) throws -> String {
        var f = Fields()
        let name = f.take("name", StructureRules.name(text, max: 40))
        if let name, try c.rooms().contains(where: { $0.name == name && $0.id != except }) { f.problems["name"] = .nameTaken(name) }
        try f.check(editor)
        return name!
    }
}
