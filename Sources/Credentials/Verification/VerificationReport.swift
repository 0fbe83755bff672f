import Foundation
import JSON

/// What verifying one credential found: each check passed, failed (with the reason) or was not
/// reached because an earlier one failed.
public struct VerificationReport: Sendable {
    public enum CheckName: String, Sendable, CaseIterable, Codable {
        case format, issuer, signature, validity, status

        public var zh: String {
            switch self {
            case .format: "格式"
            case .issuer: "签发者"
            case .signature: "签名"
            case .validity: "有效期"
            case .status: "撤销与暂停"
            }
        }
    }

    public enum Outcome: String, Sendable, Codable {
        case passed, failed, notChecked = "not_checked"
    }

    public struct Check: Sendable {
        public var name: CheckName
        public var outcome: Outcome
        public var zh: String
        public var en: String
    }

    public var checks: [Check]
    /// The first failure, if any.
    public var failure: VerificationFailure?
    /// The decoded credential, when the token could be read at all.
    public var credential: JSONValue?
    public var kid: String?

    /// The report for input in which no credential could be found at all.
    public static func unreadable(_ failure: VerificationFailure) -> VerificationReport {
        var report = VerificationReport(checks: [Check(name: .format, outcome: .failed, zh: failure.zh, en: failure.en)], failure: failure, credential: nil, kid: nil)
        for name in CheckName.allCases.dropFirst() {
            report.checks.append(Check(name: name, outcome: .notChecked, zh: "未检查（前一项未通过）", en: "not checked (an earlier check failed)"))
        }
        return report
    }

    public var verified: Bool { failure == nil && checks.allSatisfy { $0.outcome == .passed } }

    /// The holder's name the credential states, once it verified: a forged credential's name
    /// is nobody's.
    public var holderName: String? { verified ? credential.flatMap(CredentialDocument.holderName) : nil }
}
