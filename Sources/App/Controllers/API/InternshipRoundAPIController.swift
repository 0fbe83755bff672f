import Fluent
import Matching
import Registry
import SQLKit
import Vapor

/// Allocation rounds: the city runs one (a draft), looks at it, and publishes it — final and
/// audited. Learners, schools and enterprises see a round's placements once it is published,
/// each only their own.
enum InternshipRoundAPIController {
    struct RunRequest: Content {
        var name: String
        var seed: Int?
        var optimal: String?
    }

    struct Placement: Content {
        var studentId: UUID
        var postId: UUID?
        var enterpriseId: UUID?
        var choiceRank: Int?
        var higherChoices: [HigherChoice]
    }

    struct HigherChoice: Content {
        var postId: String
        var reason: String

        /// The higher choices a placement row's `explanation` column holds (JSON), none if unreadable.
        static func list(_ explanation: String) -> [HigherChoice] {
            (try? JSONDecoder().decode([HigherChoice].self, from: Data(explanation.utf8))) ?? []
        }
    }

    struct Placements: Content {
        var round: InternshipAllocation.Summary
        var items: [Placement]
    }

    struct RoundList: Content {
        var items: [InternshipAllocation.Summary]
    }

    @Sendable static func run(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canRunInternshipRound(caller: caller.scope) else { throw AppError.forbidden }
        let body: RunRequest
        try req.checkDocumentedBody()
        do { body = try req.content.decode(RunRequest.self) } catch {
            throw AppError.validation([FieldError(field: "name", zh: "请求体应包含轮次名称", en: "the body needs a round name")])
        }
        let name = body.name.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(name.count) else { throw AppError.validation([.tooLong("name", max: 100)]) }
        guard let optimal = OptimalSide(rawValue: body.optimal ?? "student") else {
            throw AppError.validation([.notInList("optimal", value: body.optimal ?? "", list: "student/enterprise")])
        }
        let seed = UInt64(truncatingIfNeeded: body.seed ?? 2020)
        var allocation = InternshipAllocation(db: req.db)
        allocation.audit = {
            req.auditEntry(action: "run_internship_round", entity: "internship_rounds", recordID: $0.id.uuidString,
                           detail: "\($0.placed)/\($0.students) placed, seed \($0.seed), \($0.optimal)-optimal")
        }
        let summary = try await allocation.run(name: name, seed: seed, optimal: optimal, actor: caller.auditName)
        let response = Response(status: .created)
        try response.content.encode(summary)
        return response
    }

    @Sendable static func list(req: Request) async throws -> RoundList {
        let caller = try req.requireCaller()
        var query = try sql(req).select().column("*").from("internship_rounds")
        if !seesDrafts(caller) { query = query.where("status", .equal, "published") }
        return RoundList(items: try await query.orderBy("created_at", .descending).all().map(summary))
    }

    @Sendable static func publish(req: Request) async throws -> InternshipAllocation.Summary {
        let caller = try req.requireCaller()
        guard AccessPolicy.canPublishInternshipRound(caller: caller.scope) else { throw AppError.forbidden }
        let round = try await find(req, caller)
        guard round.status == "draft" else {
            throw AppError.conflict(FieldError(field: "status", zh: "该轮次已发布，不能再次发布", en: "this round is already published"))
        }
        // Publishing is final: a later round never replaces a published one, it is a new round.
        let now = Date()
        let entry = req.auditEntry(action: "publish_internship_round", entity: "internship_rounds", recordID: round.id.uuidString, detail: round.name)
        guard try await InternshipPublication.publish(round: round.id, by: caller.auditName, on: req.db, now: now, audit: entry) else {
            throw AppError.conflict(FieldError(field: "status", zh: "该轮次已发布，不能再次发布", en: "this round is already published"))
        }
        var published = round
        published.status = "published"
        published.publishedAt = now
        published.publishedBy = caller.auditName
        return published
    }

    @Sendable static func placements(req: Request) async throws -> Placements {
        let caller = try req.requireCaller()
        guard let filter = AccessPolicy.internshipPlacementFilter(caller: caller.scope) else { throw AppError.forbidden }
        let round = try await find(req, caller)
        var query = try sql(req).select().column("*").from("internship_placements").where("round_id", .equal, round.id)
        switch filter {
        case .all: break
        case .none: query = query.where(SQLLiteral.boolean(false))
        case .district(let code): query = query.where("district_code", .equal, code)
        case .institution(let id): query = query.where("institution_id", .equal, id)
        case .enterprise(let id): query = query.where("enterprise_id", .equal, id)
        case .record(let id): query = query.where("student_id", .equal, id)
        }
        let items = try await query.orderBy("student_id").all().map { row in
            let higher = HigherChoice.list(try row.decode(column: "explanation", as: String.self))
            return Placement(
                studentId: try row.decode(column: "student_id", as: UUID.self), postId: try row.decode(column: "post_id", as: UUID?.self),
                enterpriseId: try row.decode(column: "enterprise_id", as: UUID?.self), choiceRank: try row.decode(column: "choice_rank", as: Int?.self),
                higherChoices: higher
            )
        }
        return Placements(round: round, items: items)
    }

    /// The city and districts see draft rounds; everyone else only published ones.
    static func seesDrafts(_ caller: Caller) -> Bool { AccessPolicy.seesDraftInternshipRounds(caller: caller.scope) }

    static func find(_ req: Request, _ caller: Caller) async throws -> InternshipAllocation.Summary {
        guard let text = req.parameters.get("id"), let id = UUID(uuidString: text),
              let row = try await sql(req).select().column("*").from("internship_rounds").where("id", .equal, id).first()
        else { throw AppError.notFound }
        let round = try summary(row)
        guard round.status == "published" || seesDrafts(caller) else { throw AppError.notFound }
        return round
    }

    static func summary(_ row: any SQLRow) throws -> InternshipAllocation.Summary {
        InternshipAllocation.Summary(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            seed: try row.decode(column: "seed", as: Int.self), optimal: try row.decode(column: "optimal", as: String.self),
            status: try row.decode(column: "status", as: String.self), students: try row.decode(column: "students", as: Int.self),
            placed: try row.decode(column: "placed", as: Int.self), places: try row.decode(column: "places", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), publishedAt: try row.decode(column: "published_at", as: Date?.self),
            createdBy: try row.decode(column: "created_by", as: String.self), publishedBy: try row.decode(column: "published_by", as: String?.self)
        )
    }

    static func sql(_ req: Request) throws -> any SQLDatabase {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return sql
    }
}
