import SQLKit
import Vapor

enum HomePageController {
    @Sendable static func show(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        var counts: [HomePage.Count] = []
        for item in RegistryPages.navigation(for: caller.scope) {
            counts.append(HomePage.Count(path: item.path, zh: item.zh, en: item.en, total: try await item.count(sql, caller.scope)))
        }
        let layout = PageLayout(title: Language(req).t("数据中心", "Registry"), language: Language(req), caller: caller)
        return .html(HomePage(layout: layout, counts: counts).render())
    }
}
