/// An amount of credit, kept exactly in tenths of a credit: a Hong Kong QF credit is ten
/// notional learning hours, so one hour is the finest grain any rule needs.
public struct Credits: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, AdditiveArithmetic {
    public var tenths: Int

    public init(tenths: Int) { self.tenths = tenths }
    public init(_ whole: Int) { tenths = whole * 10 }

    /// `"1.5"` or `"3"`; nil for anything finer than a tenth or negative.
    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0 else { return nil }
        var tenth = 0
        if parts.count == 2 {
            guard parts[1].count == 1, let t = Int(parts[1]) else { return nil }
            tenth = t
        }
        tenths = whole * 10 + tenth
    }

    public static let zero = Credits(tenths: 0)
    public static func + (l: Credits, r: Credits) -> Credits { Credits(tenths: l.tenths + r.tenths) }
    public static func - (l: Credits, r: Credits) -> Credits { Credits(tenths: l.tenths - r.tenths) }
    public static func < (l: Credits, r: Credits) -> Bool { l.tenths < r.tenths }
    public static func min(_ a: Credits, _ b: Credits) -> Credits { a < b ? a : b }

    public var description: String { tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Int.self) {
            self.init(number)
        } else {
            let text = try c.decode(String.self)
            guard let value = Credits(text: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "credits such as 3 or 1.5: \(text)"))
            }
            self = value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
