import Foundation

/// 截止状态 of one activity for one learner at a moment.
public enum DueState: String, Sendable, Equatable {
    /// Not done, due later (or no due date).
    case open
    /// Not done, due within the reminder window.
    case dueSoon
    /// Done on or before the due date (or no due date).
    case done
    /// Done after the due date: 迟交.
    case late
    /// Not done and past the due date: 缺交.
    case missing
}

/// 待办: an activity and its state.
public struct DueItem: Sendable, Equatable {
    public var activityID: String
    public var dueAt: Date?
    public var state: DueState
}

public enum DueDates {
    /// Every activity's state for a learner at `now`, the ones needing attention first
    /// (missing, due soon by due date, open by due date, then done and late), ties by course order.
    public static func items(activities: [CourseActivity], records: [String: ActivityRecord], now: Date, soon: TimeInterval = 3 * 86_400) -> [DueItem] {
        let items = activities.map { activity -> DueItem in
            let doneAt = records[activity.id]?.doneAt
            let state: DueState
            switch (doneAt, activity.dueAt) {
            case let (done?, due?): state = done > due ? .late : .done
            case (.some, nil): state = .done
            case let (nil, due?): state = now > due ? .missing : (due.timeIntervalSince(now) <= soon ? .dueSoon : .open)
            case (nil, nil): state = .open
            }
            return DueItem(activityID: activity.id, dueAt: activity.dueAt, state: state)
        }
        let rank: [DueState: Int] = [.missing: 0, .dueSoon: 1, .open: 2, .late: 3, .done: 4]
        return items.enumerated().sorted { a, b in
            let (ra, rb) = (rank[a.element.state] ?? 9, rank[b.element.state] ?? 9)
            if ra != rb { return ra < rb }
            let (da, db) = (a.element.dueAt ?? .distantFuture, b.element.dueAt ?? .distantFuture)
            if da != db { return da < db }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// What is still due for the learner: not done, not yet missing.
    public static func due(activities: [CourseActivity], records: [String: ActivityRecord], now: Date, soon: TimeInterval = 3 * 86_400) -> [DueItem] {
        items(activities: activities, records: records, now: now, soon: soon).filter { $0.state == .open || $0.state == .dueSoon }
    }
}
