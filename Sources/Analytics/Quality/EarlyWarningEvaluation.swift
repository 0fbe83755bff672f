import Foundation

/// The early-warning model judged on a dataset (预警模型评估): for each cutoff day, trained on the
/// training presentations' features at that day and measured on the test presentations'.
public struct EarlyWarningEvaluation: Sendable {
    public struct Day: Sendable {
        public var cutoff: Int
        public var train: FeatureMatrix
        public var test: FeatureMatrix
        public var quality: ModelQuality
        /// The logistic-regression baseline's quality on the same matrices.
        public var baseline: ModelQuality
        public var model: GradientBoostedTrees
    }

    public var days: [Day]

    public static func run(_ dataset: OULADDataset, train: Set<String>, test: Set<String>, cutoffs: [Int], parameters: BoostingParameters = BoostingParameters()) -> EarlyWarningEvaluation {
        let schema = FeatureSchema(levelsFrom: dataset.enrolments.filter { train.contains($0.presentation.code) })
        return EarlyWarningEvaluation(days: cutoffs.map { cutoff in
            let trainMatrix = CutoffFeatures.matrix(dataset, presentationCodes: train, cutoff: cutoff, schema: schema)
            let testMatrix = CutoffFeatures.matrix(dataset, presentationCodes: test, cutoff: cutoff, schema: schema)
            let model = GradientBoostedTrees.train(rows: trainMatrix.rows, labels: trainMatrix.labels, parameters: parameters)
            let baseline = LogisticRegression.train(rows: trainMatrix.rows, labels: trainMatrix.labels)
            return Day(cutoff: cutoff, train: trainMatrix, test: testMatrix,
                       quality: ModelQuality.measure(scores: model.risks(testMatrix.rows), labels: testMatrix.labels, groups: testMatrix.groups),
                       baseline: ModelQuality.measure(scores: baseline.risks(testMatrix.rows), labels: testMatrix.labels, groups: testMatrix.groups),
                       model: model)
        })
    }

    /// `{"days": {"30": {"auc": …, "recall_top20": …, "precision_top20": …, "groups": {kind: {value: {…}}}}}}`,
    /// with the learner counts and the baseline's figures alongside. A figure that cannot be
    /// computed (one class only) is null.
    public func json() -> String {
        func number(_ v: Double?) -> String {
            guard let v, v.isFinite else { return "null" }
            return String(format: "%.6f", v)
        }
        func string(_ s: String) -> String {
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where c.value < 0x20: out += String(format: "\\u%04x", c.value)
                default: out.unicodeScalars.append(c)
                }
            }
            return out + "\""
        }
        func figures(_ f: ModelQuality.Figures) -> String {
            "\"auc\": \(number(f.auc)), \"recall_top20\": \(number(f.recallTop20)), \"precision_top20\": \(number(f.precisionTop20)), \"learners\": \(f.learners), \"at_risk\": \(f.atRisk)"
        }
        let dayParts = days.map { day -> String in
            let groups = FeatureMatrix.groupKinds.map { kind -> String in
                let values = (day.quality.groups[kind] ?? [:]).sorted { $0.key < $1.key }.map { "\(string($0.key)): {\(figures($0.value))}" }
                return "\(string(kind)): {\(values.joined(separator: ", "))}"
            }
            return "\(string(String(day.cutoff))): {\(figures(day.quality.overall)), \"train_learners\": \(day.train.count), \"baseline_logistic\": {\(figures(day.baseline.overall))}, \"groups\": {\(groups.joined(separator: ", "))}}"
        }
        return "{\"days\": {\(dayParts.joined(separator: ", "))}}"
    }

    /// The figures as a table a person reads.
    public func table() -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "–" }
        var lines = ["day  group                      learners  at risk   AUC    recall@20%  precision@20%"]
        func line(_ day: Int, _ name: String, _ q: ModelQuality.Figures) -> String {
            let padded = name.padding(toLength: 26, withPad: " ", startingAt: 0)
            func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
            return [String(day).padding(toLength: 4, withPad: " ", startingAt: 0), padded, right(String(q.learners), 8), right(String(q.atRisk), 8),
                    right(f(q.auc), 6), right(f(q.recallTop20), 11), right(f(q.precisionTop20), 14)].joined(separator: " ")
        }
        for day in days {
            lines.append(line(day.cutoff, "all (boosted trees)", day.quality.overall))
            lines.append(line(day.cutoff, "all (logistic baseline)", day.baseline.overall))
            for kind in FeatureMatrix.groupKinds {
                for (value, q) in (day.quality.groups[kind] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    lines.append(line(day.cutoff, "\(kind)=\(value)", q))
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
