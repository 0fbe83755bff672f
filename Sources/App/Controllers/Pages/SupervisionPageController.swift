import Indicators
import Registry
import SQLKit
import Vapor

/// `/supervision…` pages: dashboards for the city, a district and a school, the rows behind
/// an indicator, two periods compared, and recording a snapshot.
enum SupervisionPageController {
    static func dashboardPage(_ req: Request, scope: SupervisionScope) async throws -> Response {
        let caller = try req.requireCaller()
        let sql = try SupervisionAPIController.sql(req)
        let dashboard = try await SupervisionAPIController.dashboard(req, scope: scope, period: try SupervisionAPIController.period(req))
        let districts: [(code: String, name: String)] = scope.level == .city && AccessPolicy.canCompareDistricts(caller: caller.scope)
            ? req.services.catalog.divisions.districts.values.sorted { $0.code < $1.code }.map { ($0.code, $0.name) }
            : []
        let schools = scope.level == .district ? try await SupervisionAccess.schools(inDistrict: scope.code, sql: sql) : []
        let l = Language(req)
        let layout = PageLayout(title: l.t("督导监测 · \(dashboard.scopeName)", "Supervision · \(dashboard.scopeName)"), language: l, caller: caller)
        var page = SupervisionDashboardPage(
            layout: layout, dashboard: dashboard, periods: try await IndicatorSnapshots.periods(on: sql), current: SupervisionDashboard.currentPeriod(),
            districts: districts, canDrillDown: try await SupervisionAccess.canDrillDown(scope, caller: caller.scope, sql: sql),
            canSnapshot: AccessPolicy.canTakeSupervisionSnapshot(caller: caller.scope) && scope.level == .city
        )
        page.schools = schools
        page.status = req.query[String.self, at: "status"].flatMap(IndicatorStatus.init(rawValue:))
        page.worstFirst = req.query[String.self, at: "order"] == "worst"
        return .html(page.render())
    }

    @Sendable static func city(req: Request) async throws -> Response {
        // A school administrator lands on the school's own dashboard, a district's on the district's.
        let caller = try req.requireCaller().scope
        switch AccessPolicy.supervisionHome(caller: caller) {
        case .city: break
        case .district(let district): return req.redirect(to: "/supervision/districts/\(district)")
        case .school(let id):
            if let sql = req.db as? any SQLDatabase,
               let code = try await sql.select().column("code").from("institutions").where("id", .equal, id).first()?.decode(column: "code", as: String.self) {
                return req.redirect(to: "/supervision/schools/\(code)")
            }
        }
        return try await dashboardPage(req, scope: .city)
    }

    @Sendable static func district(req: Request) async throws -> Response {
        // A role without dashboards is refused before the district is looked up, so a district
        // that exists and one that does not answer alike.
        guard AccessPolicy.mayReadSupervision(caller: try req.requireCaller().scope) else { throw AppError.forbidden }
        let code = req.parameters.get("code") ?? ""
        guard req.services.catalog.divisions.districts[code] != nil else { throw AppError.notFound }
        return try await dashboardPage(req, scope: SupervisionScope(level: .district, code: code))
    }

    @Sendable static func school(req: Request) async throws -> Response {
        try await dashboardPage(req, scope: SupervisionScope(level: .school, code: req.parameters.get("code") ?? ""))
    }

    @Sendable static func rows(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let scope = try SupervisionAPIController.scope(req)
        let drill = try await SupervisionAPIController.drillDown(req, indicatorID: req.parameters.get("id") ?? "", scope: scope,
                                                                 period: try SupervisionAPIController.period(req))
        let name: String = switch scope.level {
        case .city: req.services.catalog.divisions.cityName
        case .district: req.services.catalog.divisions.districts[scope.code]?.name ?? scope.code
        case .school: try await SupervisionAccess.school(scope, sql: try SupervisionAPIController.sql(req)).name ?? scope.code
        }
        let l = Language(req)
        let layout = PageLayout(title: l.t("\(drill.indicator.nameZh) · 明细", "\(drill.indicator.nameEn) · rows"), language: l, caller: caller)
        let page = IndicatorRowsPage(layout: layout, drill: drill, scopeName: name, onlyShort: req.query[String.self, at: "short"] == "1",
                                     districtNames: req.services.catalog.divisions.districts.mapValues(\.name))
        return .html(page.render())
    }

    @Sendable static func compare(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let comparison = try await SupervisionAPIController.compare(req: req)
        let l = Language(req)
        let layout = PageLayout(title: l.t("督导指标 · 两期比较", "Supervision · two periods"), language: l, caller: caller)
        return .html(ComparisonPage(layout: layout, comparison: comparison).render())
    }

    @Sendable static func snapshot(req: Request) async throws -> Response {
        _ = try await SupervisionAPIController.takeSnapshot(req: req)
        return req.redirect(to: "/supervision")
    }
}
