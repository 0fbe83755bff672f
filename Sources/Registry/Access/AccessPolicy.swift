import Foundation

/// The registry's kinds of record, as the access policy sees them.
public enum RegistryEntity: String, CaseIterable, Sendable {
    case institution, programCluster, program, teacher, student, enterprise, trainingBase, internshipPost
    case labourDemand, occupationMapping, programYear, cooperationAgreement, negativeListEntry
    case designation, spending
}

/// Where a record sits: the keys that scope rules compare against a caller's scope.
public struct RecordPlacement: Sendable, Hashable {
    public var districtCode: String?
    public var institutionID: UUID?
    public var enterpriseID: UUID?
    /// The record's own id (for a learner reading themself, a teacher their own record).
    public var recordID: UUID?

    public init(districtCode: String? = nil, institutionID: UUID? = nil, enterpriseID: UUID? = nil, recordID: UUID? = nil) {
        self.districtCode = districtCode
        self.institutionID = institutionID
        self.enterpriseID = enterpriseID
        self.recordID = recordID
    }
}

/// A row filter a storage layer must apply to a list query: the pure form of "what may this
/// caller see". `App` turns it into SQL, so lists are filtered in the database, never after.
public enum RowFilter: Sendable, Equatable {
    /// Every row.
    case all
    /// No row at all.
    case none
    /// Rows whose district (or whose institution's district) is this one.
    case district(String)
    case institution(UUID)
    case enterprise(UUID)
    /// Exactly one record.
    case record(UUID)
}

/// Who may read and change which registry records. Deny by default: a role not named for an
/// entity sees nothing of it.
public enum AccessPolicy {
    /// The filter on list and read queries of `entity` for `caller`.
    public static func readFilter(_ entity: RegistryEntity, for caller: CallerScope) -> RowFilter {
        switch (caller.role, entity) {
        case (.cityAdmin, _): .all
        // Institutions, clusters and programs are the public face of the system: every
        // signed-in role may look them up.
        case (_, .institution), (_, .programCluster), (_, .program): .all
        // The city's reference tables for the labour market, and enrolment counts (no person
        // in them), are open to every signed-in role.
        case (_, .occupationMapping), (_, .negativeListEntry), (_, .programYear): .all
        // Designations are public achievements: every signed-in role may see them.
        case (_, .designation): .all
        case (.districtAdmin, _): caller.districtCode.map(RowFilter.district) ?? .none
        case (.schoolAdmin, .teacher), (.schoolAdmin, .student), (.schoolAdmin, .trainingBase),
             (.teacher, .student):
            caller.institutionID.map(RowFilter.institution) ?? .none
        case (.teacher, .teacher): caller.teacherID.map(RowFilter.record) ?? .none
        // Internship posts are offered to every school and learner; an enterprise sees its own.
        case (.schoolAdmin, .internshipPost), (.teacher, .internshipPost), (.learner, .internshipPost): .all
        // Demand is posted for schools and learners to read, like internship posts.
        case (.schoolAdmin, .labourDemand), (.teacher, .labourDemand), (.learner, .labourDemand): .all
        case (.schoolAdmin, .cooperationAgreement): caller.institutionID.map(RowFilter.institution) ?? .none
        case (.enterprise, .labourDemand), (.enterprise, .cooperationAgreement): caller.enterpriseID.map(RowFilter.enterprise) ?? .none
        case (.schoolAdmin, .enterprise), (.teacher, .enterprise): .all
        case (.enterprise, .enterprise), (.enterprise, .trainingBase), (.enterprise, .internshipPost):
            caller.enterpriseID.map(RowFilter.enterprise) ?? .none
        case (.learner, .student): caller.studentID.map(RowFilter.record) ?? .none
        case (.creditReviewer, .student): .all
        default: .none
        }
    }

    /// Whether `caller` may create, change or delete a record of `entity` placed at `placement`.
    public static func canWrite(_ entity: RegistryEntity, at placement: RecordPlacement, caller: CallerScope) -> Bool {
        switch (caller.role, entity) {
        case (.cityAdmin, _): return true
        case (.districtAdmin, _):
            return caller.districtCode != nil && placement.districtCode == caller.districtCode
        case (.schoolAdmin, .programCluster), (.schoolAdmin, .program), (.schoolAdmin, .teacher),
             (.schoolAdmin, .student), (.schoolAdmin, .trainingBase), (.schoolAdmin, .programYear),
             (.schoolAdmin, .cooperationAgreement):
            return caller.institutionID != nil && placement.institutionID == caller.institutionID
        case (.enterprise, .enterprise), (.enterprise, .trainingBase), (.enterprise, .internshipPost), (.enterprise, .labourDemand):
            return caller.enterpriseID != nil && placement.enterpriseID == caller.enterpriseID
        default:
            return false
        }
    }

