import Foundation
import Registry

/// 资历授予评估: evaluates learners against qualifications. The qualifications are compiled
/// once — every unit code numbered, each qualification's required and elective units as bit
/// sets — so a learner is a short list of compact units and each test a few word operations.
public struct AwardEvaluator: Sendable {
    public let qualifications: [Qualification]
    let unitIndex: [String: Int]
    let words: Int
    let compiled: [Compiled]

    struct Compiled: Sendable {
        var total: Int
        var levels: [(level: Int, tenths: Int)]
        var required: [UInt64]
        var electives: [(mask: [UInt64], pick: Int)]
        var validityYears: Int?
    }

    /// A recognised unit reduced to what award rules read.
    public struct CompactUnit: Sendable, Hashable {
        /// Index of the unit code among those the qualifications name; -1 for any other unit.
        public var unit: Int32
        public var hubLevel: Int8
        public var tenths: Int32
        /// `CivilDate.dayNumber` of the award.
        public var awardedDay: Int32

        public init(unit: Int32, hubLevel: Int8, tenths: Int32, awardedDay: Int32) {
            self.unit = unit
            self.hubLevel = hubLevel
            self.tenths = tenths
            self.awardedDay = awardedDay
        }
    }

    public init(qualifications: [Qualification]) {
        self.qualifications = qualifications
        var index: [String: Int] = [:]
        for q in qualifications {
            for code in q.requiredUnits + q.electiveGroups.flatMap(\.units) where index[code] == nil { index[code] = index.count }
        }
        unitIndex = index
        let words = max(1, (index.count + 63) / 64)
        self.words = words
        func mask(_ codes: [String]) -> [UInt64] {
            var m = [UInt64](repeating: 0, count: words)
            for code in codes { if let i = index[code] { m[i / 64] |= 1 << UInt64(i % 64) } }
            return m
        }
        compiled = qualifications.map { q in
            Compiled(total: q.totalCredits.tenths, levels: q.levelMinimums.map { ($0.level, $0.credits.tenths) }, required: mask(q.requiredUnits),
                     electives: q.electiveGroups.map { (mask($0.units), $0.pick) }, validityYears: q.validityYears)
        }
    }

    public func compact(_ unit: RecognisedUnit) -> CompactUnit {
        CompactUnit(unit: Int32(unitIndex[unit.unitCode] ?? -1), hubLevel: Int8(clamping: unit.hubLevel), tenths: Int32(clamping: unit.credits.tenths),
                    awardedDay: Int32(clamping: unit.awardedOn.dayNumber))
    }

    public func unitIndex(of code: String) -> Int? { unitIndex[code] }

    /// Each unit code once: a learner who holds a unit several times (the same certificate
    /// submitted again, two outcomes granting one unit) counts it once — the latest award of
    /// it, then the one with more credit, then the higher level. Order of first holding kept.
    public static func eachUnitOnce(_ units: [RecognisedUnit]) -> [RecognisedUnit] {
        var best: [String: RecognisedUnit] = [:]
        var order: [String] = []
        for u in units {
            guard let held = best[u.unitCode] else {
                best[u.unitCode] = u
                order.append(u.unitCode)
                continue
            }
            if (u.awardedOn, u.credits.tenths, u.hubLevel) > (held.awardedOn, held.credits.tenths, held.hubLevel) { best[u.unitCode] = u }
        }
        return order.compactMap { best[$0] }
    }

    /// The bulk path's input: each unit code once (see `eachUnitOnce`), compacted.
    public func compactOnce(_ units: [RecognisedUnit]) -> [CompactUnit] { Self.eachUnitOnce(units).map(compact) }

    /// Whether each qualification is met by `units` on `day` (bulk path: no explanations).
    /// Pass `compactOnce(_:)` of a learner's units, so each unit counts once.
    public func eligibility(_ units: [CompactUnit], on day: CivilDate) -> [Bool] { eligibility(units[...], on: day) }

    /// The same for one learner's run of a larger array (bulk evaluation without copying).
    public func eligibility(_ units: ArraySlice<CompactUnit>, on day: CivilDate) -> [Bool] {
        var held = [UInt64](repeating: 0, count: words)
        var results = [Bool](repeating: false, count: compiled.count)
        var cutoffs: [Int: Int32] = [:]
        for (q, c) in compiled.enumerated() {
            let cutoff: Int32 = c.validityYears.map { years in
                if let known = cutoffs[years] { return known }
                let value = Int32(clamping: day.minus(years: years).dayNumber)
                cutoffs[years] = value
                return value
            } ?? Int32.min
            // Credits and units that count for this qualification.
            for w in 0..<words { held[w] = 0 }
            var total = 0
            var atLevel = [Int](repeating: 0, count: 16)
            for u in units where u.awardedDay >= cutoff {
                total += Int(u.tenths)
                atLevel[Int(max(0, min(15, u.hubLevel)))] += Int(u.tenths)
                if u.unit >= 0 { held[Int(u.unit) / 64] |= 1 << UInt64(Int(u.unit) % 64) }
            }
            guard total >= c.total else { continue }
            var ok = true
            for minimum in c.levels {
                var sum = 0
                for level in max(0, minimum.level)..<16 { sum += atLevel[level] }
                if sum < minimum.tenths { ok = false; break }
            }
            guard ok else { continue }
            for w in 0..<words where c.required[w] & ~held[w] != 0 { ok = false; break }
            guard ok else { continue }
            for group in c.electives {
                var count = 0
                for w in 0..<words { count += (group.mask[w] & held[w]).nonzeroBitCount }
                if count < group.pick { ok = false; break }
            }
            results[q] = ok
        }
        return results
    }

    /// Eligible, or the exact list of what is missing, for each qualification. Each unit code
    /// counts once.
    public func evaluate(_ units: [RecognisedUnit], on day: CivilDate) -> [(qualification: Qualification, missing: [MissingRequirement])] {
        qualifications.map { q in
            let cutoff = q.validityYears.map { day.minus(years: $0) }
            let counted = Self.eachUnitOnce(units).filter { u in cutoff.map { u.awardedOn >= $0 } ?? true }
            var missing: [MissingRequirement] = []
            let total = counted.reduce(Credits.zero) { $0 + $1.credits }
            if total < q.totalCredits { missing.append(.totalCredits(have: total, need: q.totalCredits)) }
            for m in q.levelMinimums {
                let have = counted.filter { $0.hubLevel >= m.level }.reduce(Credits.zero) { $0 + $1.credits }
                if have < m.credits { missing.append(.creditsAtLevel(level: m.level, have: have, need: m.credits)) }
            }
            let codes = Set(counted.map(\.unitCode))
            for code in q.requiredUnits where !codes.contains(code) { missing.append(.unit(code)) }
            for (i, group) in q.electiveGroups.enumerated() {
                let have = Set(group.units).intersection(codes).count
                if have < group.pick { missing.append(.electives(group: i, have: have, need: group.pick, options: group.units.filter { !codes.contains($0) })) }
            }
            return (q, missing)
        }
    }
}
