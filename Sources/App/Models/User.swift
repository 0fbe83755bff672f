import Fluent
import Registry
import Vapor

/// A person or machine account with one role and one scope.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @OptionalField(key: "district_code") var districtCode: String?
    @OptionalField(key: "institution_id") var institutionID: UUID?
    @OptionalField(key: "enterprise_id") var enterpriseID: UUID?
    @OptionalField(key: "student_id") var studentID: UUID?
    @OptionalField(key: "teacher_id") var teacherID: UUID?
    @OptionalField(key: "unit") var unit: String?
    @Field(key: "active") var active: Bool

    init() {}

    init(id: UUID? = nil, username: String, displayName: String, passwordHash: String, scope: CallerScope) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        role = scope.role.rawValue
        districtCode = scope.districtCode
        institutionID = scope.institutionID
        enterpriseID = scope.enterpriseID
        studentID = scope.studentID
        teacherID = scope.teacherID
        unit = scope.unit
        active = true
    }

    /// The scope this account acts in; nil when the stored role is unknown.
    var scope: CallerScope? {
        guard let role = Role(rawValue: role) else { return nil }
        return try? CallerScope(
            role: role, districtCode: districtCode, institutionID: institutionID,
            enterpriseID: enterpriseID, studentID: studentID, teacherID: teacherID, unit: unit
        ).validated()
    }
}
