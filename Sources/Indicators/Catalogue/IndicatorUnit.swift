/// What an indicator's value counts.
public enum IndicatorUnit: String, Sendable, Hashable, Codable {
    /// A share, shown as a percentage.
    case percent
    /// A number of things (schools, studios, teams, people).
    case count
    /// Money in fen (分); shown in yuan.
    case fen

    public var labelZh: String {
        switch self {
        case .percent: "%"
        case .count: "个"
        case .fen: "元"
        }
    }
}
