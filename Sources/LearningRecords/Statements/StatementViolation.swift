import Foundation

/// Why a statement (or a part of one) was refused: the property, by its path in the statement
/// (`context.contextActivities.parent[0].id`), and the rule it broke. The LRS answers it as a 400.
public struct StatementViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The property's path, e.g. `actor.mbox` or `result.score.scaled`; empty for the whole statement.
    public var path: String
    /// The rule, in English, as the specification words it ("must be a mailto IRI").
    public var rule: String

    public init(_ path: String, _ rule: String) {
        self.path = path
        self.rule = rule
    }

    public var description: String { path.isEmpty ? rule : "\(path): \(rule)" }
}
