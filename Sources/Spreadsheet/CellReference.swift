/// A cell reference such as "AB12" as written in a worksheet's `r` attribute.
///
/// Letters and digits are summed with saturating arithmetic: a reference like
/// "AAAAAAAAAAAAAAA1" is simply far past the column limit, never an overflow trap.
struct CellReference: Equatable {
    /// Zero-based column; `Int.max` when the letters overflow.
    let column: Int
    /// One-based row; `Int.max` when the digits overflow.
    let row: Int

    /// Nil unless the text is letters followed by digits (row 0 is not a row).
    init?(_ text: String) {
        var column = 0, row = 0
        var letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0 else { return nil }
                column = Self.saturating(column, times: 26, plus: Int(byte & 0x1F)) // 'A' and 'a' → 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = Self.saturating(row, times: 10, plus: Int(byte - UInt8(ascii: "0")))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.column = column == Int.max ? Int.max : column - 1
        self.row = row
    }

    /// A row number attribute (`<row r="12">`): digits only, at least 1; saturating.
    static func rowNumber(_ text: String) -> Int? {
        index(text).flatMap { $0 > 0 ? $0 : nil }
    }

    /// A zero-based index attribute (`s="3"`, a shared-string `<v>3</v>`): digits only; saturating.
    static func index(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = saturating(value, times: 10, plus: Int(byte - UInt8(ascii: "0")))
        }
        return value
    }

    static func saturating(_ value: Int, times factor: Int, plus addend: Int) -> Int {
        let (product, o1) = value.multipliedReportingOverflow(by: factor)
        let (sum, o2) = product.addingReportingOverflow(addend)
        return o1 || o2 ? Int.max : sum
    }

    /// Column letters of a zero-based index ("A", "Z", "AA", …, "XFD").
    static func columnName(_ index: Int) -> String {
        guard index >= 0 else { return "" }
        var n = index + 1
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            let r = (n - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + r)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }
}
