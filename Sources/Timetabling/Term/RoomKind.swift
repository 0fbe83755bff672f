/// 场地类型: what a room is for. A section asks for one kind; only rooms of that kind can hold it.
public enum RoomKind: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 普通教室
    case classroom
    /// 实训室 of a given kind (e.g. "CNC", "电工"): a workshop only its kind of course can use.
    case workshop(String)
    /// 线上: held online; needs no physical room and never clashes on one.
    case online

    public var description: String {
        switch self {
        case .classroom: "教室 classroom"
        case .workshop(let kind): "实训室(\(kind)) workshop \(kind)"
        case .online: "线上 online"
        }
    }
}
