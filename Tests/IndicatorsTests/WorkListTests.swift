import Testing
@testable import Indicators

@Suite struct WorkListTests {
    let list = try! WorkList.bundled()

    @Test func theThreeListsAreLoadedFromTheSeed() throws {
        #expect(list.tasks.filter { $0.list == .city }.map(\.number) == Array(1...54))
        #expect(list.tasks.filter { $0.list == .province }.count == 8)
        #expect(list.tasks.filter { $0.list == .moe }.count == 5)
        let quota = try #require(list["C25"])
        #expect(quota.content.contains("2%") && quota.lead == "市教育局" && quota.units == ["市教育局", "市人力资源社会保障局"])
        #expect(quota.indicators == ["internship-quota"])
        // Spellings of one unit are one unit; the lead stays first.
        #expect(list["C27"]?.units == ["市教育局", "市工业和信息化局", "市人力资源社会保障局"])
        #expect(list["C31"]?.units.contains("龙岗区政府") == true)
        #expect(list["C51"]?.lead == "市人力资源社会保障局")
        #expect(list["P3"]?.deadline == ReportingPeriod("2021Q4"))
        #expect(list["C14"]?.yearly == true)
        #expect(list.tasks(of: "深圳技术大学").map(\.id) == ["C10"])
    }

    @Test func standing() throws {
        let task = try #require(list["C25"])   // due 2022Q4
        #expect(TaskStanding.of(task, acceptedPercent: 100, daysSinceLastReport: 400, daysSinceListed: 900, today: "2026-11-25") == .done)
        #expect(TaskStanding.of(task, acceptedPercent: 90, daysSinceLastReport: 3, daysSinceListed: 900, today: "2026-11-25") == .overdue)
        #expect(TaskStanding.of(task, acceptedPercent: nil, daysSinceLastReport: 30, daysSinceListed: 200, today: "2022-06-01") == .inProgress)
        #expect(TaskStanding.of(task, acceptedPercent: nil, daysSinceLastReport: 90, daysSinceListed: 200, today: "2022-06-01") == .stalled)
        #expect(TaskStanding.of(task, acceptedPercent: nil, daysSinceLastReport: nil, daysSinceListed: 89, today: "2022-06-01") == .notStarted)
        #expect(TaskStanding.of(task, acceptedPercent: nil, daysSinceLastReport: nil, daysSinceListed: 90, today: "2022-06-01") == .stalled)
        // A yearly task is due at the end of each year, so it is not overdue in 2026.
        let teams = try #require(list["C14"])
        #expect(TaskStanding.of(teams, acceptedPercent: 50, daysSinceLastReport: 10, daysSinceListed: 900, today: "2026-11-25") == .inProgress)
    }
}
