/// A closed list of values with a stable code and a Chinese label, as found in code lists
/// and spreadsheet columns (`higher_vocational` / 高职专科).
public protocol LabelledChoice: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {
    /// The Simplified Chinese label.
    var labelZh: String { get }
    /// The English label.
    var labelEn: String { get }
    /// The name of the list, for error messages.
    static var listName: String { get }
}

extension LabelledChoice {
    /// Parses a stored code or a Chinese or English label.
    public init?(label: String) {
        let text = label.trimmedField
        if let value = Self(rawValue: text) {
            self = value
            return
        }
        guard let match = Self.allCases.first(where: { $0.labelZh == text || $0.labelEn.caseInsensitiveCompare(text) == .orderedSame }) else {
            return nil
        }
        self = match
    }
}

import Foundation
