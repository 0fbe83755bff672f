/// 报告期: a calendar quarter. Snapshots are taken per quarter, deadlines fall at a quarter's
/// end, and projections count in quarters.
public struct ReportingPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1…4
    public let quarter: Int

    public init?(year: Int, quarter: Int) {
        guard (1900...2200).contains(year), (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// `2026Q3` (also `2026-Q3`, `2026q3`).
    public init?(_ text: String) {
        let cleaned = text.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = cleaned.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let q = Int(parts[1]) else { return nil }
        self.init(year: y, quarter: q)
    }

    /// The quarter holding a calendar month.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.init(year: year, quarter: (month - 1) / 3 + 1)
    }

    /// The last quarter of a year (a deadline "by 2022" is 2022Q4).
    public static func endOf(year: Int) -> ReportingPeriod? { ReportingPeriod(year: year, quarter: 4) }

    /// Quarters since year 0: differences are distances in quarters.
    public var index: Int { year * 4 + quarter - 1 }

    public func advanced(by quarters: Int) -> ReportingPeriod {
        let i = index + quarters
        return ReportingPeriod(unchecked: i / 4, i % 4 + 1)
    }

    private init(unchecked year: Int, _ quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    /// The last day of the quarter, `YYYY-MM-DD`: rows dated on or before it count.
    public var lastDay: String {
        switch quarter {
        case 1: "\(year)-03-31"
        case 2: "\(year)-06-30"
        case 3: "\(year)-09-30"
        default: "\(year)-12-31"
        }
    }

    /// The first day of the quarter's year, `YYYY-01-01` (yearly targets count from it).
    public var firstDayOfYear: String { "\(year)-01-01" }

    public static func < (l: ReportingPeriod, r: ReportingPeriod) -> Bool { l.index < r.index }

    public var description: String { "\(year)Q\(quarter)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = ReportingPeriod(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a quarter such as 2026Q3: \(text)"))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
