/// The policy's work list (工作任务清单): tasks, progress reports (进展报告) and the city's review.
extension AccessPolicy {
    /// Whether `caller`'s role works with the work list at all: the city, which follows every
    /// task, and the responsible units (责任单位), which report on their own.
    public static func mayUseWorkList(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin || caller.role == .responsibleUnit
    }

    /// Whether `caller` may see a task whose responsible units are `units` (and its reports
    /// and evidence): the city every task, a responsible unit the tasks that name it.
    public static func canReadWorkTask(responsibleUnits units: [String], caller: CallerScope) -> Bool {
        switch caller.role {
        case .cityAdmin: true
        case .responsibleUnit: caller.unit.map(units.contains) ?? false
        default: false
        }
    }

    /// Whether `caller` may report progress on the task (报告进展): a unit on its own tasks;
    /// the city on any task, on behalf of one of its units.
    public static func canReportOnWorkTask(responsibleUnits units: [String], caller: CallerScope) -> Bool {
        canReadWorkTask(responsibleUnits: units, caller: caller)
    }

    /// Whether `caller` names the reporting unit itself (the city, reporting on a unit's behalf)
    /// rather than reporting as its own unit.
    public static func reportsOnBehalfOfUnits(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` may accept or return a progress report (审核进展报告): the city's review.
    public static func canReviewWorkReport(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }
}
