/// 无法排课的原因: a hard constraint that stops a lecture from taking a period.
public enum Obstacle: Hashable, Sendable, CustomStringConvertible {
    /// 教师或课程不可用: the teacher (or the course) is unavailable in that period.
    case unavailable
    /// 教师冲突: the teacher already teaches then.
    case teacherBusy(String)
    /// 班级冲突: a class (行政班 / curriculum) that attends it already has a lecture then.
    case classClash(String)
    /// 同一课程: another lecture of the same unit is already in that period.
    case sameUnit
    /// 教室已满: every room it may use is taken in that period.
    case roomsTaken
    /// 无合适场地: no room of the kind and capacity it needs exists at all.
    case noRoom(String)

    public var description: String {
        switch self {
        case .unavailable: "教师或课程不可用 teacher/course unavailable"
        case .teacherBusy(let t): "教师\(t)已有课 teacher \(t) busy"
        case .classClash(let c): "班级\(c)冲突 class/curriculum \(c) clash"
        case .sameUnit: "同一课程已排 another lecture of the same course"
        case .roomsTaken: "合适教室均被占用 every suitable room taken"
        case .noRoom(let need): "无合适场地 no room of the kind/capacity needed (\(need))"
        }
    }
}
