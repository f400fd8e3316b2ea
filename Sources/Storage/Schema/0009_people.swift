extension Schema {
    /// Migration 9: people entered by hand during the year — why a student left (beside
    /// `enrolment.left_on`), and a family's written refusal of electronic access (they get the
    /// weekly printout instead, DOMAIN.md «Families without electronic access»).
    static let people = """
    ALTER TABLE enrolment ADD COLUMN left_reason TEXT NOT NULL DEFAULT '';
    -- The date the family's refusal was recorded; NULL: the family uses the electronic diary.
    ALTER TABLE person ADD COLUMN electronic_access_refused_on TEXT;
    """
}
