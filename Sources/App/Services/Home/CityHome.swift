import SupplyDemand
import Registry
import SQLKit
import Vapor

/// 市教育局首页: the state of the plan — targets at risk, overdue tasks, the allocation round,
/// the market's largest gaps and the reviewers' queue.
enum CityHome {
    static func sections(_ data: HomeData) async throws -> [HomeSection] {
        let req = data.req
        let tasks = try await WorkListAPIController.tasks(req, list: nil, standing: nil)
        let overdue = tasks.filter { $0.standing == "overdue" }.count
        let stalled = tasks.filter { $0.standing == "stalled" }.count
        let pendingReports = tasks.reduce(0) { $0 + $1.pendingReviews }
        let market = MarketAPIController.gapResponse(try await MarketAPIController.snapshot(req), dimension: .occupation, year: nil,
                                                     english: Language(req) == .en)
        let gaps = market.rows.filter { $0.gap.value > 0 }.prefix(3).map { row in
            HomeFigure(zh: "缺口：\(row.label)", en: "Shortage: \(row.label)", value: String(Int(row.gap.value.rounded())), path: "/market",
                       detailZh: "需求 \(row.demand)（\(row.year) 年）", detailEn: "demand \(row.demand) (\(row.year))", attention: true)
        }
        let queue = try await CreditBankAPIController.reviews(req: req).count
        return [
            HomeSection(zh: "规划目标", en: "The plan's targets", figures: try await data.indicatorFigures(.city, path: "/supervision")),
            HomeSection(zh: "工作任务", en: "Work list", figures: [
                HomeFigure(zh: "逾期任务", en: "Overdue tasks", value: String(overdue), path: "/work-tasks?standing=overdue", attention: overdue > 0),
                HomeFigure(zh: "停滞任务", en: "Stalled tasks", value: String(stalled), path: "/work-tasks?standing=stalled", attention: stalled > 0),
                HomeFigure(zh: "待审核进展报告", en: "Reports to review", value: String(pendingReports), path: "/work-tasks"),
            ]),
            HomeSection(zh: "实习分配", en: "Internship allocation", figures: try await data.roundFigures()),
            HomeSection(zh: "产教供需：缺口最大的职业", en: "Market: largest shortages", figures: Array(gaps)),
            HomeSection(zh: "学分银行", en: "Credit bank", figures: [
                HomeFigure(zh: "待审核学习成果", en: "Outcomes awaiting review", value: String(queue), path: "/credit-bank/reviews", attention: queue > 0),
            ]),
        ].filter { !$0.figures.isEmpty }
    }
}
