import Indicators
import Registry
import SQLKit
import Vapor

/// The readings every role's home is built from, each through the service the linked page uses.
struct HomeData {
    let req: Request
    let scope: CallerScope

    /// Picks the text for the page's language (for values such as a round's status).
    func t(_ zh: String, _ en: String) -> String { Language(req).t(zh, en) }

    var sql: any SQLDatabase {
        get throws {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            return sql
        }
    }

    /// A registry list's total as the caller's list page counts it.
    func registryCount<R: RegistryResource>(_: R.Type, equals: [String: String] = [:]) async throws -> Int {
        var query = RegistryReader<R>.Query(page: 1, per: 1)
        query.equals = equals
        return try await RegistryReader<R>(sql: try sql, caller: scope).list(query).total
    }

    /// A registry list's count as a figure linking to its page.
    func registryFigure<R: RegistryResource>(_ type: R.Type) async throws -> HomeFigure {
        HomeFigure(zh: R.titleZh, en: R.titleEn, value: String(try await registryCount(type)), path: "/registry/\(R.path)")
    }

    /// The supervision dashboard's statuses for `scope` (the dashboard the link opens).
    func indicatorFigures(_ dashboardScope: SupervisionScope, path: String) async throws -> [HomeFigure] {
        let dashboard = try await SupervisionAPIController.dashboard(req, scope: dashboardScope, period: nil)
        let counts = dashboard.counts
        let atRisk = counts[.atRisk] ?? 0, notMet = counts[.notMet] ?? 0, met = counts[.met] ?? 0
        return [
            HomeFigure(zh: "存在风险的目标", en: "Targets at risk", value: String(atRisk), path: path,
                       detailZh: dashboard.scopeName, detailEn: dashboard.scopeName, attention: atRisk > 0),
            HomeFigure(zh: "未达标的目标", en: "Targets not met", value: String(notMet), path: path, attention: notMet > 0),
            HomeFigure(zh: "已达标的目标", en: "Targets met", value: "\(met) / \(dashboard.evaluations.count)", path: path),
        ]
    }

    /// The newest internship round the caller may see, and its placements within the caller's scope.
    func roundFigures() async throws -> [HomeFigure] {
        guard let filter = AccessPolicy.internshipPlacementFilter(caller: scope) else { return [] }
        let rounds = try await InternshipRoundAPIController.list(req: req).items
        guard let round = rounds.first else {
            return [HomeFigure(zh: "实习分配", en: "Internship allocation", value: t("暂无轮次", "No round yet"), path: "/internships/rounds")]
        }
        let status = round.status == "published" ? t("已发布", "Published") : t("草稿", "Draft")
        var placed = try sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("internship_placements")
            .where("round_id", .equal, round.id).where("post_id", .isNot, SQLLiteral.null)
        switch filter {
        case .all: break
        case .none: placed = placed.where(SQLLiteral.boolean(false))
        case .district(let code): placed = placed.where("district_code", .equal, code)
        case .institution(let id): placed = placed.where("institution_id", .equal, id)
        case .enterprise(let id): placed = placed.where("enterprise_id", .equal, id)
        case .record(let id): placed = placed.where("student_id", .equal, id)
        }
        let count = try await placed.first()?.decode(column: "n", as: Int.self) ?? 0
        let path = "/internships/rounds/\(round.id.uuidString)"
        return [
            HomeFigure(zh: "最新实习分配轮次", en: "Latest allocation round", value: status, path: path, detailZh: round.name, detailEn: round.name),
            HomeFigure(zh: scope.role == .learner ? "本轮我的实习安排" : "本轮已安排实习", en: scope.role == .learner ? "My placement this round" : "Placed this round",
                       value: scope.role == .learner ? (count > 0 ? t("已安排", "Placed") : t("未安排", "Not placed")) : String(count), path: path),
        ]
    }
}

