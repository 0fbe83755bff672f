import Foundation

/// The xAPI version a client speaks, from its `X-Experience-API-Version` header (xAPI 版本).
/// 1.0.0–1.0.3 share one data model; 2.0.x (IEEE 9274.1.1-2023) adds context agents and
/// groups, and tightens a few rules.
public enum XAPIVersion: Sendable, Equatable {
    case v1_0
    case v2_0

    /// The version this LRS answers with on every response.
    public static let latest = "2.0.0"

    /// The version family of a header value; nil for a version this LRS does not speak.
    public init?(header: String) {
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        switch (parts[0], parts[1]) {
        case ("1", "0"):
            // 1.0.0 … 1.0.3 are the published 1.0 patch versions; "1.0" alone is not a version.
            guard parts.count == 3, let patch = Int(parts[2]), (0...3).contains(patch) else { return nil }
            self = .v1_0
        case ("2", "0"):
            guard parts.count == 3 || parts.count == 2 else { return nil }
            self = .v2_0
        default:
            return nil
        }
    }

    /// The version this LRS names in its answers to a client of this family.
    public var responseVersion: String {
        switch self {
        case .v1_0: "1.0.3"
        case .v2_0: XAPIVersion.latest
        }
    }

    /// The value of a stored statement's `version` property when the client gave none.
    public var statementVersion: String {
        switch self {
        case .v1_0: "1.0.0"
        case .v2_0: "2.0.0"
        }
    }
}
