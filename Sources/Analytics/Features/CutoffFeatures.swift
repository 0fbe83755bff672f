/// Builds the feature matrix of what is known by a cutoff day (截止日特征), with no leakage: only
/// submissions made on or before the cutoff, only assessments due on or before it, and the final
/// result only as the label.
///
/// A learner who unregistered on or before the cutoff is left out of the matrix, in training and
/// in testing alike: their withdrawal is already known, so there is nothing to predict, and the
/// figures measure how well the model finds those still enrolled who will fail or withdraw.
/// Unregistration after the cutoff is not a feature (it is the future).
public enum CutoffFeatures {
    /// The matrix of every enrolment in presentations whose code is in `presentationCodes`.
    public static func matrix(_ dataset: OULADDataset, presentationCodes: Set<String>, cutoff: Int, schema: FeatureSchema) -> FeatureMatrix {
        let assessmentsByPresentation = Dictionary(grouping: dataset.assessments.filter { presentationCodes.contains($0.presentation.code) }, by: \.presentation)
        var assessmentByID: [Int: Assessment] = [:]
        for list in assessmentsByPresentation.values { for a in list { assessmentByID[a.id] = a } }
        // Submissions known by the cutoff, per learner of each presentation.
        var submissions: [LearnerKey: [Submission]] = [:]
        for s in dataset.submissions where s.day <= cutoff {
            guard let a = assessmentByID[s.assessmentID] else { continue }
            submissions[LearnerKey(presentation: a.presentation, studentID: s.studentID), default: []].append(s)
        }
        var lengths: [Presentation: Int] = [:]
        for c in dataset.courses { lengths[c.presentation] = c.lengthDays }

        let enrolments = dataset.enrolments
            .filter { presentationCodes.contains($0.presentation.code) }
            .filter { e in !(e.unregistrationDay.map { $0 <= cutoff } ?? false) }
            .sorted { ($0.presentation, $0.studentID) < ($1.presentation, $1.studentID) }
        var raw: [LearnerFacts] = []
        raw.reserveCapacity(enrolments.count)
        for e in enrolments {
            let key = LearnerKey(presentation: e.presentation, studentID: e.studentID)
            let due = (assessmentsByPresentation[e.presentation] ?? []).filter { ($0.dueDay ?? Int.max) <= cutoff }
            raw.append(LearnerFacts(enrolment: e, due: due, submissions: submissions[key] ?? [], assessments: assessmentByID, cutoff: cutoff))
        }
        // Presentation means of what is known by the cutoff (no labels), for the relative features.
        var meanScore: [Presentation: Double] = [:], meanWeighted: [Presentation: Double] = [:], meanMissed: [Presentation: Double] = [:]
        for (presentation, facts) in Dictionary(grouping: raw, by: \.enrolment.presentation) {
            let scored = facts.compactMap(\.meanScore)
            meanScore[presentation] = scored.isEmpty ? 0 : scored.reduce(0, +) / Double(scored.count)
            meanWeighted[presentation] = facts.map(\.weightedScore).reduce(0, +) / Double(facts.count)
            meanMissed[presentation] = Double(facts.map(\.missed).reduce(0, +)) / Double(facts.count)
        }
        var rows: [[Double]] = [], labels: [Bool] = [], learners: [LearnerKey] = []
        var groups: [String: [String]] = [:]
        for f in raw {
            let e = f.enrolment, d = e.demographics
            let row = schema.features.map { feature -> Double in
                switch feature {
                case .registrationDay: Double(e.registrationDay ?? 0)
                case .assessmentsDue: Double(f.due.count)
                case .submitted: Double(f.submitted)
                case .missed: Double(f.missed)
                case .late: Double(f.late)
                case .banked: Double(f.banked)
                case .weightedScore: f.weightedScore
                case .meanScore: f.meanScore ?? 0
                case .lastScore: f.lastScore ?? 0
                case .daysSinceLastSubmission: Double(f.lastDay.map { cutoff - $0 } ?? cutoff + 1)
                case .meanDaysEarly: f.meanDaysEarly ?? 0
                case .scoreVersusPresentation: f.meanScore.map { $0 - (meanScore[e.presentation] ?? 0) } ?? 0
                case .weightedScoreVersusPresentation: f.weightedScore - (meanWeighted[e.presentation] ?? 0)
                case .missedVersusPresentation: Double(f.missed) - (meanMissed[e.presentation] ?? 0)
                case .presentationLength: Double(lengths[e.presentation] ?? 0)
                case .studiedCredits: Double(d.studiedCredits)
                case .previousAttempts: Double(d.previousAttempts)
                case .imdBand: Double(d.imdLowerBound ?? -1)
                case .ageBand: Double(d.ageLowerBound ?? -1)
                case .disability: d.disability == "Y" ? 1 : 0
                case .gender(let level): d.gender == level ? 1 : 0
                case .highestEducation(let level): d.highestEducation == level ? 1 : 0
                }
            }
            rows.append(row)
            labels.append(e.outcome.isAtRisk)
            learners.append(LearnerKey(presentation: e.presentation, studentID: e.studentID))
            groups["gender", default: []].append(d.gender)
            groups["disability", default: []].append(d.disability)
            groups["imd_band", default: []].append(d.imdBand ?? "unknown")
        }
        return FeatureMatrix(schema: schema, rows: rows, labels: labels, learners: learners, groups: groups)
    }
}

/// A learner's submissions summarised at the cutoff.
struct LearnerFacts {
    var enrolment: Enrolment
    var due: [Assessment]
    var submitted = 0, missed = 0, late = 0, banked = 0
    var weightedScore = 0.0
    var meanScore: Double?
    var lastScore: Double?
    var lastDay: Int?
    var meanDaysEarly: Double?

    init(enrolment: Enrolment, due: [Assessment], submissions: [Submission], assessments: [Int: Assessment], cutoff: Int) {
        self.enrolment = enrolment
        self.due = due
        // The same assessment submitted twice counts once (its latest known submission).
        var latest: [Int: Submission] = [:]
        for s in submissions where latest[s.assessmentID].map({ $0.day <= s.day }) ?? true { latest[s.assessmentID] = s }
        let known = latest.values.sorted { ($0.day, $0.assessmentID) < ($1.day, $1.assessmentID) }
        submitted = known.count
        banked = known.filter(\.isBanked).count
        missed = due.filter { latest[$0.id] == nil }.count
        var early: [Double] = []
        for s in known {
            guard let due = assessments[s.assessmentID]?.dueDay else { continue }
            if s.day > due && !s.isBanked { late += 1 }
            if !s.isBanked { early.append(Double(due - s.day)) }
        }
        meanDaysEarly = early.isEmpty ? nil : early.reduce(0, +) / Double(early.count)
        let scores = known.compactMap(\.score)
        meanScore = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        lastScore = known.last(where: { $0.score != nil })?.score
        lastDay = known.filter { !$0.isBanked }.last?.day
        // Weighted score over what is due: a missed assessment counts as 0.
        let dueWeight = due.map(\.weight).reduce(0, +)
        if dueWeight > 0 {
            weightedScore = due.map { a in (latest[a.id]?.score ?? 0) * a.weight }.reduce(0, +) / dueWeight
        }
    }
}
