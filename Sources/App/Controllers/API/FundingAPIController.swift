import Exact
import Foundation
import Indicators
import Registry
import SQLKit
import Vapor

/// `/api/v1/funding/…`: the policy's money rules as calculators (amounts in fen), and the
/// ¥10 bn plan against the spending on record.
enum FundingAPIController {
    static func validation(_ error: FundingError) -> AppError {
        AppError.validation([FieldError(field: error.field, zh: error.messageZh, en: error.messageEn)])
    }

    struct CreditYear: Content {
        var investmentFen: Int
        var educationSurchargeDueFen: Int
        var localEducationSurchargeDueFen: Int
    }

    struct CreditRequest: Content {
        var years: [CreditYear]
    }

    /// `POST /funding/investment-credit`: 30 % of each year's investment against that year's
    /// 教育费附加 and 地方教育附加, unused credit carried forward.
    @Sendable static func investmentCredit(req: Request) async throws -> [InvestmentCredit] {
        _ = try req.requireCaller()
        try req.checkDocumentedBody()
        let body = try req.content.decode(CreditRequest.self)
        guard (1...50).contains(body.years.count) else {
            throw AppError.validation([FieldError(field: "years", zh: "应给出1至50个年度", en: "must hold 1 to 50 years")])
        }
        do {
            return try InvestmentCredit.schedule(body.years.map { ($0.investmentFen, $0.educationSurchargeDueFen, $0.localEducationSurchargeDueFen) })
        } catch { throw validation(error) }
    }

    struct GrantRequest: Content {
        var places: Int
        var ratePerPlaceFen: Int?
    }

    @Sendable static func trainingBaseGrant(req: Request) async throws -> TrainingBaseGrant {
        _ = try req.requireCaller()
        try req.checkDocumentedBody()
        let body = try req.content.decode(GrantRequest.self)
        do { return try TrainingBaseGrant.compute(places: body.places, ratePerPlace: body.ratePerPlaceFen ?? TrainingBaseGrant.minimumPerPlace) }
        catch { throw validation(error) }
    }

    struct TrainingIncomeRequest: Content {
        var incomeFen: Int
        var directCostsFen: Int
    }

    @Sendable static func socialTrainingPay(req: Request) async throws -> SocialTrainingPerformancePay {
        _ = try req.requireCaller()
        try req.checkDocumentedBody()
        let body = try req.content.decode(TrainingIncomeRequest.self)
        do { return try SocialTrainingPerformancePay.compute(income: body.incomeFen, directCosts: body.directCostsFen) }
        catch { throw validation(error) }
    }

    struct PlanYear: Content {
        var year: Int
        var spentFen: Int
        var cumulativeFen: Int
    }

    struct PlanBody: Content {
        var plannedFen: Int
        var planYear: Int
        var cumulativeFen: Int
        var byPlanYearFen: Int
        var metByPlanYear: Bool
        var share: Quantity
        var remainingFen: Int
        var years: [PlanYear]
    }

    /// `GET /funding/investment-plan`: the spending the caller may see, year by year.
    @Sendable static func investmentPlan(req: Request) async throws -> PlanBody {
        let caller = try req.requireCaller()
        let filter = AccessPolicy.readFilter(.spending, for: caller.scope)
        guard filter != .none, let sql = req.db as? any SQLDatabase else { throw AppError.forbidden }
        var spending: [(year: Int, fen: Int)] = []
        for row in try await sql.select().columns("spent_on", "amount_fen").from("spendings").where(ScopeSQL.predicate(filter)).all() {
            let date = try row.decode(column: "spent_on", as: String.self)
            spending.append((Int(date.prefix(4)) ?? 0, try row.decode(column: "amount_fen", as: Int.self)))
        }
        let progress: InvestmentPlanProgress
        do { progress = try InvestmentPlanProgress.compute(spending: spending) } catch { throw validation(error) }
        return PlanBody(plannedFen: progress.planned, planYear: InvestmentPlanProgress.planYear, cumulativeFen: progress.cumulative,
                        byPlanYearFen: progress.byPlanYear, metByPlanYear: progress.metByPlanYear, share: Quantity(progress.share),
                        remainingFen: progress.remaining, years: progress.years.map { PlanYear(year: $0.year, spentFen: $0.spent, cumulativeFen: $0.cumulative) })
    }
}

extension InvestmentCredit: Content {}
extension TrainingBaseGrant: Content {}
extension SocialTrainingPerformancePay: Content {}
