/// 课时网格: the week's teaching periods, `days` × `periodsPerDay`. A period is numbered
/// `day * periodsPerDay + slot`, the numbering ITC 2007 uses too.
public struct PeriodGrid: Hashable, Sendable, Codable {
    public var days: Int
    public var periodsPerDay: Int

    public init(days: Int, periodsPerDay: Int) {
        self.days = days
        self.periodsPerDay = periodsPerDay
    }

    public var periodCount: Int { days * periodsPerDay }

    public func period(day: Int, slot: Int) -> Int { day * periodsPerDay + slot }
    public func day(of period: Int) -> Int { period / periodsPerDay }
    public func slot(of period: Int) -> Int { period % periodsPerDay }
}
