/// 通过条件 (cmi5 `moveOn`, §13.1.4): what the LMS must receive before it considers an AU
/// satisfied. The default is `NotApplicable`.
public enum MoveOn: String, Sendable, Equatable, Codable, CaseIterable {
    case passed = "Passed"
    case completed = "Completed"
    case completedAndPassed = "CompletedAndPassed"
    case completedOrPassed = "CompletedOrPassed"
    case notApplicable = "NotApplicable"

    /// Whether an AU with this criterion is satisfied, given what the LMS has recorded for it in
    /// the registration. A waived AU counts as satisfied whatever the criterion (§9.3.9).
    public func isSatisfied(completed: Bool, passed: Bool, waived: Bool = false) -> Bool {
        if waived { return true }
        switch self {
        case .passed: return passed
        case .completed: return completed
        case .completedAndPassed: return completed && passed
        case .completedOrPassed: return completed || passed
        case .notApplicable: return true
        }
    }
}

/// 启动方式 (cmi5 `launchMethod`, §13.1.4): whether the AU needs its own window. Default `AnyWindow`.
public enum LaunchMethod: String, Sendable, Equatable, Codable, CaseIterable {
    case anyWindow = "AnyWindow"
    case ownWindow = "OwnWindow"
}

/// 启动模式 (cmi5 `launchMode`, §10.2.2): Normal records satisfaction; Browse and Review do not.
public enum LaunchMode: String, Sendable, Equatable, Codable, CaseIterable {
    case normal = "Normal"
    case browse = "Browse"
    case review = "Review"
}
