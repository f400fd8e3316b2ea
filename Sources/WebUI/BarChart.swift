/// A horizontal bar chart drawn on the server as SVG (no script, no library): one bar per
/// row, stacked from segments, with each row's numbers written beside its bar. It scales with
/// the page (a `viewBox`, width 100 %), prints in grey where colour is lost (each segment
/// also differs in lightness), and reads out as an image with its title and description.
public struct BarChart: Sendable {
    public struct Segment: Sendable {
        public let value: Double
        /// A fill colour (`#rrggbb`).
        public let colour: String

        public init(_ value: Double, _ colour: String) {
            self.value = value
            self.colour = colour
        }
    }

    public struct Row: Sendable {
        public let label: String
        public let segments: [Segment]
        /// The row's numbers as written beside the bar.
        public let figures: String

        public init(label: String, segments: [Segment], figures: String) {
            self.label = label
            self.segments = segments
            self.figures = figures
        }
    }

    /// Unique on its page: names the title and the description for `aria-labelledby`.
    public let id: String
    public let title: String
    /// What the chart shows, for screen readers (the numbers are in the labels and the table).
    public let description: String
    public let rows: [Row]
    /// The value of a full bar (100 for percentages); the largest row's total when nil.
    public let scale: Double?
    /// The colours' meanings.
    public let legend: [(colour: String, label: String)]

    public init(id: String, title: String, description: String, rows: [Row], scale: Double? = nil, legend: [(colour: String, label: String)] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.rows = rows
        self.scale = scale
        self.legend = legend
    }

    /// Lightness steps that survive a grey printer: dark to light.
    public static let palette = ["#1f5f8b", "#4f9fd1", "#f0b429", "#e3742f", "#b3261e"]

    static let width = 480.0, labelWidth = 140.0, figuresWidth = 160.0, rowHeight = 22.0, barHeight = 14.0

    public var svg: HTML {
        guard !rows.isEmpty else { return "" }
        let top = legend.isEmpty ? 4.0 : 26.0
        let height = top + Double(rows.count) * Self.rowHeight + 4
        let barRoom = Self.width - Self.labelWidth - Self.figuresWidth - 8
        let full = scale ?? max(1, rows.map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 1)
        var parts: [String] = []
        var x = 0.0
        for item in legend {
            parts.append("<rect x=\"\(x)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(item.colour)\"/>")
            parts.append("<text x=\"\(x + 16)\" y=\"16\" font-size=\"12\">\(HTML.escaped(item.label))</text>")
            x += 24 + Double(item.label.count) * 7
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * Self.rowHeight
            parts.append("<text x=\"\(Self.labelWidth - 6)\" y=\"\(y + 12)\" font-size=\"12\" text-anchor=\"end\">\(HTML.escaped(Self.cut(row.label)))</text>")
            var bx = Self.labelWidth
            for s in row.segments where s.value > 0 {
                let w = (s.value / full * barRoom * 10).rounded() / 10
                parts.append("<rect x=\"\(bx)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(Self.barHeight)\" fill=\"\(s.colour)\"/>")
                bx += w
            }
            parts.append("<line x1=\"\(Self.labelWidth)\" y1=\"\(y)\" x2=\"\(Self.labelWidth)\" y2=\"\(y + Self.rowHeight)\" stroke=\"#888\" stroke-width=\"1\"/>")
            parts.append("<text x=\"\(bx + 6)\" y=\"\(y + 12)\" font-size=\"12\">\(HTML.escaped(row.figures))</text>")
        }
        return HTML(trusted: """
            <figure class="chart"><svg viewBox="0 0 \(Int(Self.width)) \(Int(height.rounded(.up)))" role="img" aria-labelledby="\(id)-t \(id)-d" \
            xmlns="http://www.w3.org/2000/svg" font-family="sans-serif"><title id="\(id)-t">\(HTML.escaped(title))</title>\
            <desc id="\(id)-d">\(HTML.escaped(description))</desc>\(parts.joined())</svg>
            <figcaption>\(HTML.escaped(title))</figcaption></figure>
            """)
    }

    /// A label short enough for its column.
    static func cut(_ label: String) -> String { label.count > 18 ? String(label.prefix(17)) + "…" : label }
}
