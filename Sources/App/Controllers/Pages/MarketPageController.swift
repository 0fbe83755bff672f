import SQLKit
import SupplyDemand
import Vapor

/// `/market…` pages: the city's supply and demand, one school against the market, search and
/// the negative-list check.
enum MarketPageController {
    @Sendable static func city(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let market = try await MarketSnapshot.load(sql, catalog: req.services.catalog)
        let year = try MarketAPIController.year(req) ?? market.table(.city).latestYear
        var skills: [SkillGap] = []
        if let year { skills = try await MarketAPIController.skillGaps(sql, year: year, occupation: nil, district: nil) }
        let signals = MarketAPIController.signals(market, year: year, institutions: [])
        let openings = year.map { market.signals.cityOpenings(in: $0) } ?? []
        let l = Language(req)
        let layout = PageLayout(title: l.t("产教供需", "Supply and demand"), language: l, caller: caller)
        return .html(MarketPage(layout: layout, market: market, year: year, skills: skills, signals: signals, openings: openings).render())
    }

    @Sendable static func school(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase, let code = req.parameters.get("code") else { throw Abort(.internalServerError) }
        try await MarketScope.require(code, sql, caller: caller.scope)
        guard let row = try await sql.select().column("name").from("institutions").where("code", .equal, code).first() else { throw AppError.notFound }
        let market = try await MarketSnapshot.load(sql, catalog: req.services.catalog)
        let year = try MarketAPIController.year(req) ?? market.table(.city).latestYear
        let signals = MarketAPIController.signals(market, year: year, institutions: [code])
        let running = Set(try await sql.select().column("catalog_code").from("programs").where("institution_code", .equal, code).all()
            .map { try $0.decode(column: "catalog_code", as: String.self) })
        let openings = year.map { market.signals.openings(forInstitutionRunning: running, year: $0) } ?? []
        let l = Language(req)
        let name = try row.decode(column: "name", as: String.self)
        let layout = PageLayout(title: l.t("\(name) · 专业与市场", "\(name) · programs and the market"), language: l, caller: caller)
        return .html(SchoolMarketPage(layout: layout, market: market, institutionCode: code, institutionName: name, year: year, signals: signals.programs, openings: openings).render())
    }

    @Sendable static func search(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let q = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        var demands: [MarketSearch.DemandHit] = [], programs: [MarketSearch.ProgramHit] = []
        if !q.isEmpty {
            demands = try await MarketSearch.demand(sql, query: q, caller: caller.scope, catalog: req.services.catalog)
            programs = try await MarketSearch.programs(sql, query: q, caller: caller.scope)
        }
        let l = Language(req)
        let layout = PageLayout(title: l.t("检索需求与专业", "Search demand and programs"), language: l, caller: caller)
        return .html(MarketSearchPage(layout: layout, query: q, demands: demands, programs: programs).render())
    }

    @Sendable static func cooperation(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let findings = try await NegativeListReview.findings(sql, caller: caller.scope, onlyViolating: true)
        let l = Language(req)
        let layout = PageLayout(title: l.t("校企合作负面清单检查", "Cooperation negative-list check"), language: l, caller: caller)
        return .html(CooperationFindingsPage(layout: layout, rules: try await NegativeListReview.rules(sql).count, findings: findings).render())
    }
}
