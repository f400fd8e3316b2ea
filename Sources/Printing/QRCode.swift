internal import CQRencode

/// QR codes through libqrencode.
enum QRCode {
    /// The modules of a QR code for `text` (medium error correction), row by row.
    static func modules(_ text: String) -> [[Bool]] {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return [] }
        defer { QRcode_free(code) }
        let n = Int(code.pointee.width)
        let data = code.pointee.data!
        // A quiet zone of four modules on each side.
        let quiet = 4
        var rows = [[Bool]](repeating: [Bool](repeating: false, count: n + 2 * quiet), count: n + 2 * quiet)
        for r in 0..<n {
            for c in 0..<n { rows[r + quiet][c + quiet] = data[r * n + c] & 1 == 1 }
        }
        return rows
    }
}
