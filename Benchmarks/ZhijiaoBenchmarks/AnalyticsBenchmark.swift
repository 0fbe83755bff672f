import Analytics
import Foundation

/// `ZhijiaoBenchmarks analytics [learners] [events per learner]`: risk scores for every enrolled
/// learner from generated assessment events, through the Analytics target's public API only —
/// features at a cutoff day, the boosted trees trained on a separate generated presentation, one
/// risk and its top factors per learner. The aim is 500,000 learners from 50,000,000 events in
/// under 60 s on 2 cores (release build).
enum AnalyticsBenchmark {
    static func run(learners: Int, eventsPerLearner: Int) {
        let modules = max(1, learners / 5_000)
        let cutoff = 200
        print("generating \(learners) learners in \(modules) modules, \(learners * eventsPerLearner) events …")
        var start = Date()
        let scored = generate(code: "B2", learners: learners, modules: modules, assessmentsPerModule: eventsPerLearner, seed: 2)
        let training = generate(code: "B1", learners: min(learners, 20_000), modules: max(1, min(learners, 20_000) / 5_000), assessmentsPerModule: eventsPerLearner, seed: 1)
        print(String(format: "generated in %.1f s", Date().timeIntervalSince(start)))
        let schema = FeatureSchema(levelsFrom: training.enrolments)
        start = Date()
        let trainMatrix = CutoffFeatures.matrix(training, presentationCodes: ["B1"], cutoff: cutoff, schema: schema)
        let model = GradientBoostedTrees.train(rows: trainMatrix.rows, labels: trainMatrix.labels)
        print(String(format: "trained on %d learners in %.1f s", trainMatrix.count, Date().timeIntervalSince(start)))
        start = Date()
        let matrix = CutoffFeatures.matrix(scored, presentationCodes: ["B2"], cutoff: cutoff, schema: schema)
        let features = Date().timeIntervalSince(start)
        let risks = model.risks(matrix.rows)
        let explained = matrix.rows.map { RiskExplanation.factors(of: $0, model: model, schema: schema).count }
        let total = Date().timeIntervalSince(start)
        let auc = AreaUnderCurve.of(scores: risks, labels: matrix.labels) ?? .nan
        print(String(format: "analytics: %d learners, %d events: features %.1f s, risk and factors %.1f s, total %.1f s (aim < 60 s); AUC on the generated outcomes %.3f; %d factors",
                     matrix.count, scored.submissions.count, features, total - features, total, auc, explained.reduce(0, +)))
    }

    /// A generated presentation: each learner has an engagement level that drives how many
    /// assessments they submit, how late and how well, and (with noise) whether they fail.
    static func generate(code: String, learners: Int, modules: Int, assessmentsPerModule: Int, seed: UInt64) -> OULADDataset {
        var state = seed &* 0x9E3779B97F4A7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var courses: [Course] = [], assessments: [Assessment] = []
        for m in 0..<modules {
            let presentation = Presentation(module: "M\(m)", code: code)
            courses.append(Course(presentation: presentation, lengthDays: 260))
            for a in 0..<assessmentsPerModule {
                assessments.append(Assessment(id: m * assessmentsPerModule + a, presentation: presentation, kind: .computerMarked,
                                              dueDay: 10 + a * 240 / max(assessmentsPerModule, 1), weight: 100 / Double(assessmentsPerModule)))
            }
        }
        var submissions: [Submission] = [], enrolments: [Enrolment] = []
        submissions.reserveCapacity(learners * assessmentsPerModule)
        enrolments.reserveCapacity(learners)
        let genders = ["F", "M"], education = ["A Level or Equivalent", "HE Qualification", "Lower Than A Level"]
        for l in 0..<learners {
            let m = l % modules
            let engagement = next()
            var submitted = 0
            for a in 0..<assessmentsPerModule {
                let due = 10 + a * 240 / max(assessmentsPerModule, 1)
                // Every learner has one event per assessment: a submission, or none when they drop away.
                if next() < 0.3 + 0.7 * engagement {
                    submitted += 1
                    let day = due + Int((next() - 0.7 * engagement) * 10)
                    submissions.append(Submission(assessmentID: m * assessmentsPerModule + a, studentID: l, day: day, isBanked: false,
                                                  score: min(100, max(0, 40 + 50 * engagement + (next() - 0.5) * 30))))
                } else {
                    submissions.append(Submission(assessmentID: m * assessmentsPerModule + a, studentID: l, day: 10_000, isBanked: false, score: nil))
                }
            }
            let atRisk = next() < 1 / (1 + exp(6 * (engagement - 0.35)))
            let demographics = Demographics(gender: genders[l % 2], disability: l % 11 == 0 ? "Y" : "N", imdBand: "\(l % 10 * 10)-\(l % 10 * 10 + 10)%",
                                            ageBand: l % 3 == 0 ? "35-55" : "0-35", highestEducation: education[l % 3], studiedCredits: 60 + 30 * (l % 3), previousAttempts: l % 7 == 0 ? 1 : 0)
            enrolments.append(Enrolment(presentation: Presentation(module: "M\(m)", code: code), studentID: l, registrationDay: -Int(next() * 60),
                                        unregistrationDay: nil, demographics: demographics, outcome: atRisk ? (submitted % 2 == 0 ? .fail : .withdrawn) : .pass))
        }
        return OULADDataset(courses: courses, assessments: assessments, submissions: submissions, enrolments: enrolments)
    }
}
