import Exact
import Testing
@testable import Indicators

@Suite struct FundingTests {
    @Test func investmentCreditIsCappedAtWhatIsDueAndCarriesForward() throws {
        // ¥2,000,000 invested: credit ¥600,000. Due: ¥300,000 教育费附加 + ¥200,000 地方教育附加.
        let year1 = try InvestmentCredit.compute(investment: 200_000_000, educationSurchargeDue: 30_000_000, localEducationSurchargeDue: 20_000_000)
        #expect(year1.earned == 60_000_000)
        #expect(year1.appliedToEducationSurcharge == 30_000_000 && year1.appliedToLocalEducationSurcharge == 20_000_000)
        #expect(year1.educationSurchargePayable == 0 && year1.localEducationSurchargePayable == 0)
        #expect(year1.carriedForward == 10_000_000)   // ¥100,000 to next year
        // Year 2: no investment, ¥80,000 + ¥50,000 due: the carried ¥100,000 covers 教育费附加 and ¥20,000 of 地方.
        let schedule = try InvestmentCredit.schedule([(200_000_000, 30_000_000, 20_000_000), (0, 8_000_000, 5_000_000)])
        #expect(schedule[1].carriedIn == 10_000_000 && schedule[1].appliedToEducationSurcharge == 8_000_000)
        #expect(schedule[1].appliedToLocalEducationSurcharge == 2_000_000 && schedule[1].localEducationSurchargePayable == 3_000_000)
        #expect(schedule[1].carriedForward == 0)
        // 30 % of 1 fen rounds down to nothing; of 10 fen is 3 fen.
        #expect(try InvestmentCredit.compute(investment: 1, educationSurchargeDue: 100, localEducationSurchargeDue: 0).earned == 0)
        #expect(try InvestmentCredit.compute(investment: 10, educationSurchargeDue: 100, localEducationSurchargeDue: 0).applied == 3)
        #expect(throws: FundingError.negative(field: "investmentFen")) {
            try InvestmentCredit.compute(investment: -1, educationSurchargeDue: 0, localEducationSurchargeDue: 0)
        }
    }

    @Test func trainingBaseGrantIsAtLeastTenThousandYuanAPlace() throws {
        let grant = try TrainingBaseGrant.compute(places: 120)
        #expect(grant.grant == 120_000_000)   // ¥1,200,000
        #expect(try TrainingBaseGrant.compute(places: 120, ratePerPlace: 1_500_000).grant == 180_000_000)
        #expect(throws: FundingError.belowMinimumRate(field: "ratePerPlaceFen", minimum: 1_000_000)) {
            try TrainingBaseGrant.compute(places: 120, ratePerPlace: 999_999)
        }
        #expect(throws: FundingError.notPositive(field: "places")) { try TrainingBaseGrant.compute(places: 0) }
        // Inputs that would overflow are refused, naming the field.
        #expect(throws: FundingError.tooLarge(field: "places", maximum: 1_000_000)) { try TrainingBaseGrant.compute(places: 180_697_620_844_542, ratePerPlace: 5_971_759) }
        #expect(throws: FundingError.tooLarge(field: "incomeFen", maximum: Money.maximum)) { try SocialTrainingPerformancePay.compute(income: Int.max, directCosts: 0) }
        #expect(throws: FundingError.tooLarge(field: "investmentFen", maximum: Money.maximum)) {
            try InvestmentCredit.compute(investment: Int.max, educationSurchargeDue: 0, localEducationSurchargeDue: 0)
        }
        #expect(FundingError.belowMinimumRate(field: "ratePerPlaceFen", minimum: 1_000_000).messageZh == "生均标准不得低于10000.00元")
    }

    @Test func sixtyPercentOfNetTrainingIncomeGoesToPerformancePay() throws {
        // ¥500,000 income, ¥180,000 direct costs: net ¥320,000, pay ¥192,000, school keeps ¥128,000.
        let pay = try SocialTrainingPerformancePay.compute(income: 50_000_000, directCosts: 18_000_000)
        #expect(pay.net == 32_000_000 && pay.performancePayOutsideCap == 19_200_000 && pay.retained == 12_800_000)
        // A loss gives nothing.
        #expect(try SocialTrainingPerformancePay.compute(income: 100, directCosts: 200).performancePayOutsideCap == 0)
        // 60 % of 1 fen rounds down; of 5 fen is 3.
        #expect(try SocialTrainingPerformancePay.compute(income: 5, directCosts: 0).performancePayOutsideCap == 3)
    }

    @Test func theTenBillionPlanAgainstRecordedSpending() throws {
        let progress = try InvestmentPlanProgress.compute(spending: [(2021, 300_000_000_000), (2021, 50_000_000_000), (2022, 400_000_000_000), (2023, 300_000_000_000)])
        #expect(progress.years.map(\.cumulative) == [350_000_000_000, 750_000_000_000, 1_050_000_000_000])
        #expect(progress.byPlanYear == 750_000_000_000 && !progress.metByPlanYear)
        #expect(progress.share == Fraction(21, 20) && progress.remaining == 0)
        #expect(Money.yuanText(progress.byPlanYear) == "7500000000.00")
        // As people read it: in the units the target is written in.
        #expect(Money.readable(progress.byPlanYear) == "75 亿元" && Money.readable(progress.byPlanYear, english: true) == "¥7.5 bn")
        #expect(Money.readable(1_234_567) == "1.23 万元" && Money.readable(1_234_567, english: true) == "¥12,345.67")
        #expect(Money.readable(123_456_789_012) == "12.35 亿元" && Money.readable(30_000) == "300.00 元" && Money.readable(-99) == "-0.99 元")
        #expect(Money.grouped("1234567.5") == "1,234,567.5" && Money.grouped("-1000") == "-1,000" && Money.grouped("999") == "999")
    }
}
