/// 单双周: whether a meeting happens every week or only in odd or even weeks. An odd-week and an
/// even-week meeting may share a room, a teacher or a class in the same period.
public enum WeekPattern: String, Hashable, Sendable, Codable {
    case every, odd, even

    /// Bit 0 = odd weeks, bit 1 = even weeks; two patterns clash when their masks intersect.
    public var mask: UInt8 {
        switch self {
        case .every: 0b11
        case .odd: 0b01
        case .even: 0b10
        }
    }
}
