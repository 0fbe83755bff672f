import Courses
import Foundation
import Testing

@Suite("Course completion and due dates")
struct CompletionTests {
    static let day: TimeInterval = 86_400
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let activities = [
        CourseActivity(id: "video", required: true, weight: 0, dueAt: t0.addingTimeInterval(-2 * day)),
        CourseActivity(id: "quiz", required: true, weight: 40, dueAt: t0.addingTimeInterval(1 * day)),
        CourseActivity(id: "assignment", required: true, weight: 60, dueAt: t0.addingTimeInterval(10 * day)),
        CourseActivity(id: "extra", required: false, weight: 0),
    ]

    @Test func allRequiredDone() {
        let partial = ["video": ActivityRecord(doneAt: Self.t0), "quiz": ActivityRecord(doneAt: Self.t0, grade: 0.9)]
        let status = CompletionRule.allRequiredDone.evaluate(activities: Self.activities, records: partial)
        #expect(!status.complete && status.missingRequired == ["assignment"])
        #expect(status.weightedGrade == 0.36)
        var all = partial
        all["assignment"] = ActivityRecord(doneAt: Self.t0, grade: 0.5)
        #expect(CompletionRule.allRequiredDone.evaluate(activities: Self.activities, records: all).complete)
    }

    @Test func passMarkOnTheWeightedGrade() {
        let records = ["quiz": ActivityRecord(doneAt: Self.t0, grade: 1), "assignment": ActivityRecord(doneAt: Self.t0, grade: 0.4)]
        // 0.4 × 1 + 0.6 × 0.4 = 0.64
        let status = CompletionRule.passMark(0.6).evaluate(activities: Self.activities, records: records)
        #expect(status.weightedGrade == 0.64 && status.passMarkMet == true && status.complete)
        #expect(!CompletionRule.passMark(0.65).evaluate(activities: Self.activities, records: records).complete)
        // Both: the video is still missing.
        let both = CompletionRule.allRequiredDoneAndPassMark(0.6).evaluate(activities: Self.activities, records: records)
        #expect(!both.complete && both.missingRequired == ["video"] && both.passMarkMet == true)
    }

    @Test func noWeightsMeansNoGrade() {
        let status = CompletionRule.passMark(0.5).evaluate(activities: [CourseActivity(id: "a")], records: ["a": ActivityRecord(doneAt: Self.t0)])
        #expect(status.weightedGrade == nil && !status.complete)
    }

    @Test func dueDates() {
        let records = ["assignment": ActivityRecord(doneAt: Self.t0.addingTimeInterval(11 * Self.day))]
        let items = DueDates.items(activities: Self.activities, records: records, now: Self.t0)
        #expect(items.map(\.activityID) == ["video", "quiz", "extra", "assignment"])
        #expect(items.map(\.state) == [.missing, .dueSoon, .open, .late])
        #expect(DueDates.due(activities: Self.activities, records: records, now: Self.t0).map(\.activityID) == ["quiz", "extra"])
        let onTime = DueDates.items(activities: Self.activities, records: ["video": ActivityRecord(doneAt: Self.t0.addingTimeInterval(-3 * Self.day))], now: Self.t0)
        #expect(onTime.first { $0.activityID == "video" }?.state == .done)
        #expect(onTime.first { $0.activityID == "assignment" }?.state == .open)
    }
}
