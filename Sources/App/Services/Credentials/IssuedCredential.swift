import Foundation

/// 可验证凭证: what the platform issued to a learner, as stored.
struct IssuedCredential: Codable, Sendable {
    /// What a credential certifies.
    enum Kind: String, Codable, Sendable, CaseIterable {
        /// One recognised learning outcome (a skill certificate among them).
        case outcome
        /// A qualification the learner's credits satisfy.
        case qualification
        /// The whole record, as a CLR 2.0 transcript.
        case transcript

        var labelZh: String {
            switch self {
            case .outcome: "学习成果"
            case .qualification: "资历"
            case .transcript: "成绩单"
            }
        }
    }

    /// 有效 / 已撤销 / 已暂停
    enum Status: String, Codable, Sendable {
        case active, revoked, suspended

        var labelZh: String {
            switch self {
            case .active: "有效"
            case .revoked: "已撤销"
            case .suspended: "已暂停"
            }
        }
    }

    var id: UUID
    var learnerId: UUID
    var kind: Kind
    var subjectRef: String?
    var titleZh: String
    var titleEn: String
    var statusIndex: Int
    var kid: String
    var jwt: String
    var issuedAt: Date
    var validUntil: Date?
    var status: Status
    var issuedBy: String
}
