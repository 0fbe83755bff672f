/// 监测指标: one quantitative target of 粤府〔2020〕63号, as data.
public struct IndicatorDefinition: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    /// The clause it comes from: `（五）`, or `附件3 #25`.
    public var clause: String
    /// The clause's own words that set the target.
    public var quote: String
    public var measure: Measure
    public var unit: IndicatorUnit
    public var target: IndicatorTarget
    public var cadence: IndicatorCadence
    /// The quarter by which the target is due; nil for a standing requirement (a share the
    /// teaching staff must keep), judged every period with no projection.
    public var deadline: ReportingPeriod?
    /// The levels it is judged at.
    public var levels: [IndicatorLevel]
    /// Tasks of the work list (附件3 numbers) that deliver it.
    public var tasks: [Int]

    public func applies(at level: IndicatorLevel) -> Bool { levels.contains(level) }

    /// The deadline that applies in `period`: a yearly target is due at that year's end.
    public func deadline(in period: ReportingPeriod) -> ReportingPeriod? {
        switch cadence {
        case .once: deadline
        case .yearly: ReportingPeriod.endOf(year: period.year)
        }
    }
}
