/// Learners × features at one cutoff day (特征矩阵), with each learner's label (at risk or not) and
/// the groups fairness is measured by (gender, disability, IMD band).
public struct FeatureMatrix: Sendable, Equatable {
    public var schema: FeatureSchema
    public var rows: [[Double]]
    public var labels: [Bool]
    public var learners: [LearnerKey]
    /// Group kind ("gender", "disability", "imd_band") → each row's group value.
    public var groups: [String: [String]]

    public init(schema: FeatureSchema, rows: [[Double]], labels: [Bool], learners: [LearnerKey], groups: [String: [String]]) {
        self.schema = schema
        self.rows = rows
        self.labels = labels
        self.learners = learners
        self.groups = groups
    }

    /// The group kinds, in the order they are reported.
    public static let groupKinds = ["gender", "disability", "imd_band"]

    public var count: Int { rows.count }

    /// The matrix as CSV: learner columns, the features, `label` (1 = at risk) and `group_*` columns.
    /// Numbers are written in Swift's shortest round-trip form, so a reader gets the exact values.
    public func csv() -> String {
        var lines = [(["student_id", "module", "presentation"] + schema.names + ["label"] + Self.groupKinds.map { "group_\($0)" }).joined(separator: ",")]
        lines.reserveCapacity(rows.count + 1)
        for (i, row) in rows.enumerated() {
            var cells = [String(learners[i].studentID), Self.quoted(learners[i].presentation.module), Self.quoted(learners[i].presentation.code)]
            cells += row.map { "\($0)" }
            cells.append(labels[i] ? "1" : "0")
            cells += Self.groupKinds.map { Self.quoted(groups[$0]?[i] ?? "") }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// Which learner a row is (学员): their id within a presentation.
public struct LearnerKey: Sendable, Hashable {
    public var presentation: Presentation
    public var studentID: Int

    public init(presentation: Presentation, studentID: Int) {
        self.presentation = presentation
        self.studentID = studentID
    }
}
