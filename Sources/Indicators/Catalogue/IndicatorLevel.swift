/// The level an indicator is judged at: one school, one district, or the whole city.
public enum IndicatorLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case school, district, city

    public var labelZh: String {
        switch self {
        case .school: "学校"
        case .district: "区"
        case .city: "全市"
        }
    }

    public var labelEn: String { rawValue }
}
