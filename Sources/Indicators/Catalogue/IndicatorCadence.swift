/// Whether a target is reached once (by its deadline, or standing) or again every year
/// (每年培育20个团队: counted within each year, due at each year's end).
public enum IndicatorCadence: String, Sendable, Hashable, Codable {
    case once, yearly
}
