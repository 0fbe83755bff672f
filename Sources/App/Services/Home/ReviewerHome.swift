import Registry
import Vapor

/// 学分银行审核员首页: the queue of outcomes no rule decided.
enum ReviewerHome {
    static func sections(_ data: HomeData) async throws -> [HomeSection] {
        let queue = try await CreditBankAPIController.reviews(req: data.req)
        let evidence = queue.filter { $0.status == "evidence_requested" }.count
        return [
            HomeSection(zh: "审核队列", en: "Review queue", figures: [
                HomeFigure(zh: "待审核学习成果", en: "Outcomes awaiting review", value: String(queue.count - evidence), path: "/credit-bank/reviews",
                           attention: queue.count - evidence > 0),
                HomeFigure(zh: "已要求补充证明", en: "Evidence requested", value: String(evidence), path: "/credit-bank/reviews"),
            ]),
        ]
    }
}
