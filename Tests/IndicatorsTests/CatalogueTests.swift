import Exact
import Testing
@testable import Indicators

@Suite struct CatalogueTests {
    @Test func theCatalogueHoldsEveryTargetTheIssueNames() throws {
        let catalogue = try IndicatorCatalogue.bundled()
        let ids = Set(catalogue.indicators.map(\.id))
        for id in ["teachers-dual-qualified", "teachers-enterprise-part-time", "teachers-senior-title", "internship-quota", "smart-campus-5g",
                   "national-quality-secondary-schools", "first-class-program-clusters", "model-industry-colleges", "master-teacher-studios",
                   "ideology-new-teachers", "career-experience-centres", "teaching-innovation-teams", "teacher-training-bases",
                   "enterprise-practice-bases", "cluster-leaders", "master-craftsmen", "applied-research-leaders", "innovation-centres",
                   "service-platforms", "think-tanks", "production-training-centres", "apprenticeship-centres", "integration-enterprises",
                   "vocational-education-groups", "overseas-training-centres", "cumulative-investment"] {
            #expect(ids.contains(id), "missing \(id)")
        }
        for indicator in catalogue.indicators {
            #expect(!indicator.quote.isEmpty && indicator.clause.hasPrefix("（"))
        }
        #expect(catalogue["teachers-senior-title"]?.target == .atLeastShare(Fraction(3, 5)))
        #expect(catalogue["enterprise-practice-bases"]?.target == .atLeast(100))
    }

    @Test func aBadCatalogueIsRefused() throws {
        let base = try #require(try IndicatorCatalogue.bundled()["master-teacher-studios"])
        #expect(throws: CatalogueError.duplicateID(base.id)) { try IndicatorCatalogue(indicators: [base, base]) }
        var percentCount = base
        percentCount.unit = .percent
        #expect(throws: CatalogueError.unitMismatch(base.id)) { try IndicatorCatalogue(indicators: [percentCount]) }
        var yearlyShare = try #require(try IndicatorCatalogue.bundled()["teachers-dual-qualified"])
        yearlyShare.cadence = .yearly
        #expect(throws: CatalogueError.yearlyNeedsDatedEntries(yearlyShare.id)) { try IndicatorCatalogue(indicators: [yearlyShare]) }
    }

    @Test func periodsParseAndOrder() throws {
        let p = try #require(ReportingPeriod("2026q3"))
        #expect(p.description == "2026Q3" && p.lastDay == "2026-09-30")
        #expect(p.advanced(by: 2).description == "2027Q1")
        #expect(ReportingPeriod("2026Q5") == nil && ReportingPeriod("26Q1") == nil && ReportingPeriod("2026") == nil)
        #expect(ReportingPeriod(year: 2026, month: 11)?.description == "2026Q4")
    }
}
