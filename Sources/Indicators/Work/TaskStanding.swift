/// Where a task stands for the city: done, in progress, overdue or stalled.
public enum TaskStanding: String, Sendable, Hashable, Codable {
    /// The city has accepted a report at 100 %.
    case done
    case inProgress = "in_progress"
    /// Past its deadline and not done.
    case overdue
    /// Not done, and no report for `TaskStanding.stallDays` days (or never, once the first
    /// quarter of work has gone by).
    case stalled
    /// No report yet, and not yet expected.
    case notStarted = "not_started"

    /// A task with no report in this many days is stalled.
    public static let stallDays = 90

    /// - Parameters:
    ///   - acceptedPercent: the latest percentage the city accepted, if any.
    ///   - daysSinceLastReport: days since the unit last reported, nil if never.
    ///   - daysSinceListed: days since the task entered the platform (a new task is not
    ///     stalled before its first 90 days).
    ///   - today: `YYYY-MM-DD`.
    public static func of(_ task: WorkTask, acceptedPercent: Int?, daysSinceLastReport: Int?, daysSinceListed: Int, today: String) -> TaskStanding {
        if let acceptedPercent, acceptedPercent >= 100 { return .done }
        // A yearly task (每年) falls due again at the end of every year.
        let due = task.yearly ? "\(today.prefix(4))-12-31" : task.deadline.lastDay
        if today > due { return .overdue }
        if let days = daysSinceLastReport { return days >= stallDays ? .stalled : .inProgress }
        return daysSinceListed >= stallDays ? .stalled : .notStarted
    }

    public var labelZh: String {
        switch self {
        case .done: "已完成"
        case .inProgress: "推进中"
        case .overdue: "已逾期"
        case .stalled: "停滞"
        case .notStarted: "未开始"
        }
    }

    public var labelEn: String {
        switch self {
        case .done: "done"
        case .inProgress: "in progress"
        case .overdue: "overdue"
        case .stalled: "stalled"
        case .notStarted: "not started"
        }
    }
}
