import Foundation
import Registry
import SQLKit
import Vapor

/// `/learning-records/forwarding…`: the city's forwarding to other learning record stores.
extension LearningRecordPageController {
    static func forwarding(_ req: Request) throws -> (Caller, LearningRecordForwarding) {
        let caller = try req.requireCaller()
        guard AccessPolicy.canManageLearningRecordForwarding(caller: caller.scope) else { throw AppError.forbidden }
        return (caller, LearningRecordForwarding(db: req.db, vault: req.services.vault, audit: req.services.audit))
    }

    static func schoolNames(_ req: Request) async throws -> [UUID: String] {
        var schools: [UUID: String] = [:]
        for row in try await req.sql.select().columns("id", "name").from("institutions").all() {
            schools[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self)
        }
        return schools
    }

    @Sendable static func forwardingStatus(req: Request) async throws -> Response {
        let (caller, service) = try forwarding(req)
        let l = Language(req)
        let layout = PageLayout(title: l.t("学习记录转发", "Forwarding learning records"), language: l, caller: caller)
        return .html(ForwardingPage(layout: layout, targets: try await service.targets(), schools: try await schoolNames(req), now: Date()).render())
    }

    struct TargetForm: Content {
        var name: String
        var endpoint: String
        var credentials: String
        var institution: String?
        var xapiVersion: String?
    }

    @Sendable static func addForwardingTarget(req: Request) async throws -> Response {
        let (_, service) = try forwarding(req)
        let form = try req.content.decode(TargetForm.self)
        let institution = form.institution.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
        _ = try await service.addTarget(.init(name: form.name, endpoint: form.endpoint, credentials: form.credentials, institutionID: institution,
                                              xapiVersion: form.xapiVersion ?? "2.0.0"), by: .init(req))
        return req.redirect(to: "/learning-records/forwarding")
    }

    @Sendable static func forwardingTarget(req: Request) async throws -> Response {
        let (caller, service) = try forwarding(req)
        guard let id = req.parameters.get("id", as: UUID.self), let target = try await service.target(id) else { throw AppError.notFound }
        let after = req.query[Int64.self, at: "after"]
        let l = Language(req)
        let layout = PageLayout(title: l.t("转发 · \(target.name)", "Forwarding · \(target.name)"), language: l, caller: caller)
        return .html(ForwardingTargetPage(layout: layout, target: target, page: try await service.deadLetters(target: id, after: after)).render())
    }

    @Sendable static func retryForwarding(req: Request) async throws -> Response {
        let (_, service) = try forwarding(req)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        _ = try await service.retryDeadLetters(target: id, by: .init(req))
        return req.redirect(to: "/learning-records/forwarding/\(id.uuidString.lowercased())")
    }

    @Sendable static func deactivateForwarding(req: Request) async throws -> Response {
        let (_, service) = try forwarding(req)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        _ = try await service.deactivate(id, by: .init(req))
        return req.redirect(to: "/learning-records/forwarding/\(id.uuidString.lowercased())")
    }
}
