import Indicators

/// One school, one district, or the city: where an indicator is judged.
package struct SupervisionScope: Hashable, Sendable {
    package var level: IndicatorLevel
    /// Institution code, district code, or `city`.
    package var code: String

    static let city = SupervisionScope(level: .city, code: "city")
}
