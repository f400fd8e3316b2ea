/// What one printed login slip says.
public struct LoginSlip: Sendable {
    public let school: String
    public let fullName: String
    /// «Класс: 5А», or for a guardian «Родитель: Иванов Пётр, 5А», or for staff the role.
    public let whoLine: String
    public let login: String
    public let password: String
    /// Where to go on the school network.
    public let address: String
    /// The separate read-only code for the hallway kiosk, carried by the QR code.
    public let kioskCode: String
    public let validUntil: CivilDate

    public init(school: String, fullName: String, whoLine: String, login: String, password: String, address: String,
                kioskCode: String, validUntil: CivilDate) {
        self.school = school
        self.fullName = fullName
        self.whoLine = whoLine
        self.login = login
        self.password = password
        self.address = address
        self.kioskCode = kioskCode
        self.validUntil = validUntil
    }
}
