import Foundation

/// What an LRS client's credentials allow (学习记录客户端权限). A client is a school's LMS, a
/// MOOC platform or a VR lab that sends statements with HTTP Basic credentials.
public enum LearningRecordClientScope: String, CaseIterable, Sendable {
    /// Sends statements and documents; reads nothing back but its own documents.
    case write
    /// Reads back what it sent itself.
    case readOwn = "read-own"
    /// Reads every statement about its school's learners (and what it sent).
    case readSchool = "read-school"
    /// Reads everything: the city's own tools. Only a city-wide client may hold it.
    case all
}

/// An LRS client as the policy sees it.
public struct LearningRecordClient: Sendable, Hashable {
    public let id: UUID
    public let scope: LearningRecordClientScope
    /// The school the client belongs to; nil for a city-wide client.
    public let institutionID: UUID?

    public init(id: UUID, scope: LearningRecordClientScope, institutionID: UUID?) {
        self.id = id
        self.scope = scope
        self.institutionID = institutionID
    }
}

/// Which stored statements a reader may see: the store turns it into SQL.
public enum StatementFilter: Sendable, Equatable {
    case all
    case none
    /// Statements about the school's learners, or sent by its clients.
    case institution(UUID)
    /// Statements sent by one client.
    case client(UUID)
    /// Statements about one learner (the platform's student record).
    case learner(UUID)
}

extension AccessPolicy {
    /// The statements an LRS client may read.
    public static func statementFilter(for client: LearningRecordClient) -> StatementFilter {
        switch client.scope {
        case .write: .none
        case .readOwn: .client(client.id)
        case .readSchool: client.institutionID.map(StatementFilter.institution) ?? .none
        case .all: client.institutionID == nil ? .all : .none
        }
    }

    /// The statements a signed-in user may read through the platform's pages and API.
    public static func statementFilter(for caller: CallerScope) -> StatementFilter {
        switch caller.role {
        case .cityAdmin: .all
        case .schoolAdmin, .teacher: caller.institutionID.map(StatementFilter.institution) ?? .none
        case .learner: caller.studentID.map(StatementFilter.learner) ?? .none
        default: .none
        }
    }

    /// Whether a scope may be granted to a client of `institutionID` (nil: city-wide).
    public static func mayGrant(_ scope: LearningRecordClientScope, toInstitution institutionID: UUID?) -> Bool {
        switch scope {
        case .all: institutionID == nil
        case .readSchool: institutionID != nil
        case .write, .readOwn: true
        }
    }

    /// Who may create and revoke LRS clients: the city for any, a school for its own.
    public static func canManageLearningRecordClients(of institutionID: UUID?, caller: CallerScope) -> Bool {
        switch caller.role {
        case .cityAdmin: true
        case .schoolAdmin: institutionID != nil && institutionID == caller.institutionID
        default: false
        }
    }

    /// Who may forward statements to another LRS (转发) and handle its dead letters: the city,
    /// which answers for what leaves the platform.
    public static func canManageLearningRecordForwarding(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whose LRS clients `caller` manages: every client (the city, which also chooses each new
    /// client's school), one school's, or none.
    public static func learningRecordClientOwnership(for caller: CallerScope) -> LearningRecordClientOwnership {
        switch caller.role {
        case .cityAdmin: .city
        case .schoolAdmin: caller.institutionID.map(LearningRecordClientOwnership.school) ?? .none
        default: .none
        }
    }

    /// The scopes `caller` may grant to a new client: the city any (each checked again against
    /// the school it picks), a school those `mayGrant` allows for itself.
    public static func grantableLearningRecordScopes(for caller: CallerScope) -> [LearningRecordClientScope] {
        switch learningRecordClientOwnership(for: caller) {
        case .city: LearningRecordClientScope.allCases
        case .school(let id): LearningRecordClientScope.allCases.filter { mayGrant($0, toInstitution: id) }
        case .none: []
        }
    }
}

/// Whose LRS clients a caller manages.
public enum LearningRecordClientOwnership: Sendable, Equatable {
    case city
    case school(UUID)
    case none
}
