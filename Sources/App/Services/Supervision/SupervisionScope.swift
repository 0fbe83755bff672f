import Indicators

/// One school, one district, or the city: where an indicator is judged.
struct SupervisionScope: Hashable, Sendable {
    var level: IndicatorLevel
    /// Institution code, district code, or `city`.
    var code: String

    static let city = SupervisionScope(level: .city, code: "city")
}
