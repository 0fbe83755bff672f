import Foundation
import JSON

/// Where a credential's status bit lives: one `BitstringStatusListEntry` per purpose, at the
/// same index of the revocation list and of the suspension list.
public struct CredentialStatusEntry: Sendable, Equatable {
    public enum Purpose: String, Sendable, CaseIterable, Codable {
        case revocation, suspension
    }

    public var listBaseURL: String
    public var index: Int

    public init(listBaseURL: String, index: Int) {
        self.listBaseURL = listBaseURL
        self.index = index
    }

    public func listURL(_ purpose: Purpose) -> String { listBaseURL + "/" + purpose.rawValue }

    public var json: JSONValue {
        .array(Purpose.allCases.map { purpose in
            ["id": .string(listURL(purpose) + "#" + String(index)), "type": "BitstringStatusListEntry",
             "statusPurpose": .string(purpose.rawValue), "statusListIndex": .string(String(index)),
             "statusListCredential": .string(listURL(purpose))]
        })
    }
}