    /// Whether `caller` may write some record of `entity` — one placed in its own scope. Decides
    /// who may send an import file, before a byte of the file is read.
    public static func canImport(_ entity: RegistryEntity, caller: CallerScope) -> Bool {
        let own = RecordPlacement(districtCode: caller.districtCode, institutionID: caller.institutionID, enterpriseID: caller.enterpriseID)
        return canWrite(entity, at: own, caller: caller)
    }

    /// Whether `caller` may push learning outcomes into credit-bank accounts in bulk: the
    /// city and schools, as issuers of what they award.
    public static func canImportCreditOutcomes(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin || caller.role == .schoolAdmin
    }

    /// Whether `caller` may see a full identity number (an unmasked read, always audited).
    public static func canRevealIdentity(of entity: RegistryEntity, at placement: RecordPlacement, caller: CallerScope) -> Bool {
        guard entity == .student || entity == .teacher else { return false }
        switch caller.role {
        case .cityAdmin: return true
        case .schoolAdmin: return caller.institutionID != nil && placement.institutionID == caller.institutionID
        case .learner: return entity == .student && placement.recordID != nil && placement.recordID == caller.studentID
        default: return false
        }
    }

    /// Whether a single record at `placement` passes `filter` (for reads by id).
    public static func admits(_ filter: RowFilter, _ placement: RecordPlacement) -> Bool {
        switch filter {
        case .all: true
        case .none: false
        case .district(let code): placement.districtCode == code
        case .institution(let id): placement.institutionID == id
        case .enterprise(let id): placement.enterpriseID == id
        case .record(let id): placement.recordID == id
        }
    }
}

/// What a caller wants to do with a credit-bank learner's account.
public enum CreditBankAction: String, Sendable, CaseIterable {
    /// The account, its awards, transfer plans, evidence files and issued credentials.
    case read
    /// Submit an outcome for the learner (one at a time or in an import).
    case submitOutcome
    /// Recognise, reject or ask for evidence on one of the learner's outcomes.
    case decideOutcome
    /// Issue a credential for a recognised outcome, or a transcript.
    case issueOutcomeCredential
    /// Issue a qualification credential: the issuing authority's act, never the learner's own.
    case issueQualificationCredential
}

/// Where a credit-bank learner sits, as the storage layer finds it: the registry's student
/// records that carry the learner's identity document, and their schools.
public struct CreditLearnerPlacement: Sendable, Hashable {
    public var studentIDs: Set<UUID>
    public var institutionIDs: Set<UUID>

    public init(studentIDs: Set<UUID> = [], institutionIDs: Set<UUID> = []) {
        self.studentIDs = studentIDs
        self.institutionIDs = institutionIDs
    }
}

extension AccessPolicy {
    /// Whether `caller`'s role may do `action` on some credit-bank learner at all. A role that
    /// never may is refused (403) before any learner is looked up.
    public static func mayUseCreditBank(_ action: CreditBankAction, caller: CallerScope) -> Bool {
        switch action {
        case .read: [.cityAdmin, .creditReviewer, .schoolAdmin, .learner].contains(caller.role)
        case .submitOutcome: [.cityAdmin, .schoolAdmin, .learner].contains(caller.role)
        case .decideOutcome, .issueQualificationCredential: [.cityAdmin, .creditReviewer].contains(caller.role)
        case .issueOutcomeCredential: [.cityAdmin, .creditReviewer, .learner].contains(caller.role)
        }
    }

    /// Whether `caller` may do `action` on the learner at `placement`: the city and reviewers on
    /// every learner; a school on the learners who are its students; a learner on their own
    /// account. The same decision serves reads and writes, so a caller never writes into an
    /// account it cannot read; a learner outside it answers like a missing one (404).
    public static func canActOnCreditLearner(_ action: CreditBankAction, at placement: CreditLearnerPlacement, caller: CallerScope) -> Bool {
        guard mayUseCreditBank(action, caller: caller) else { return false }
        switch caller.role {
        case .cityAdmin, .creditReviewer: return true
        case .schoolAdmin:
            guard let school = caller.institutionID else { return false }
            return placement.institutionIDs.contains(school)
        case .learner:
            guard let student = caller.studentID else { return false }
            return placement.studentIDs.contains(student)
        default: return false
        }
    }
}
