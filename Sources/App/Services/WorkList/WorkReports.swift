import Foundation
import Indicators
import Registry
import SQLKit
import Vapor

/// Progress reports on the work list: stored, read back per task, and summed up into each
/// task's standing.
enum WorkReports {
    struct Evidence: Content {
        var id: UUID
        var fileName: String
        var contentType: String
        var sha256: String
        var size: Int
    }

    struct Report: Content {
        var id: UUID
        var taskId: String
        var unit: String
        var text: String
        var percent: Int
        var submittedAt: Date
        var review: WorkReportReview
        var reviewComment: String?
        var reviewedAt: Date?
        var evidence: [Evidence]
    }

    /// The day the policy was issued (2020-12-01): every task has been on the list since then.
    static let listedOn = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "Asia/Shanghai"), year: 2020, month: 12, day: 1)) ?? Date(timeIntervalSince1970: 1_606_752_000)
    static func insert(task: WorkTask, unit: String, text: String, percent: Int, evidence: [EvidenceFile], by user: UUID,
                       on sql: any SQLDatabase, now: Date = Date()) async throws -> UUID {
        let id = UUID()
        try await sql.insert(into: "work_reports")
            .columns("id", "task_id", "unit", "text", "percent", "submitted_by", "submitted_at", "review")
            .values(SQLBind(id), SQLBind(task.id), SQLBind(unit), SQLBind(text), SQLBind(percent), SQLBind(user), SQLBind(now), SQLBind(WorkReportReview.pending.rawValue))
            .run()
        for file in evidence {
            let digest = file.sha256
            try await sql.insert(into: "work_evidence")
                .columns("id", "report_id", "file_name", "content_type", "sha256", "size", "content")
                .values(SQLBind(UUID()), SQLBind(id), SQLBind(file.fileName), SQLBind(file.contentType), SQLBind(digest), SQLBind(file.content.count), SQLBind(file.content))
                .run()
        }
        return id
    }

    /// The task a report is on, or nil when there is no such report.
    static func taskID(ofReport id: UUID, on sql: any SQLDatabase) async throws -> String? {
        try await sql.select().column("task_id").from("work_reports").where("id", .equal, id).first()?.decode(column: "task_id", as: String.self)
    }

    /// Reports (newest first) for the given tasks, with their evidence listed (not loaded).
    static func reports(tasks: [String]?, on sql: any SQLDatabase) async throws -> [String: [Report]] {
        var query = sql.select().columns("id", "task_id", "unit", "text", "percent", "submitted_at", "review", "review_comment", "reviewed_at")
            .from("work_reports")
        if let tasks { query = query.where("task_id", .in, tasks) }
        var reports: [Report] = []
        for row in try await query.orderBy("submitted_at", .descending).all() {
            reports.append(Report(
                id: try row.decode(column: "id", as: UUID.self), taskId: try row.decode(column: "task_id", as: String.self),
                unit: try row.decode(column: "unit", as: String.self), text: try row.decode(column: "text", as: String.self),
                percent: try row.decode(column: "percent", as: Int.self), submittedAt: try row.decode(column: "submitted_at", as: Date.self),
                review: WorkReportReview(rawValue: try row.decode(column: "review", as: String.self)) ?? .pending,
                reviewComment: try row.decode(column: "review_comment", as: String?.self), reviewedAt: try row.decode(column: "reviewed_at", as: Date?.self),
                evidence: []
            ))
        }
        if !reports.isEmpty {
            var files: [UUID: [Evidence]] = [:]
            for row in try await sql.select().columns("id", "report_id", "file_name", "content_type", "sha256", "size").from("work_evidence")
                .where("report_id", .in, reports.map(\.id)).orderBy("file_name").all() {
                files[try row.decode(column: "report_id", as: UUID.self), default: []].append(Evidence(
                    id: try row.decode(column: "id", as: UUID.self), fileName: try row.decode(column: "file_name", as: String.self),
                    contentType: try row.decode(column: "content_type", as: String.self), sha256: try row.decode(column: "sha256", as: String.self),
                    size: try row.decode(column: "size", as: Int.self)
                ))
            }
            for i in reports.indices { reports[i].evidence = files[reports[i].id] ?? [] }
        }
        return Dictionary(grouping: reports, by: \.taskId)
    }

    /// Where a task stands, from its reports (newest first).
    static func standing(of task: WorkTask, reports: [Report], now: Date = Date()) -> TaskStanding {
        let accepted = reports.first { $0.review == .accepted }?.percent
        let days = reports.first.map { Int(now.timeIntervalSince($0.submittedAt) / 86_400) }
        let today = CivilDate(date: now).description
        let listed = Int(now.timeIntervalSince(listedOn) / 86_400)
        return TaskStanding.of(task, acceptedPercent: accepted, daysSinceLastReport: days, daysSinceListed: listed, today: today)
    }
}
