import Domain

/// The words of every page in the visitor's language: the one message catalogue. Each message
/// is a property (or a function, when it takes values) giving its Russian and English text side
/// by side, in `Words+<area>.swift` files; page code holds no user-visible literal of its own.
///
///     let w = visit.words
///     "<h1>\(w.peopleTitle)</h1>"
public struct Words: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public static let russian = Words(.russian)
    public static let english = Words(.english)

    /// The text of a message in this language; only the chosen one is computed.
    @inlinable public func pick(_ russian: @autoclosure () -> String, _ english: @autoclosure () -> String) -> String {
        language == .russian ? russian() : english()
    }

    /// The value of the `lang` attribute of a page.
    public var code: String { language.rawValue }
}
