import Domain
import Storage
import Words

/// The year's periods and holidays: each change re-plans the lessons.
extension StructureDesk {
    // MARK: Periods

    /// A quarter or half-year as typed: its scheme (`quarter`, `half`), number, name (empty:
    /// «II четверть»), first and last day.
    public struct PeriodForm: Sendable {
        public var scheme, number, name, startsOn, endsOn: String

        public init(scheme: String, number: String, name: String, startsOn: String, endsOn: String) {
            (self.scheme, self.number, self.name, self.startsOn, self.endsOn) = (scheme, number, name, startsOn, endsOn)
        }
    }

    public func addPeriod(year yearID: Int, _ form: PeriodForm, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            let year = try self.year(c, yearID, editor)
            let p = try period(c, form, year: year, except: nil, editor)
            let id = try c.insertPeriod(year: year.id, scheme: p.scheme, number: p.number, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn)
            let replan = try self.replan(c, year: year.id, from: p.startsOn, by: editor)
            try c.appendAudit(editor.entry(.structurePeriod, entity: "period", id: id, new: Words.russian.auditPeriod(p), reason: auditReplan(replan)))
            return replan
        }
    }

    /// Changes a period's number, name or dates (its scheme stays) and re-plans the lessons.
    public func changePeriod(_ id: Int, _ form: PeriodForm, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            guard let (old, yearID) = try c.period(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.requireOpen(year: yearID)
            var form = form
            form.scheme = old.scheme.rawValue
            let p = try period(c, form, year: try self.year(c, yearID, editor), except: id, editor)
            guard p != old else { return Replan() }
            try c.updatePeriod(id, number: p.number, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn)
            let replan = try self.replan(c, year: yearID, from: min(old.startsOn, p.startsOn), by: editor)
            try c.appendAudit(editor.entry(.structurePeriod, entity: "period", id: id, old: Words.russian.auditPeriod(old), new: Words.russian.auditPeriod(p),
                                           reason: auditReplan(replan)))
            return replan
        }
    }

    /// Deletes a period no period mark or acknowledgement refers to, and re-plans the lessons.
    public func deletePeriod(_ id: Int, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            guard let (old, yearID) = try c.period(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.requireOpen(year: yearID)
            try unused(try c.references(period: id), editor)
            try c.deletePeriod(id)
            let replan = try self.replan(c, year: yearID, from: old.startsOn, by: editor)
            try c.appendAudit(editor.entry(.structurePeriod, entity: "period", id: id, old: Words.russian.auditPeriod(old), reason: auditReplan(replan)))
            return replan
        }
    }

    func period(_ c: Connection, _ form: PeriodForm, year: AcademicYear, except: Int?, _ editor: Editor) throws -> Period {
        var f = Fields()
        let scheme = f.take("scheme", PeriodScheme(rawValue: form.scheme).map { .success($0) } ?? .failure(.unknownChoice))
        let number = f.take("number", StructureRules.number(form.number, in: 1...4))
        let name = form.name.trimmingWhitespace.isEmpty ? number.map { (scheme ?? .quarter).russianName(number: $0) } : f.take("name", StructureRules.name(form.name, max: 40))
        let starts = f.take("starts_on", StructureRules.date(form.startsOn)), ends = f.take("ends_on", StructureRules.date(form.endsOn))
        if let scheme, let number, let starts, let ends {
            let others = try c.periods(year: year.id).filter { $0.scheme == scheme && $0.id != except }
            f.add(StructureRules.period(number: number, startsOn: starts, endsOn: ends, scheme: scheme, year: year, others: others))
        }
        try f.check(editor)
        return Period(id: except ?? 0, scheme: scheme!, number: number!, name: name!, startsOn: starts!, endsOn: ends!)
    }

    // MARK: Holidays

    /// A break or public holiday as typed: name, first and last day, the grades it is for.
    public struct HolidayForm: Sendable {
        public var name, startsOn, endsOn, minGrade, maxGrade: String

        public init(name: String, startsOn: String, endsOn: String, minGrade: String, maxGrade: String) {
            (self.name, self.startsOn, self.endsOn, self.minGrade, self.maxGrade) = (name, startsOn, endsOn, minGrade, maxGrade)
        }
    }

    public func addHoliday(year yearID: Int, _ form: HolidayForm, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            let h = try holiday(form, year: try self.year(c, yearID, editor), id: 0, editor)
            let id = try c.insertHoliday(year: yearID, name: h.name, startsOn: h.startsOn, endsOn: h.endsOn, grades: h.grades)
            let replan = try self.replan(c, year: yearID, from: h.startsOn, by: editor)
            try c.appendAudit(editor.entry(.structureHoliday, entity: "holiday", id: id, new: Words.russian.auditHoliday(h), reason: auditReplan(replan)))
            return replan
        }
    }

    public func changeHoliday(_ id: Int, _ form: HolidayForm, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            guard let (old, yearID) = try c.holiday(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.requireOpen(year: yearID)
            let h = try holiday(form, year: try self.year(c, yearID, editor), id: id, editor)
            guard h != old else { return Replan() }
            try c.updateHoliday(id, name: h.name, startsOn: h.startsOn, endsOn: h.endsOn, grades: h.grades)
            let replan = try self.replan(c, year: yearID, from: min(old.startsOn, h.startsOn), by: editor)
            try c.appendAudit(editor.entry(.structureHoliday, entity: "holiday", id: id, old: Words.russian.auditHoliday(old), new: Words.russian.auditHoliday(h),
                                           reason: auditReplan(replan)))
            return replan
        }
    }

    /// Deletes a holiday: its days become school days again and get their lessons.
    public func deleteHoliday(_ id: Int, by editor: Editor) throws -> Replan {
        try write(editor) { c in
            guard let (old, yearID) = try c.holiday(id) else { throw DeskError.notFound(editor.words.structureNotFound) }
            try c.requireOpen(year: yearID)
            try c.deleteHoliday(id)
            let replan = try self.replan(c, year: yearID, from: old.startsOn, by: editor)
            try c.appendAudit(editor.entry(.structureHoliday, entity: "holiday", id: id, old: Words.russian.auditHoliday(old), reason: auditReplan(replan)))
            return replan
        }
    }

    func holiday(_ form: HolidayForm, year: AcademicYear, id: Int, _ editor: Editor) throws -> Holiday {
        var f = Fields()
        let name = f.take("name", StructureRules.name(form.name, max: 80))
        let starts = f.take("starts_on", StructureRules.date(form.startsOn)), ends = f.take("ends_on", StructureRules.date(form.endsOn))
        let low = f.take("min_grade", StructureRules.number(form.minGrade.isEmpty ? "1" : form.minGrade, in: 1...11))
        let high = f.take("max_grade", StructureRules.number(form.maxGrade.isEmpty ? "11" : form.maxGrade, in: 1...11))
        if let starts, let ends, let low, let high { f.add(StructureRules.holiday(startsOn: starts, endsOn: ends, grades: (low, high), year: year)) }
        try f.check(editor)
        return Holiday(id: id, name: name!, startsOn: starts!, endsOn: ends!, grades: low!...high!)
    }
}
