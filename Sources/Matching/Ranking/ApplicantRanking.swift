/// Turns an enterprise's scoring rules into a strict ranking of its applicants.
///
/// Score = program match weight (if the applicant's program is one the post asks for) + grade
/// weight × grade (0–100) − distance weight × kilometres. Higher scores rank first. Equal scores
/// are broken by a hash of the round's seed and the student's id (SplitMix64), so a tie is
/// decided the same way on every run with the same seed and no student is favoured by the
/// order of the input; a remaining hash tie falls back to the student id.
public struct ApplicantRanking: Sendable, Equatable {
    public var programMatchWeight: Double
    public var gradeWeight: Double
    public var distanceWeight: Double

    public init(programMatchWeight: Double = 100, gradeWeight: Double = 1, distanceWeight: Double = 0.5) {
        self.programMatchWeight = programMatchWeight
        self.gradeWeight = gradeWeight
        self.distanceWeight = distanceWeight
    }

    public struct Applicant: Sendable, Equatable {
        public var studentID: String
        public var programMatches: Bool
        /// 0–100.
        public var grade: Double
        public var distanceKilometres: Double

        public init(studentID: String, programMatches: Bool, grade: Double, distanceKilometres: Double) {
            self.studentID = studentID
            self.programMatches = programMatches
            self.grade = grade
            self.distanceKilometres = distanceKilometres
        }
    }

    public func score(_ a: Applicant) -> Double {
        (a.programMatches ? programMatchWeight : 0) + gradeWeight * a.grade - distanceWeight * a.distanceKilometres
    }

    /// Student ids, best first.
    public func rank(_ applicants: [Applicant], seed: UInt64) -> [String] {
        applicants
            .map { (id: $0.studentID, score: score($0), tie: Self.tieBreak(seed: seed, id: $0.studentID)) }
            .sorted { ($0.score, $0.tie, $1.id) > ($1.score, $1.tie, $0.id) }
            .map(\.id)
    }

    /// SplitMix64 over the seed and the id's bytes (FNV-1a folded): stable across runs and platforms.
    public static func tieBreak(seed: UInt64, id: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return SplitMix64.mix(seed &+ h &+ 0x9E37_79B9_7F4A_7C15)
    }
}
