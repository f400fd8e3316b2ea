import Setup
import Storage
import WebUI

/// A year's export as files (`tabel export --year Y --out DIR`): each table as `NAME.csv` (UTF-8
/// with BOM, `;`, RFC 4180, formula cells neutralised — the reports' `CSVWriter`) and all of them
/// in `YEAR.json` (`{"year": …, "tables": {"marks": [{column: value, …}, …], …}}`).
public enum YearArchive {
    /// Writes the files into `directory` (which exists); returns their names.
    public static func write(year: String, tables: [YearExportTable], to directory: String) throws -> [String] {
        var names: [String] = []
        for table in tables {
            var csv = CSVWriter(separator: ";")
            csv.row(table.columns)
            for row in table.rows { csv.row(row.map { $0 ?? "" }) }
            try TextFile.write(bytes: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8), to: directory + "/" + table.name + ".csv")
            names.append(table.name + ".csv")
        }
        var json = JSONBytes(capacity: 1 << 16)
        json.object { j in
            j.field("year", year)
            j.key("tables")
            j.object { t in
                for table in tables {
                    t.key(escaping: table.name)
                    t.array(table.rows) { a, row in
                        a.object { o in
                            for (column, value) in zip(table.columns, row) {
                                o.key(escaping: column)
                                if let value { o.string(value) } else { o.null() }
                            }
                        }
                    }
                }
            }
        }
        let file = year.replacing("/", with: "-") + ".json"
        try TextFile.write(bytes: json.bytes, to: directory + "/" + file)
        return names + [file]
    }
}
