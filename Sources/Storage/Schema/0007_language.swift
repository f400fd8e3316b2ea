extension Schema {
    /// Migration 7: each account chooses the language of its pages (Russian by default).
    static let language = """
    ALTER TABLE account ADD COLUMN language TEXT NOT NULL DEFAULT 'ru' CHECK (language IN ('ru', 'en'));
    """
}
