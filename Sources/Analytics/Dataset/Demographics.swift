/// What the registry knows of a learner at enrolment (学生背景信息). Empty or "?" cells are nil.
public struct Demographics: Sendable, Equatable {
    public var gender: String
    /// "Y" or "N" in the files.
    public var disability: String
    /// The index of multiple deprivation band of the learner's area, e.g. "20-30%" (nil when unknown).
    public var imdBand: String?
    public var ageBand: String
    public var highestEducation: String
    public var studiedCredits: Int
    public var previousAttempts: Int

    public init(gender: String, disability: String, imdBand: String?, ageBand: String, highestEducation: String, studiedCredits: Int, previousAttempts: Int) {
        self.gender = gender
        self.disability = disability
        self.imdBand = imdBand
        self.ageBand = ageBand
        self.highestEducation = highestEducation
        self.studiedCredits = studiedCredits
        self.previousAttempts = previousAttempts
    }

    /// The lower bound of the IMD band in percent ("20-30%" → 20), for an ordered feature.
    public var imdLowerBound: Int? {
        guard let band = imdBand, let first = band.split(whereSeparator: { $0 == "-" || $0 == "%" }).first else { return nil }
        return Int(first)
    }

    /// The lower bound of the age band ("35-55" → 35, "55<=" → 55, "0-35" → 0).
    public var ageLowerBound: Int? {
        Int(ageBand.prefix { $0.isNumber })
    }
}
