import Foundation
import Registry
import Spreadsheet
import SupplyDemand
import SQLKit
import Vapor

extension MarketAPIController {
    struct MarketBody: Content {
        var occupationGroups: [String]
        var demand: Int
        var supply: Quantity
        var gap: Quantity
        var ratio: Quantity?
        var previousRatio: Quantity?
    }

    struct DecisionBody: Content {
        var catalogCode: String
        var programName: String
        var signal: String
        var signalZh: String
        var reasonZh: String
        var reasonEn: String
        var market: MarketBody

        init(_ d: SignalDecision, market snapshot: MarketSnapshot) {
            catalogCode = d.market.catalogCode
            programName = snapshot.programName(d.market.catalogCode)
            signal = d.signal.rawValue
            signalZh = d.signal.labelZh
            reasonZh = d.reasonZh
            reasonEn = d.reasonEn
            market = MarketBody(
                occupationGroups: d.market.occupationGroups, demand: d.market.demand, supply: Quantity(d.market.supply),
                gap: Quantity(d.market.gap), ratio: d.market.ratio.map(Quantity.init), previousRatio: d.market.previousRatio.map(Quantity.init)
            )
        }
    }

    struct ProgramSignalBody: Content {
        var institutionCode: String
        var year: Int
        var enrolled: Int
        var graduated: Int
        var shareOfSupply: Quantity?
        var decision: DecisionBody
    }

    struct PolicyBody: Content {
        var expandRatio: Quantity
        var shrinkRatio: Quantity
        var minimumGap: Int
    }

    struct SignalResponse: Content {
        var year: Int?
        var policy: PolicyBody
        /// One decision per catalogue code with graduates that year, city-wide.
        var city: [DecisionBody]
        /// One per program of the institutions in the caller's scope.
        var programs: [ProgramSignalBody]
    }

    struct Signals: Sendable {
        var year: Int?
        var city: [SignalDecision]
        var programs: [ProgramSignal]
    }

    static func signals(_ market: MarketSnapshot, year asked: Int?, institutions: Set<String>?) -> Signals {
        let signals = market.signals
        guard let year = asked ?? signals.table.latestYear else { return Signals(year: nil, city: [], programs: []) }
        let inScope = market.supply.filter { institutions?.contains($0.institutionCode) ?? true }
        return Signals(year: year, city: signals.citySignals(for: market.supply, year: year), programs: signals.signals(for: inScope, year: year))
    }

    /// `GET /market/signals?year=&institution=&format=json|csv|xlsx`
    @Sendable static func programSignals(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let year = try year(req)
        let format = try DownloadFormat.read(req)
        let institutions = try await scopedInstitutions(req, sql: sql, caller: caller.scope)
        let market = try await MarketSnapshot.load(sql, catalog: req.services.catalog)
        let result = signals(market, year: year, institutions: institutions)
        if format != "json" {
            try await req.audit(req.auditEntry(action: "export", entity: "market-signals", detail: "\(result.programs.count) program signals as \(format)"))
            return try TableDownload.response(signalTable(result, market: market), format: format, fileStem: "program-signals", sheetName: "专业调整信号")
        }
        let policy = market.policy
        let body = SignalResponse(
            year: result.year,
            policy: PolicyBody(expandRatio: Quantity(policy.expandRatio), shrinkRatio: Quantity(policy.shrinkRatio), minimumGap: policy.minimumGap),
            city: result.city.map { DecisionBody($0, market: market) },
            programs: result.programs.map {
                ProgramSignalBody(institutionCode: $0.institutionCode, year: $0.year, enrolled: $0.enrolled, graduated: $0.graduated,
                                  shareOfSupply: $0.shareOfSupply.map(Quantity.init), decision: DecisionBody($0.decision, market: market))
            }
        )
        return try await body.encodeResponse(for: req)
    }

