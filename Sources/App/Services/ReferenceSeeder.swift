import Fluent
import Registry
import SQLKit
import Vapor

/// Puts the institutions the policy names into the registry on first start.
enum ReferenceSeeder {
    static func seedPolicyInstitutions(_ app: Application) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        let existing = try await sql.select().column("code").from("institutions").all().map { try $0.decode(column: "code", as: String.self) }
        let missing = app.services.catalog.policyInstitutions.filter { !existing.contains($0.code) }
        guard !missing.isEmpty else { return }
        let writer = RegistryWriter<InstitutionResource>(db: app.db, caller: CallerScope(role: .cityAdmin), vault: app.services.vault, catalog: app.services.catalog)
        let inputs = missing.map { i in
            RegistryWriter<InstitutionResource>.Input(values: [
                "code": i.code, "name": i.name, "nameEn": i.nameEn, "kind": i.kind.rawValue,
                "ownership": i.ownership.rawValue, "districtCode": i.districtCode,
            ])
        }
        switch try await writer.prepare(inputs) {
        case .ready(let records):
            try await app.services.audit.recording(on: app.db) { tx in
                var inTransaction = writer
                inTransaction.db = tx
                try await inTransaction.insert(records)
                return ((), AuditLog.Entry(actor: "system", action: "seed", entity: "institutions", detail: "\(records.count) policy institutions"))
            }
        case .rejected(let errors):
            app.logger.error("policy institutions did not load: \(errors.map(\.error.message))")
        }
    }
}
