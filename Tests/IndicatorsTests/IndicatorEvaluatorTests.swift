import Exact
import Testing
@testable import Indicators

@Suite struct IndicatorEvaluatorTests {
    let catalogue = try! IndicatorCatalogue.bundled()
    func q(_ text: String) -> ReportingPeriod { ReportingPeriod(text)! }

    @Test func dualQualifiedShareAtAndBelowEightyPercent() throws {
        let indicator = try #require(catalogue["teachers-dual-qualified"])
        let met = IndicatorEvaluator.evaluate(indicator, period: q("2026Q4"), current: .share(80, of: 100))
        #expect(met.status == .met && met.value == Fraction(4, 5) && met.gap == .zero)
        // 79 of 100: a standing requirement, so not met, 1/100 short.
        let short = IndicatorEvaluator.evaluate(indicator, period: q("2026Q4"), current: .share(79, of: 100))
        #expect(short.status == .notMet && short.gap == Fraction(1, 100) && short.projection == nil)
        // Exactly: 4 of 5 is 80 %, 3 of 4 is 75 %.
        #expect(IndicatorEvaluator.evaluate(indicator, period: q("2026Q4"), current: .share(4, of: 5)).status == .met)
        #expect(IndicatorEvaluator.evaluate(indicator, period: q("2026Q4"), current: .share(3, of: 4)).gap == Fraction(1, 20))
    }

    /// 50 产教融合型企业 is the city's number: a district's 12 count toward it, judged by nobody,
    /// while a share (双师型 ≥ 80 %) holds for a district as it is.
    @Test func belowTheCityACityWideCountIsShownNotJudged() throws {
        let enterprises = try #require(catalogue["integration-enterprises"])
        let district = IndicatorEvaluator.evaluate(enterprises, period: q("2026Q4"), current: .count(12), level: .district)
        #expect(district.status == .cityTarget && district.value == Fraction(12) && district.gap == nil && district.projection == nil)
        #expect(district.targetText.zh.hasPrefix("全市"))
        let city = IndicatorEvaluator.evaluate(enterprises, period: q("2026Q4"), current: .count(12), level: .city)
        #expect(city.status != .cityTarget && city.gap == Fraction(38))
        let dual = try #require(catalogue["teachers-dual-qualified"])
        #expect(IndicatorEvaluator.evaluate(dual, period: q("2026Q4"), current: .share(79, of: 100), level: .district).status == .notMet)
    }

    @Test func aShareOfNothingIsNoData() throws {
        let indicator = try #require(catalogue["teachers-dual-qualified"])
        // A school with only 公共课 teachers has no 专业课 teachers: no data, not 0 %.
        let none = IndicatorEvaluator.evaluate(indicator, period: q("2026Q4"), current: .share(0, of: 0))
        #expect(none.status == .noData && none.value == nil && none.gap == nil)
        #expect(IndicatorEvaluator.evaluate(indicator, period: q("2026Q4"), current: nil).status == .noData)
    }

    @Test func aCountBeforeItsDeadlineIsOnTrackOrAtRiskByTheTrend() throws {
        let studios = try #require(catalogue["master-teacher-studios"])   // ≥ 20 by 2022Q4
        #expect(studios.deadline == q("2022Q4"))
        // 8, 11, 14 over three quarters: +3 a quarter reaches 20 at 2022Q1, ahead of 2022Q4.
        let history: [ReportingPeriod: MeasuredValue] = [q("2021Q1"): .count(8), q("2021Q2"): .count(11)]
        let onTrack = IndicatorEvaluator.evaluate(studios, period: q("2021Q3"), current: .count(14), history: history)
        #expect(onTrack.status == .onTrack && onTrack.gap == Fraction(6))
        let projection = try #require(onTrack.projection)
        #expect(abs(projection.slopePerQuarter - 3) < 1e-9)
        #expect(abs(projection.valueAtDeadline - 29) < 1e-9)   // 14 + 3 × 5 quarters
        // Flat at 14: at risk.
        let flat = IndicatorEvaluator.evaluate(studios, period: q("2021Q3"), current: .count(14), history: [q("2021Q2"): .count(14)])
        #expect(flat.status == .atRisk)
        // One period only: no trend, at risk.
        #expect(IndicatorEvaluator.evaluate(studios, period: q("2021Q3"), current: .count(14)).status == .atRisk)
        // After the deadline: not met; reached: met.
        #expect(IndicatorEvaluator.evaluate(studios, period: q("2023Q1"), current: .count(19)).status == .notMet)
        #expect(IndicatorEvaluator.evaluate(studios, period: q("2023Q1"), current: .count(20)).status == .met)
        // Periods after the one judged are ignored.
        let later = IndicatorEvaluator.evaluate(studios, period: q("2021Q3"), current: .count(14), history: [q("2021Q4"): .count(40)])
        #expect(later.trend.count == 1)
    }

