/// 工作任务: one item of the policy's lists, with its responsible units (lead first), the
/// indicators it delivers and its deadline.
public struct WorkTask: Sendable, Hashable, Codable, Identifiable {
    public var list: PolicyList
    public var number: Int
    public var content: String
    /// Responsible units, lead first, one spelling per unit.
    public var units: [String]
    /// The units as the policy writes them.
    public var unitsAsWritten: String
    public var indicators: [String]
    public var deadline: ReportingPeriod
    /// Repeats every year (每年).
    public var yearly: Bool

    /// `C25`: list prefix and number.
    public var id: String { "\(list.prefix)\(number)" }
    public var lead: String { units.first ?? "" }

    public func isResponsible(_ unit: String) -> Bool { units.contains(unit) }
}
