import Registry
import Vapor

/// 责任单位首页: the unit's tasks on the work list, by standing.
enum UnitHome {
    static func sections(_ data: HomeData) async throws -> [HomeSection] {
        let tasks = try await WorkListAPIController.tasks(data.req, list: nil, standing: nil)
        func count(_ standing: String) -> Int { tasks.filter { $0.standing == standing }.count }
        return [
            HomeSection(zh: "本单位任务", en: "Our tasks", figures: [
                HomeFigure(zh: "牵头或参与的任务", en: "Tasks naming us", value: String(tasks.count), path: "/work-tasks"),
                HomeFigure(zh: "逾期任务", en: "Overdue", value: String(count("overdue")), path: "/work-tasks?standing=overdue", attention: count("overdue") > 0),
                HomeFigure(zh: "停滞任务", en: "Stalled", value: String(count("stalled")), path: "/work-tasks?standing=stalled", attention: count("stalled") > 0),
                HomeFigure(zh: "尚未开始", en: "Not started", value: String(count("not_started")), path: "/work-tasks?standing=not_started"),
                HomeFigure(zh: "已完成", en: "Done", value: String(count("done")), path: "/work-tasks?standing=done"),
            ]),
            HomeSection(zh: "督导监测", en: "Supervision", figures: try await data.indicatorFigures(.city, path: "/supervision")),
        ]
    }
}
