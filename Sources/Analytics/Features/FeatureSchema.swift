/// The columns of a feature matrix (特征列) and, for the categories, the levels seen in the
/// training presentations. The test matrix is built with the training schema, so a level first
/// seen in the test data is all zeros rather than a new column.
public struct FeatureSchema: Sendable, Equatable {
    public var features: [Feature]

    public init(features: [Feature]) { self.features = features }

    /// The numeric features plus one column per gender and highest-education level of `enrolments`.
    public init(levelsFrom enrolments: [Enrolment]) {
        var features = Feature.numeric
        for level in Set(enrolments.map(\.demographics.gender)).sorted() { features.append(.gender(level)) }
        for level in Set(enrolments.map(\.demographics.highestEducation)).sorted() { features.append(.highestEducation(level)) }
        self.features = features
    }

    public var names: [String] { features.map(\.name) }
    public var count: Int { features.count }
}
