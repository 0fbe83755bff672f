@testable import App
import Foundation
import Registry
import Testing
import Vapor
import VaporTesting

/// Each demo role's home and menu on the demo city: every link in the menu and on the home
/// answers 200 for that role, and errors keep the frame and the menu in one language.
@Suite("Role homes and menus on the demo city")
struct RoleHomeTests {
    /// Follows redirects (303 from /credit-bank, /supervision …) up to a few hops; the final status.
    static func finalStatus(_ app: Application, _ path: String, token: String, headers extra: HTTPHeaders = [:]) async throws -> (status: UInt, body: String, path: String) {
        var current = path
        for _ in 0..<4 {
            var status: UInt = 0
            var body = ""
            var location: String?
            var headers = HTTPHeaders.bearer(token)
            for (name, value) in extra { headers.add(name: name, value: value) }
            try await app.testing().test(.GET, current, headers: headers) { res in
                status = res.status.code
                body = bodyString(res)
                location = res.headers.first(name: .location)
            }
            guard (300..<400).contains(status), let location else { return (status, body, current) }
            current = location
        }
        return (0, "too many redirects", current)
    }

    /// The `href`s inside an element with `id="<id>"`… up to its closing tag `</close>`.
    static func links(in html: String, from start: String, to end: String) -> [String] {
        guard let open = html.range(of: start), let close = html.range(of: end, range: open.upperBound..<html.endIndex) else { return [] }
        let part = html[open.upperBound..<close.lowerBound]
        return part.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    @Test func everyRolesMenuAndHomeLinksOpen() async throws {
        try await withZhijiaoApp { app in
            let world = try await MatrixWorld.load(app)
            #expect(world.accounts.count == Role.allCases.count)
            var failures: [String] = []
            for account in world.accounts {
                let home = try await Self.finalStatus(app, "/", token: account.token)
                #expect(home.status == 200, "\(account.role) home → \(home.status) \(home.body.prefix(200))")
                let menu = Self.links(in: home.body, from: "<nav id=\"menu\"", to: "</nav>")
                let expected = NavigationLink.menu(for: account.scope).map(\.path)
                #expect(Set(menu) == Set(expected), "\(account.role): the page's menu is the policy's (\(menu))")
                let figures = Self.links(in: home.body, from: "<div id=\"home\"", to: "</main>")
                #expect(!figures.isEmpty, "\(account.role): the home shows figures")
                for path in Set(menu + figures) {
                    let answer = try await Self.finalStatus(app, path, token: account.token)
                    if answer.status != 200 { failures.append("\(account.role.rawValue) \(path) → \(answer.status) at \(answer.path)") }
                }
            }
            #expect(failures.isEmpty, "links that do not open: \(failures)")
        }
    }

    @Test func homesShowTheRolesOwnFigures() async throws {
        try await withZhijiaoApp { app in
            let world = try await MatrixWorld.load(app)
            func home(_ role: Role) async throws -> String {
                guard let account = world.accounts.first(where: { $0.role == role }) else { return "" }
                return try await Self.finalStatus(app, "/", token: account.token).body
            }
            let city = try await home(.cityAdmin)
            #expect(city.contains("存在风险的目标") && city.contains("逾期任务") && city.contains("最新实习分配轮次") && city.contains("缺口："))
            let enterprise = try await home(.enterprise)
            // The demo enterprise is below designated size: its quota figure says none applies.
            #expect(enterprise.contains("href=\"/internships/quotas\"") && (enterprise.contains("应提供实习岗位") || enterprise.contains("不适用")))
            #expect(enterprise.contains("申请本企业岗位的学生") && enterprise.contains("/registry/cooperation-agreements"))
            #expect(!enterprise.contains("存在风险的目标"), "an enterprise has no dashboard figures")
            let learner = try await home(.learner)
            #expect(learner.contains("我的实习志愿") && learner.contains("本轮我的实习安排"))
            let reviewer = try await home(.creditReviewer)
            #expect(reviewer.contains("待审核学习成果") && reviewer.contains("/credit-bank/reviews"))
            let unit = try await home(.responsibleUnit)
            #expect(unit.contains("牵头或参与的任务"))
            let district = try await home(.districtAdmin)
            #expect(district.contains("/supervision/schools/"), "a district's home lists its schools' dashboards")
            // The figure is the service's own number: the reviewers' queue as the API lists it.
            if let reviewerAccount = world.accounts.first(where: { $0.role == .creditReviewer }) {
                var waiting = -1
                try await app.testing().test(.GET, "api/v1/credit-bank/reviews", headers: .bearer(reviewerAccount.token)) { res in
                    let items = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(buffer: res.body))
                    waiting = items.filter { $0["status"]?.stringValue == "needs_review" }.count
                }
                #expect(waiting > 0, "the demo city has outcomes waiting")
                #expect(reviewer.contains("<span class=\"value\">\(waiting)</span><span class=\"label\">待审核学习成果"))
            }
        }
    }

    @Test func errorsKeepTheFrameTheMenuAndOneLanguage() async throws {
        try await withZhijiaoApp { app in
            let world = try await MatrixWorld.load(app)
            guard let learner = world.accounts.first(where: { $0.role == .learner }) else { Issue.record("no learner"); return }
            // A learner opening the work list: refused, inside the frame with the learner's menu.
            let refused = try await Self.finalStatus(app, "/work-tasks", token: learner.token)
            #expect(refused.status == 403)
            #expect(refused.body.contains("<nav id=\"menu\""), "the 403 page keeps the menu")
            #expect(Set(Self.links(in: refused.body, from: "<nav id=\"menu\"", to: "</nav>")) == Set(NavigationLink.menu(for: learner.scope).map(\.path)))
            #expect(refused.body.contains("无权访问") && !refused.body.contains("Forbidden") && !refused.body.contains("outside your scope"))
            let missing = try await Self.finalStatus(app, "/no-such-page", token: learner.token)
            #expect(missing.status == 404)
            #expect(missing.body.contains("<nav id=\"menu\"") && missing.body.contains("未找到") && !missing.body.contains("Not found"))
            // In English, English only.
            var english = HTTPHeaders()
            english.add(name: .cookie, value: "lang=en")
            let refusedEn = try await Self.finalStatus(app, "/work-tasks", token: learner.token, headers: english)
            #expect(refusedEn.status == 403 && refusedEn.body.contains("Not allowed") && !refusedEn.body.contains("无权"))
            #expect(refusedEn.body.contains("lang=\"en\""))
        }
    }
}
