/// A least-squares line through the values on record, by quarter, extended to a deadline.
/// Projections are estimates, so they are computed in floating point from the exact values;
/// the same snapshot gives the same projection.
public struct LinearProjection: Sendable, Hashable, Codable {
    /// Change per quarter.
    public var slopePerQuarter: Double
    /// The line's value at the deadline.
    public var valueAtDeadline: Double
    /// How many periods the line was fitted to.
    public var periods: Int

    /// Fits `points` (period, value); nil with fewer than two distinct periods.
    public static func fit(_ points: [(period: ReportingPeriod, value: Double)], to deadline: ReportingPeriod) -> LinearProjection? {
        let distinct = Set(points.map(\.period))
        guard distinct.count >= 2 else { return nil }
        let n = Double(points.count)
        let origin = points.map(\.period.index).min() ?? 0
        let xs = points.map { Double($0.period.index - origin) }
        let ys = points.map(\.value)
        let meanX = xs.reduce(0, +) / n, meanY = ys.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, ys) {
            sxy += (x - meanX) * (y - meanY)
            sxx += (x - meanX) * (x - meanX)
        }
        let slope = sxx == 0 ? 0 : sxy / sxx
        let intercept = meanY - slope * meanX
        let atDeadline = intercept + slope * Double(deadline.index - origin)
        return LinearProjection(slopePerQuarter: slope, valueAtDeadline: atDeadline, periods: points.count)
    }
}
