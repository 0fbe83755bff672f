/// An exact non-negative-or-negative rational number, always in lowest terms with a positive
/// denominator. Graduates shared among several occupations are fractions of a person; keeping
/// them exact means the occupation, district and cluster views sum to the same totals.
public struct Fraction: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "a fraction's denominator is never zero")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Fraction.gcd(abs(numerator), abs(denominator))
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    public static let zero = Fraction(0)

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    public static func + (l: Fraction, r: Fraction) -> Fraction {
        if l.denominator == r.denominator { return Fraction(l.numerator + r.numerator, l.denominator) }
        let g = gcd(l.denominator, r.denominator)
        return Fraction(l.numerator * (r.denominator / g) + r.numerator * (l.denominator / g), l.denominator / g * r.denominator)
    }

    public static prefix func - (f: Fraction) -> Fraction { Fraction(-f.numerator, f.denominator) }
    public static func - (l: Fraction, r: Fraction) -> Fraction { l + -r }
    public static func += (l: inout Fraction, r: Fraction) { l = l + r }

    public static func * (l: Fraction, r: Fraction) -> Fraction {
        let a = gcd(abs(l.numerator), r.denominator), b = gcd(abs(r.numerator), l.denominator)
        return Fraction((l.numerator / max(a, 1)) * (r.numerator / max(b, 1)), (l.denominator / max(b, 1)) * (r.denominator / max(a, 1)))
    }

    /// `l / r`, or nil when `r` is zero.
    public static func / (l: Fraction, r: Fraction) -> Fraction? {
        r.numerator == 0 ? nil : l * Fraction(r.denominator, r.numerator)
    }

    public static func < (l: Fraction, r: Fraction) -> Bool {
        // Cross-multiplication; denominators are positive.
        l.numerator * r.denominator < r.numerator * l.denominator
    }

    public var isZero: Bool { numerator == 0 }
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// Rounded half away from zero to `places` decimals, as text (`12.5`, `-3`, `0.33`).
    public func decimal(places: Int = 1) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = abs(numerator) * scale
        var q = scaled / denominator
        if (scaled % denominator) * 2 >= denominator { q += 1 }
        let sign = numerator < 0 && q != 0 ? "-" : ""
        guard places > 0 else { return sign + String(q) }
        var fraction = String(q % scale)
        while fraction.count < places { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(q / scale) + (fraction.isEmpty ? "" : "." + fraction)
    }

    public var description: String { denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)" }

    /// Parses what `description` writes (`7`, `-7/10`); nil for anything else or a zero denominator.
    public init?(exact text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let numerator = Int(parts[0]) else { return nil }
        let denominator = parts.count == 2 ? Int(parts[1]) : 1
        guard let denominator, denominator > 0 else { return nil }
        self.init(numerator, denominator)
    }
}

extension Fraction: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
