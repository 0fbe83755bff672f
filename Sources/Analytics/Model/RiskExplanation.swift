/// Why a learner's risk is what it is (风险原因): the few features that raise it most, each in
/// words a teacher understands, e.g. "2 次作业未交 / 2 assessments missed".
public struct RiskFactor: Sendable, Equatable {
    public var feature: Feature
    public var value: Double
    /// The feature's share of the learner's log-odds of being at risk (positive raises the risk).
    public var contribution: Double
    public var zh: String
    public var en: String
}

public enum RiskExplanation {
    /// The `count` features that raise the risk of learner `x` most, largest first; a feature that
    /// lowers the risk is never named as a reason for it.
    public static func factors(of x: [Double], model: some RiskModel, schema: FeatureSchema, count: Int = 3) -> [RiskFactor] {
        factors(contributions: model.contributions(x), values: x, schema: schema, count: count)
    }

    public static func factors(contributions: [Double], values: [Double], schema: FeatureSchema, count: Int = 3) -> [RiskFactor] {
        let ranked = contributions.indices
            .filter { contributions[$0] > 1e-9 }
            .sorted { (contributions[$0], -$0) > (contributions[$1], -$1) }
        return ranked.prefix(count).map { j in
            let feature = schema.features[j]
            let words = feature.phrase(values[j])
            return RiskFactor(feature: feature, value: values[j], contribution: contributions[j], zh: words.zh, en: words.en)
        }
    }
}
