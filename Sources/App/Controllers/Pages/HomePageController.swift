import Vapor

/// `/`: the caller's role home (`RoleHome`).
enum HomePageController {
    @Sendable static func show(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let l = Language(req)
        let layout = PageLayout(title: l.t("首页 · \(caller.scope.role.labelZh)", "Home · \(caller.scope.role.labelEn)"), language: l, caller: caller)
        return .html(HomePage(layout: layout, sections: try await RoleHome.sections(req)).render())
    }
}
