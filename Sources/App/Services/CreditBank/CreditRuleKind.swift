/// The kinds of rule document the credit bank keeps in `credit_rules`.
enum CreditRuleKind: String, CaseIterable, Sendable {
    case recognition
    case qualification
    case conversion
    case programLimit = "program_limit"
    /// One document, code `current`: the city's level alignment.
    case alignment
}
