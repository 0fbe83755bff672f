/// The internship places a 规模以上 enterprise must offer: 2 % of its employees (clause (九),
/// 附件3 #25), rounded up unless the city chooses otherwise. Computed in integers: no
/// floating-point drift at the boundary (50 employees → exactly 1 place).
public struct InternshipQuota: Sendable, Equatable {
    public enum Rounding: String, Sendable, CaseIterable {
        case up, nearest, down
    }

    /// Per-mille, so 2 % is 20.
    public var perMille: Int
    public var rounding: Rounding

    public init(perMille: Int = 20, rounding: Rounding = .up) {
        self.perMille = perMille
        self.rounding = rounding
    }

    /// Places required of an enterprise; zero for enterprises that are not above scale.
    public func requiredPlaces(employees: Int, aboveScale: Bool) -> Int {
        guard aboveScale, employees > 0 else { return 0 }
        let numerator = employees * perMille
        switch rounding {
        case .up: return (numerator + 999) / 1000
        case .down: return numerator / 1000
        case .nearest: return (numerator + 500) / 1000
        }
    }
}
