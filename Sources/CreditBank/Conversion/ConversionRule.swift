import Exact

/// 转换规则: a recognised unit counts in a target program at an institution — exempting a
/// course, or as credit — under limits.
public struct ConversionRule: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var institutionCode: String
    public var programCode: String
    /// The recognised unit it takes.
    public var unitCode: String
    /// The course exempted (免修), if any.
    public var exemptsCourse: String?
    /// Credit granted in the program (at most the unit's own credit).
    public var credits: Credits
    /// The unit must sit at least this high on the hub framework.
    public var minimumHubLevel: Int
    /// The unit must have been awarded within this many years.
    public var maximumAgeYears: Int?

    public init(id: String, institutionCode: String, programCode: String, unitCode: String, exemptsCourse: String? = nil, credits: Credits,
                minimumHubLevel: Int, maximumAgeYears: Int? = nil) {
        self.id = id
        self.institutionCode = institutionCode
        self.programCode = programCode
        self.unitCode = unitCode
        self.exemptsCourse = exemptsCourse
        self.credits = credits
        self.minimumHubLevel = minimumHubLevel
        self.maximumAgeYears = maximumAgeYears
    }
}

/// A program's total credit and the most of it that may come from transfer.
public struct ProgramTransferLimit: Sendable, Hashable, Codable {
    public var institutionCode: String
    public var programCode: String
    public var totalCredits: Credits
    /// Say 1/2: at most half the program by transfer.
    public var maximumShare: Fraction

    public init(institutionCode: String, programCode: String, totalCredits: Credits, maximumShare: Fraction) {
        self.institutionCode = institutionCode
        self.programCode = programCode
        self.totalCredits = totalCredits
        self.maximumShare = maximumShare
    }

    /// The cap in tenths, rounded down.
    public var cap: Credits {
        Credits(tenths: totalCredits.tenths * maximumShare.numerator / maximumShare.denominator)
    }
}
