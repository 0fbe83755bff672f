import Exact

/// Judges an indicator from its measurement this period and the measurements on record.
public enum IndicatorEvaluator {
    /// - Parameters:
    ///   - current: this period's measurement; nil when the registry has nothing to measure.
    ///   - history: earlier periods' measurements (any order; later periods than `period` and
    ///     periods of other years for a yearly target are ignored).
    ///
    /// Status, in order: no data (no measurement, or a share of nothing); met (value ≥ the
    /// target's threshold); not met (a standing requirement, or past the deadline); on track
    /// (the least-squares line through this year's or all periods reaches the threshold by
    /// the deadline); at risk (it does not, or fewer than two periods are on record).
    /// After the deadline the status judges the value now (a late 5G campus still counts);
    /// `reachedByDeadline` says whether the last snapshot by the deadline had met it.
    /// Below the city, a count set for the whole city is not judged (`cityTarget`): its value is
    /// the district's part, with no gap and no projection.
    public static func evaluate(_ indicator: IndicatorDefinition, period: ReportingPeriod, current: MeasuredValue?,
                                history: [ReportingPeriod: MeasuredValue] = [:], level: IndicatorLevel = .city) -> IndicatorEvaluation {
        let deadline = indicator.deadline(in: period)
        var points: [(period: ReportingPeriod, value: Fraction)] = history
            .filter { $0.key < period && (indicator.cadence == .once || $0.key.year == period.year) }
            .compactMap { entry in entry.value.value.map { (entry.key, $0) } }
        if let value = current?.value { points.append((period, value)) }
        points.sort { $0.period < $1.period }

        var evaluation = IndicatorEvaluation(
            indicator: indicator, period: period, measurement: current, value: current?.value, status: .noData,
            gap: nil, deadline: deadline, projection: nil, reachedByDeadline: nil, aboveRange: false, trend: points
        )
        guard let value = current?.value else { return evaluation }
        if level != .city, indicator.target.isCityWideCount {
            evaluation.status = .cityTarget
            return evaluation
        }
        let threshold = indicator.target.threshold
        evaluation.gap = value >= threshold ? .zero : threshold - value
        if let ceiling = indicator.target.ceiling, value > Fraction(ceiling) { evaluation.aboveRange = true }
        if let deadline, period <= deadline {
            evaluation.projection = LinearProjection.fit(points.map { ($0.period, $0.value.doubleValue) }, to: deadline)
        }
        if let deadline, period > deadline, let atDeadline = points.last(where: { $0.period <= deadline }) {
            evaluation.reachedByDeadline = indicator.target.isMet(by: atDeadline.value)
        }
        if indicator.target.isMet(by: value) {
            evaluation.status = .met
        } else if let deadline, period <= deadline {
            let reaches = evaluation.projection.map { $0.valueAtDeadline >= threshold.doubleValue && $0.slopePerQuarter > 0 } ?? false
            evaluation.status = reaches ? .onTrack : .atRisk
        } else {
            evaluation.status = .notMet
        }
        return evaluation
    }
}
