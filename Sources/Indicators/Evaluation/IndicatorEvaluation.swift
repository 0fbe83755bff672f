import Exact

/// One indicator judged for one school, district or the city in one period.
public struct IndicatorEvaluation: Sendable, Hashable {
    public var indicator: IndicatorDefinition
    public var period: ReportingPeriod
    public var measurement: MeasuredValue?
    public var value: Fraction?
    public var status: IndicatorStatus
    /// How far below the target's threshold the value is (zero once met); nil with no data.
    public var gap: Fraction?
    /// The deadline in force this period (a yearly target's is this year's end).
    public var deadline: ReportingPeriod?
    /// Fitted only up to the deadline; nil after it, for standing requirements, and with fewer
    /// than two periods on record.
    public var projection: LinearProjection?
    /// After the deadline: whether the last snapshot at or before the deadline met the target;
    /// nil before the deadline or with no snapshot that early.
    public var reachedByDeadline: Bool?
    /// A range target exceeded (7 schools against 6–8 is fine; 9 is reported).
    public var aboveRange: Bool
    /// Values on record, oldest first, this period included.
    public var trend: [(period: ReportingPeriod, value: Fraction)]

    public static func == (l: Self, r: Self) -> Bool {
        l.indicator == r.indicator && l.period == r.period && l.measurement == r.measurement && l.status == r.status && l.gap == r.gap
            && l.projection == r.projection && l.trend.map(\.period) == r.trend.map(\.period) && l.trend.map(\.value) == r.trend.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(indicator.id)
        hasher.combine(period)
        hasher.combine(measurement)
    }
}

extension IndicatorEvaluation {
    /// The target as it reads beside this evaluation: a city-wide count shown on a district's
    /// page says it is the city's.
    public var targetText: (zh: String, en: String) {
        let text = indicator.target.text(unit: indicator.unit)
        guard status == .cityTarget else { return text }
        return ("全市 \(text.zh)（不分解到区）", "city-wide \(text.en) (not divided among districts)")
    }
}
