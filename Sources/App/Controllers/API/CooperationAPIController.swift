import Foundation
import Registry
import SupplyDemand
import SQLKit
import Vapor

/// Negative-list findings on school–enterprise cooperation agreements, in the caller's scope.
enum CooperationAPIController {
    struct FindingList: Content {
        var rules: Int
        var items: [NegativeListReview.Finding]
    }

    /// `GET /cooperation-violations`: agreements in scope that break a rule.
    @Sendable static func violations(req: Request) async throws -> FindingList {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let items = try await NegativeListReview.findings(sql, caller: caller.scope, onlyViolating: true)
        return FindingList(rules: try await NegativeListReview.rules(sql).count, items: items)
    }

    /// `GET /cooperation-agreements/{id}/violations`: one agreement's findings (empty when clean).
    @Sendable static func check(req: Request) async throws -> NegativeListReview.Finding {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let id = try RegistryAPIController<CooperationAgreementResource>.id(req)
        guard let finding = try await NegativeListReview.findings(sql, caller: caller.scope, id: id, onlyViolating: false).first else { throw AppError.notFound }
        return finding
    }
}

extension NegativeListReview.Finding: Content {}
extension CooperationViolation: Content {}

/// `GET /search?q=`: demand and programs whose text contains the query.
enum SearchAPIController {
    struct Results: Content {
        var query: String
        var demands: [MarketSearch.DemandHit]
        var programs: [MarketSearch.ProgramHit]
    }

    @Sendable static func search(req: Request) async throws -> Results {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !q.isEmpty, q.count <= 100 else {
            throw AppError.validation([FieldError(field: "q", zh: "请输入1至100个字符的检索词", en: "must be 1 to 100 characters")])
        }
        async let demands = MarketSearch.demand(sql, query: q, caller: caller.scope, catalog: req.services.catalog)
        async let programs = MarketSearch.programs(sql, query: q, caller: caller.scope)
        return Results(query: q, demands: try await demands, programs: try await programs)
    }
}
