import Foundation
import Registry
import SQLKit
import SupplyDemand

/// Cooperation agreements checked against the city's negative list.
enum NegativeListReview {
    struct Finding: Codable, Sendable {
        var agreementId: UUID
        var institutionCode: String
        var enterpriseCode: String
        var kind: String
        var title: String
        var violations: [CooperationViolation]
    }

    static func rules(_ sql: any SQLDatabase) async throws -> [NegativeListRule] {
        try await sql.select().columns("code", "terms", "applies_to", "description", "basis").from("negative_list_entries").orderBy("code").all().map {
            NegativeListRule(
                code: try $0.decode(column: "code", as: String.self),
                terms: (try $0.decode(column: "terms", as: String.self)).split(separator: ";").map(String.init),
                appliesTo: try $0.decode(column: "applies_to", as: String?.self),
                description: try $0.decode(column: "description", as: String.self),
                basis: try $0.decode(column: "basis", as: String?.self)
            )
        }
    }

    /// Every agreement in the caller's scope (or only `id`), with its violations; with
    /// `onlyViolating`, only those that break a rule.
    static func findings(_ sql: any SQLDatabase, caller: CallerScope, id: UUID? = nil, onlyViolating: Bool) async throws -> [Finding] {
        let rules = try await rules(sql)
        var query = sql.select().columns("id", "institution_code", "enterprise_code", "kind", "title", "terms").from("cooperation_agreements")
            .where(ScopeSQL.predicate(AccessPolicy.readFilter(.cooperationAgreement, for: caller)))
        if let id { query = query.where("id", .equal, id) }
        return try await query.orderBy("institution_code").orderBy("title").all().compactMap { row in
            let kind = try row.decode(column: "kind", as: String.self)
            let title = try row.decode(column: "title", as: String.self)
            let violations = NegativeListCheck.violations(of: AgreementText(kind: kind, title: title, terms: try row.decode(column: "terms", as: String?.self)), rules: rules)
            if onlyViolating && violations.isEmpty { return nil }
            return Finding(
                agreementId: try row.decode(column: "id", as: UUID.self), institutionCode: try row.decode(column: "institution_code", as: String.self),
                enterpriseCode: try row.decode(column: "enterprise_code", as: String.self), kind: kind, title: title, violations: violations
            )
        }
    }
}
