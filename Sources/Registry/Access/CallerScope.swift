import Foundation

/// Who is asking and over what they have authority: a role bound to a scope.
///
/// Every registry read and write is decided by `AccessPolicy` from this value, in one place.
public struct CallerScope: Sendable, Hashable {
    public let role: Role
    /// For a district admin: the district's 6-digit code.
    public let districtCode: String?
    /// For school admins and teachers: their institution.
    public let institutionID: UUID?
    /// For enterprise users: their enterprise.
    public let enterpriseID: UUID?
    /// For learners: their own student record.
    public let studentID: UUID?
    /// For teachers: their own teacher record.
    public let teacherID: UUID?
    /// For a responsible unit: its name as the work list writes it (市人力资源社会保障局).
    public let unit: String?

    public init(role: Role, districtCode: String? = nil, institutionID: UUID? = nil, enterpriseID: UUID? = nil, studentID: UUID? = nil, teacherID: UUID? = nil, unit: String? = nil) {
        self.role = role
        self.districtCode = districtCode
        self.institutionID = institutionID
        self.enterpriseID = enterpriseID
        self.studentID = studentID
        self.teacherID = teacherID
        self.unit = unit
    }

    /// Why a scope cannot be created for a role.
    public enum Problem: Error, Equatable {
        case missing(String)
    }

    /// Checks that the role has the binding it needs (a district admin needs a district …).
    public func validated() throws(Problem) -> CallerScope {
        switch role {
        case .cityAdmin, .creditReviewer: break
        case .districtAdmin: if districtCode == nil { throw .missing("districtCode") }
        case .schoolAdmin: if institutionID == nil { throw .missing("institutionID") }
        case .teacher: if institutionID == nil { throw .missing("institutionID") }
        case .enterprise: if enterpriseID == nil { throw .missing("enterpriseID") }
        case .learner: if studentID == nil { throw .missing("studentID") }
        case .responsibleUnit: if unit == nil { throw .missing("unit") }
        }
        return self
    }
}