    @Test func rangeAndAboutTargets() throws {
        let schools = try #require(catalogue["national-quality-secondary-schools"])   // 6—8
        #expect(IndicatorEvaluator.evaluate(schools, period: q("2023Q1"), current: .count(5)).status == .notMet)
        #expect(IndicatorEvaluator.evaluate(schools, period: q("2023Q1"), current: .count(6)).status == .met)
        let nine = IndicatorEvaluator.evaluate(schools, period: q("2023Q1"), current: .count(9))
        #expect(nine.status == .met && nine.aboveRange)
        let centres = try #require(catalogue["career-experience-centres"])          // 约20: reached at 18
        #expect(centres.target.threshold == Fraction(18))
        #expect(IndicatorEvaluator.evaluate(centres, period: q("2023Q1"), current: .count(18)).status == .met)
        #expect(IndicatorEvaluator.evaluate(centres, period: q("2023Q1"), current: .count(17)).gap == Fraction(1))
        let apprenticeship = try #require(catalogue["apprenticeship-centres"])       // 约50: 45
        #expect(apprenticeship.target.threshold == Fraction(45))
        let overseas = try #require(catalogue["overseas-training-centres"])          // 约10: 9
        #expect(overseas.target.threshold == Fraction(9))
    }

    @Test func aYearlyTargetCountsWithinItsYearAndIsDueAtItsEnd() throws {
        let teams = try #require(catalogue["teaching-innovation-teams"])   // 20 a year
        let history: [ReportingPeriod: MeasuredValue] = [q("2025Q4"): .count(30), q("2026Q1"): .count(5), q("2026Q2"): .count(10)]
        let e = IndicatorEvaluator.evaluate(teams, period: q("2026Q3"), current: .count(15), history: history)
        #expect(e.deadline == q("2026Q4"))
        #expect(e.trend.map(\.period) == [q("2026Q1"), q("2026Q2"), q("2026Q3")])   // 2025 left out
        #expect(e.status == .onTrack)                                            // 5, 10, 15 → 20 at Q4
        #expect(IndicatorEvaluator.evaluate(teams, period: q("2026Q4"), current: .count(19), history: history).status == .atRisk)
        #expect(IndicatorEvaluator.evaluate(teams, period: q("2026Q4"), current: .count(20)).status == .met)
    }

    @Test func everySchoolAndTheTwoPercentQuota() throws {
        let campus = try #require(catalogue["smart-campus-5g"])
        #expect(IndicatorEvaluator.evaluate(campus, period: q("2023Q1"), current: .share(299, of: 300)).gap == Fraction(1, 300))
        #expect(IndicatorEvaluator.evaluate(campus, period: q("2023Q1"), current: .share(300, of: 300)).status == .met)
        let quota = try #require(catalogue["internship-quota"])
        #expect(quota.levels == [.district, .city])
        #expect(IndicatorEvaluator.evaluate(quota, period: q("2026Q4"), current: .share(7, of: 8)).status == .notMet)
    }

    @Test func investmentInFen() throws {
        let plan = try #require(catalogue["cumulative-investment"])
        #expect(plan.target.threshold == Fraction(1_000_000_000_000))
        #expect(plan.target.text(unit: .fen).zh == "≥ 100 亿元")
        let e = IndicatorEvaluator.evaluate(plan, period: q("2022Q4"), current: .count(999_999_999_999))
        #expect(e.status == .atRisk && e.gap == Fraction(1))
    }
}

@Suite struct DeadlineTests {
    let catalogue = try! IndicatorCatalogue.bundled()
    func q(_ text: String) -> ReportingPeriod { ReportingPeriod(text)! }

    @Test func afterTheDeadlineTheStatusJudgesNowAndRecordsWhetherItWasOnTime() throws {
        let studios = try #require(catalogue["master-teacher-studios"])   // ≥ 20 by 2022Q4
        let late = IndicatorEvaluator.evaluate(studios, period: q("2024Q1"), current: .count(20),
                                               history: [q("2022Q3"): .count(15), q("2022Q4"): .count(18), q("2023Q4"): .count(19)])
        #expect(late.status == .met && late.reachedByDeadline == false && late.projection == nil)
        let onTime = IndicatorEvaluator.evaluate(studios, period: q("2024Q1"), current: .count(20), history: [q("2022Q4"): .count(20)])
        #expect(onTime.reachedByDeadline == true)
        // No snapshot of the deadline quarter: the last one before it decides.
        let early = IndicatorEvaluator.evaluate(studios, period: q("2024Q1"), current: .count(20), history: [q("2022Q2"): .count(20), q("2023Q1"): .count(12)])
        #expect(early.reachedByDeadline == true)
        #expect(IndicatorEvaluator.evaluate(studios, period: q("2024Q1"), current: .count(20)).reachedByDeadline == nil)
        #expect(IndicatorEvaluator.evaluate(studios, period: q("2022Q3"), current: .count(20)).reachedByDeadline == nil)
    }
}
