import Fluent
import Foundation
import Registry
import Spreadsheet
import SQLKit
import Vapor

/// `/api/v1/{resource}`: list, read, create, replace, delete, reveal identity, import, export —
/// the same for every registry resource, every query through the caller's scope.
struct RegistryAPIController<Resource: RegistryResource>: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped(PathComponent(stringLiteral: Resource.path))
        group.get(use: list)
        group.post(use: create)
        group.upload("import", maxBytes: UploadLimits.registryImport, admits: { AccessPolicy.canImport(Resource.entity, caller: $0) }, use: importFile)
        group.get("export", use: export)
        group.get(":id", use: show)
        group.put(":id", use: replace)
        group.delete(":id", use: delete)
        if Resource.hasIdentity {
            group.get(":id", "identity", use: revealIdentity)
        }
    }

    // MARK: - Reading

    @Sendable func list(req: Request) async throws -> RecordPage {
        let caller = try req.requireCaller()
        return try await reader(req, caller).list(try Self.query(from: req))
    }

    @Sendable func show(req: Request) async throws -> RecordBody {
        let caller = try req.requireCaller()
        guard let found = try await reader(req, caller).find(try Self.id(req)) else { throw AppError.notFound }
        return found.body
    }

    /// The full identity number: only for roles allowed to see it, for a purpose from the list
    /// (with an optional note), at most 30 per caller an hour, and always written to the audit
    /// log (PIPL Art. 51, GB/T 35273 §7.2). With `grant=<id>`, a reveal under a grant the city
    /// approved (its purpose, no hourly limit, each record a bounded number of times); a record
    /// not in that grant is 404. The decrypting read and its audit row are one transaction: if
    /// the row cannot be written, nothing is revealed.
    @Sendable func revealIdentity(req: Request) async throws -> IdentityReveal {
        let caller = try req.requireCaller()
        let id = try Self.id(req)
        if let text = req.query[String.self, at: "grant"] {
            guard let grant = UUID(uuidString: text) else {
                throw AppError.validation([FieldError(field: "grant", zh: "授权编号格式不对", en: "is not a grant id")])
            }
            guard let kind = RevealGrantKind(rawValue: Resource.path),
                  let one = try await RevealGrantStore(req, caller: caller).reveal(grant: grant, kind: kind, only: id).first else { throw AppError.notFound }
            return IdentityReveal(documentKind: one.documentKind, idNumber: one.idNumber)
        }
        let given = req.query[String.self, at: "purpose"] ?? ""
        guard let purpose = RevealPurpose(label: given) else {
            let list = RevealPurpose.allCases.map(\.rawValue).joined(separator: ", ")
            throw AppError.validation([FieldError(field: "purpose", zh: "查看完整证件号码须从用途列表中选择：\(list)", en: "choose the purpose from the list: \(list)")])
        }
        let note = req.query[String.self, at: "note"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard note.count <= 200 else { throw AppError.validation([.tooLong("note", max: 200)]) }
        let detail = ([purpose.rawValue + " " + purpose.labelZh] + (note.isEmpty ? [] : [note])).joined(separator: ": ")
        guard let found = try await reader(req, caller).find(id) else { throw AppError.notFound }
        guard AccessPolicy.canRevealIdentity(of: Resource.entity, at: found.placement, caller: caller.scope) else {
            try await req.audit(req.auditEntry(action: "reveal_identity", entity: Resource.path, recordID: id.uuidString, detail: detail, outcome: "denied"))
            throw AppError.forbidden
        }
        if let wait = await req.services.revealLimiter.admit(caller.userID) {
            try await req.audit(req.auditEntry(action: "reveal_identity", entity: Resource.path, recordID: id.uuidString, detail: detail + " (over the hourly limit; a grant approved by the city lifts it)", outcome: "denied"))
            throw AppError.tooManyAttempts(retryAfter: wait)
        }
        let entry = req.auditEntry(action: "reveal_identity", entity: Resource.path, recordID: id.uuidString, detail: detail)
        let vault = req.services.vault
        return try await req.audited { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            guard let row = try await sql.select().columns("document_kind", "id_cipher").from(Resource.table).where("id", .equal, id).first() else {
                throw AppError.notFound
            }
            let number = try vault.open(try row.decode(column: "id_cipher", as: String.self))
            return (IdentityReveal(documentKind: try row.decode(column: "document_kind", as: String.self), idNumber: number), entry)
        }
    }

    struct IdentityReveal: Content {
        var documentKind: String
        var idNumber: String
    }

    // MARK: - Writing

    @Sendable func create(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let values = try Self.values(req)
        let writer = writer(req, caller)
        let stored = try await Self.single(writer.prepare([RegistryWriter<Resource>.Input(values: values)]))
        try await req.audited { tx in
            var inTransaction = writer
            inTransaction.db = tx
            try await inTransaction.insert([stored])
            return ((), req.auditEntry(action: "create", entity: Resource.path, recordID: stored.id.uuidString))
        }
        guard let created = try await reader(req, caller).find(stored.id) else { throw AppError.notFound }
        let response = Response(status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/\(Resource.path)/\(stored.id.uuidString)")
        try response.content.encode(created.body)
        return response
    }

    @Sendable func replace(req: Request) async throws -> RecordBody {
        let caller = try req.requireCaller()
        let id = try Self.id(req)
        guard let existing = try await reader(req, caller).find(id) else { throw AppError.notFound }
        guard AccessPolicy.canWrite(Resource.entity, at: existing.placement, caller: caller.scope) else { throw AppError.forbidden }
        let values = try Self.values(req)
        for field in Resource.immutableFields {
            if case .string(let old) = existing.body.fields[field], let new = values[field], new != old {
                throw AppError.validation([FieldError(field: field, zh: "创建后不能修改", en: "cannot change once created")])
            }
        }
        let writer = writer(req, caller)
        let stored = try await Self.single(writer.prepare([RegistryWriter<Resource>.Input(values: values)], replacing: id))
        try await req.audited { tx in
            var inTransaction = writer
            inTransaction.db = tx
            try await inTransaction.update(stored)
            return ((), req.auditEntry(action: "update", entity: Resource.path, recordID: id.uuidString))
        }
        guard let updated = try await reader(req, caller).find(id) else { throw AppError.notFound }
        return updated.body
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let caller = try req.requireCaller()
        let id = try Self.id(req)
        guard let existing = try await reader(req, caller).find(id) else { throw AppError.notFound }
        guard AccessPolicy.canWrite(Resource.entity, at: existing.placement, caller: caller.scope) else { throw AppError.forbidden }
        do {
            try await req.audited { tx in
                guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
                try await sql.delete(from: Resource.table).where("id", .equal, id).run()
                return ((), req.auditEntry(action: "delete", entity: Resource.path, recordID: id.uuidString))
            }
        } catch where ConstraintViolation.isForeignKey(error) {
            // A foreign key still points here (students of a program, programs of a school…).
            throw AppError.conflict(FieldError(field: "id", zh: "仍有其他记录引用该记录，不能删除", en: "other records still refer to this record"))
        }
        return .noContent
    }

    // MARK: - Files

    @Sendable func importFile(req: Request) async throws -> ImportOutcome {
        let caller = try req.requireCaller()
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw AppError.badRequest(zh: "请求体中没有文件", en: "the request body holds no file")
        }
        let fileName = req.headers.first(name: "X-File-Name") ?? "upload"
        let importer = RegistryImporter<Resource>(writer: writer(req, caller))
        return try await importer.importAudited(Data(buffer: buffer), fileName: fileName, request: req)
    }

    @Sendable func export(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let format = req.query[String.self, at: "format"] ?? "csv"
        guard format == "csv" || format == "xlsx" else {
            throw AppError.validation([FieldError(field: "format", zh: "格式应为csv或xlsx", en: "must be csv or xlsx")])
        }
        let forReimport = try RegistryExport<Resource>.forReimport(req.query[String.self, at: "for"])
        let rows = try await reader(req, caller).all(try Self.query(from: req))
        let response = try RegistryExport<Resource>.response(rows: rows, format: format, catalog: req.services.catalog, forReimport: forReimport)
        try await req.audit(req.auditEntry(action: "export", entity: Resource.path, detail: "\(rows.count) rows, \(format), masked" + (forReimport ? ", for re-import" : "")))
        return response
    }

    // MARK: - Helpers

    func reader(_ req: Request, _ caller: Caller) throws -> RegistryReader<Resource> {
        RegistryReader(sql: try sql(req), caller: caller.scope)
    }

    func writer(_ req: Request, _ caller: Caller) -> RegistryWriter<Resource> {
        RegistryWriter(db: req.db, caller: caller.scope, vault: req.services.vault, catalog: req.services.catalog)
    }

    func sql(_ req: Request) throws -> any SQLDatabase {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return sql
    }

    static func id(_ req: Request) throws -> UUID {
        guard let text = req.parameters.get("id"), let id = UUID(uuidString: text) else { throw AppError.notFound }
        return id
    }

    static func values(_ req: Request) throws -> FieldValues {
        let object: [String: JSONValue]
        do { object = try req.content.decode([String: JSONValue].self) } catch {
            throw AppError.badRequest(zh: "请求体应为JSON对象", en: "the body must be a JSON object")
        }
        switch FieldValuesDecoder.decode(object, fields: Resource.Record.fields) {
        case .success(let values): return values
        case .failure(let failure): throw AppError.validation(failure.errors)
        }
    }

    /// One prepared record, or its errors as a 422 (or 403 when the only problem is scope).
    static func single(_ result: RegistryWriter<Resource>.Prepared) throws -> StoredRecord {
        switch result {
        case .ready(let records):
            guard let first = records.first else { throw AppError.notFound }
            return first
        case .rejected(let errors):
            if errors.allSatisfy({ $0.kind == .outOfScope }) { throw AppError.forbidden }
            if errors.count == 1, let conflict = errors.first, conflict.kind == .duplicate { throw AppError.conflict(conflict.error) }
            throw AppError.validation(errors.map(\.error))
        }
    }

    static func query(from req: Request) throws -> RegistryReader<Resource>.Query {
        var query = RegistryReader<Resource>.Query()
        query.page = req.query[Int.self, at: "page"] ?? 1
        query.per = req.query[Int.self, at: "per"] ?? 50
        guard query.page >= 1, query.page <= 1_000_000 else {
            throw AppError.validation([FieldError.outOfRange("page", min: 1, max: 1_000_000)])
        }
        guard (1...500).contains(query.per) else { throw AppError.validation([FieldError.outOfRange("per", min: 1, max: 500)]) }
        query.nameContains = req.query[String.self, at: "q"]
        if let sort = req.query[String.self, at: "sort"], !sort.isEmpty {
            guard let parsed = RegistryReader<Resource>.Sort(parameter: sort) else {
                let names = RegistryReader<Resource>.sortableFields.map(\.name).joined(separator: ", ")
                throw AppError.validation([FieldError(field: "sort", zh: "只能按以下字段排序（前加 - 为降序）：\(names)", en: "can only be one of \(names), with - in front for descending")])
            }
            query.sort = parsed
        }
        for field in RegistryReader<Resource>.filterableFields {
            if let value = req.query[String.self, at: field.name], !value.isEmpty { query.equals[field.name] = value }
        }
        return query
    }
}
