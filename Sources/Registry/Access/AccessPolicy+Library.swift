import Foundation

/// Where a library resource (资源库资源) stands in review. A contribution is the contributor's
/// own until the city shares it: while it is contributed, under review or returned no other
/// school, enterprise or learner sees it.
public enum LibraryReviewStatus: String, CaseIterable, Sendable {
    /// 已提交: saved by its contributor, not yet sent for review.
    case contributed
    /// 审核中
    case underReview = "under_review"
    /// 已共享: shared city-wide.
    case shared
    /// 已退回: returned to its contributor with a reason.
    case returned

    public var labelZh: String {
        switch self {
        case .contributed: "已提交"
        case .underReview: "审核中"
        case .shared: "已共享"
        case .returned: "已退回"
        }
    }

    public var labelEn: String {
        switch self {
        case .contributed: "Contributed"
        case .underReview: "Under review"
        case .shared: "Shared"
        case .returned: "Returned"
        }
    }
}

/// Who owns a library resource: a school, an enterprise, or the city itself.
public struct LibraryOwner: Sendable, Hashable {
    public var institutionID: UUID?
    public var enterpriseID: UUID?

    public init(institutionID: UUID? = nil, enterpriseID: UUID? = nil) {
        self.institutionID = institutionID
        self.enterpriseID = enterpriseID
    }
}

/// For whom a caller contributes: the city itself, or a school or an enterprise.
public enum LibraryContributor: Sendable, Hashable {
    case city
    case owner(LibraryOwner)
}

/// A library resource as the policy sees it.
public struct LibraryPlacement: Sendable, Hashable {
    public var owner: LibraryOwner
    public var status: LibraryReviewStatus
    /// Licensed 校内 (school-only): never shown outside its owner, even once shared.
    public var schoolOnly: Bool
    public var contributorID: UUID?

    public init(owner: LibraryOwner, status: LibraryReviewStatus, schoolOnly: Bool, contributorID: UUID? = nil) {
        self.owner = owner
        self.status = status
        self.schoolOnly = schoolOnly
        self.contributorID = contributorID
    }
}

/// What a caller sees of the library, as a storage layer turns it into SQL: every resource, or
/// the shared city-wide ones plus those of one owner.
public enum LibraryVisibility: Sendable, Equatable {
    case everything
    case sharedAnd(LibraryOwner?)
}

extension AccessPolicy {
    /// The owner a caller contributes for: teachers and school administrators for their school,
    /// an enterprise for itself, the city for the city (no owner). Nil: may not contribute.
    public static func libraryContributor(caller: CallerScope) -> LibraryContributor? {
        switch caller.role {
        case .cityAdmin: return .city
        case .schoolAdmin, .teacher: return caller.institutionID.map { .owner(LibraryOwner(institutionID: $0)) }
        case .enterprise: return caller.enterpriseID.map { .owner(LibraryOwner(enterpriseID: $0)) }
        default: return nil
        }
    }

    /// Whether `caller` may contribute resources (and upload their files) at all.
    public static func canContributeToLibrary(caller: CallerScope) -> Bool {
        libraryContributor(caller: caller) != nil
    }

    /// Whether `caller` reviews contributions: the city education bureau.
    public static func canReviewLibrary(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// What `caller` sees: the city everything; every other role what is shared city-wide, and a
    /// school or enterprise also its own contributions at any stage.
    public static func libraryVisibility(for caller: CallerScope) -> LibraryVisibility {
        if caller.role == .cityAdmin { return .everything }
        if case .owner(let owner) = libraryContributor(caller: caller) { return .sharedAnd(owner) }
        return .sharedAnd(nil)
    }

    /// Whether `caller` may read one resource (and its files). Anything else is 404, like a
    /// missing one.
    public static func canReadLibraryResource(_ placement: LibraryPlacement, caller: CallerScope) -> Bool {
        switch libraryVisibility(for: caller) {
        case .everything: return true
        case .sharedAnd(let owner):
            if let owner, owns(owner, placement.owner) { return true }
            return placement.status == .shared && !placement.schoolOnly
        }
    }

    /// Whether `caller` may change a resource: add a version, send it for review. Its owner's
    /// contributors (and the city for the city's own), never while it is under review.
    public static func canEditLibraryResource(_ placement: LibraryPlacement, caller: CallerScope) -> Bool {
        guard placement.status != .underReview else { return false }
        switch libraryContributor(caller: caller) {
        case .city: return placement.owner == LibraryOwner()
        case .owner(let mine): return owns(mine, placement.owner)
        case nil: return false
        }
    }

    /// Whether `caller` (account `callerID`) may share or return a resource under review: a
    /// reviewer who did not contribute it (four eyes).
    public static func canDecideLibraryResource(_ placement: LibraryPlacement, caller: CallerScope, callerID: UUID) -> Bool {
        canReviewLibrary(caller: caller) && placement.status == .underReview && placement.contributorID != callerID
    }

    private static func owns(_ mine: LibraryOwner, _ theirs: LibraryOwner) -> Bool {
        if let school = mine.institutionID { return theirs.institutionID == school }
        if let enterprise = mine.enterpriseID { return theirs.enterpriseID == enterprise }
        return false
    }
}