    /// The institutions whose signals the caller may see, narrowed by `?institution=`.
    static func scopedInstitutions(_ req: Request, sql: any SQLDatabase, caller: CallerScope) async throws -> Set<String> {
        let allowed = try await MarketScope.institutionCodes(sql, caller: caller)
        if let asked = req.query[String.self, at: "institution"], !asked.isEmpty {
            try await MarketScope.require(asked, sql, caller: caller)
            return [asked]
        }
        if let allowed { return allowed }
        return Set(try await sql.select().column("code").from("institutions").all().map { try $0.decode(column: "code", as: String.self) })
    }

    /// Every program signal in scope, then the city-wide decisions, as one sheet.
    static func signalTable(_ s: Signals, market: MarketSnapshot) -> Table {
        let header = ["范围", "机构代码", "专业代码", "专业名称", "年度", "招生人数", "毕业人数", "对应职业小类", "需求人数", "毕业生（分摊）", "需求/供给", "上年需求/供给", "信号", "依据", "Reason"]
        func cells(_ scope: String, _ institution: String, _ enrolled: String, _ graduated: String, _ d: SignalDecision) -> [String] {
            [scope, institution, d.market.catalogCode, market.programName(d.market.catalogCode), String(d.market.year), enrolled, graduated,
             d.market.occupationGroups.joined(separator: ";"), String(d.market.demand), d.market.supply.decimal(places: 2),
             d.market.ratio?.decimal(places: 2) ?? "", d.market.previousRatio?.decimal(places: 2) ?? "", d.signal.labelZh, d.reasonZh, d.reasonEn]
        }
        let rows = s.programs.map { cells("学校", $0.institutionCode, String($0.enrolled), String($0.graduated), $0.decision) }
            + s.city.map { cells("全市", "", "", "", $0) }
        return Table(header: header, rows: rows)
    }

    struct OpeningBody: Content {
        var occupationGroup: String
        var occupationName: String
        var demand: Int
        var supply: Quantity
        var programs: [String]
    }

    struct SuggestionBody: Content {
        var catalogCode: String
        var programName: String
        var occupationGroup: String
        var demand: Int
        var supply: Quantity
        var reasonZh: String
        var reasonEn: String
    }

    struct OpeningResponse: Content {
        var year: Int?
        /// Occupation groups with demand and no graduates anywhere in the city.
        var city: [OpeningBody]
        var institutionCode: String?
        /// Programs the institution could open (a class it already teaches, a group short of graduates).
        var suggestions: [SuggestionBody]
    }

    /// `GET /market/openings?year=&institution=`
    @Sendable static func openings(req: Request) async throws -> OpeningResponse {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let asked = try year(req)
        let market = try await MarketSnapshot.load(sql, catalog: req.services.catalog)
        let signals = market.signals
        guard let year = asked ?? signals.table.latestYear else { return OpeningResponse(year: nil, city: [], institutionCode: nil, suggestions: []) }
        let city = signals.cityOpenings(in: year).map {
            OpeningBody(occupationGroup: $0.row.key, occupationName: market.label($0.row.key, .occupation), demand: $0.row.demand, supply: Quantity($0.row.supply), programs: $0.programs)
        }
        var institution = req.query[String.self, at: "institution"].flatMap { $0.isEmpty ? nil : $0 }
        let allowed = try await MarketScope.institutionCodes(sql, caller: caller.scope)
        if institution == nil, let allowed, allowed.count == 1 { institution = allowed.first }
        guard let institution else { return OpeningResponse(year: year, city: city, institutionCode: nil, suggestions: []) }
        try await MarketScope.require(institution, sql, caller: caller.scope)
        let running = Set(try await sql.select().column("catalog_code").from("programs").where("institution_code", .equal, institution).all()
            .map { try $0.decode(column: "catalog_code", as: String.self) })
        let suggestions = signals.openings(forInstitutionRunning: running, year: year).map {
            SuggestionBody(catalogCode: $0.catalogCode, programName: market.programName($0.catalogCode), occupationGroup: $0.occupationGroup,
                           demand: $0.demand, supply: Quantity($0.supply), reasonZh: $0.reasonZh, reasonEn: $0.reasonEn)
        }
        return OpeningResponse(year: year, city: city, institutionCode: institution, suggestions: suggestions)
    }
}
