import Fluent
import Foundation
import Registry
import Spreadsheet
import SQLKit
import SQLiteNIO
import Vapor

/// What a write is doing, for progress reports on the command line and in logs.
package enum WritePhase: String, Sendable {
    case validating = "校验 validating"
    case checkingDuplicates = "查重 checking duplicates"
    case writing = "写入 writing"
    case publishing = "发布 publishing"
}

package typealias ProgressReporter = @Sendable (WritePhase, _ done: Int, _ total: Int) -> Void

/// Writes registry records of one resource: the whole batch is validated, resolved, scope-checked
/// and de-duplicated first; any error rejects the batch with every error and nothing written.
/// Good batches go in one transaction as multi-row INSERTs.
struct RegistryWriter<Resource: RegistryResource>: Sendable {
    var db: any Database
    let caller: CallerScope
    let vault: PersonalDataVault
    let catalog: ReferenceCatalog
    var today = CivilDate(date: Date())
    var progress: ProgressReporter?

    var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw AppError.badRequest(zh: "数据库不支持SQL", en: "database is not SQL") }
            return sql
        }
    }

    /// One input record with the spreadsheet row it came from (2 = first data row) or nil for API input.
    struct Input: Sendable {
        var values: FieldValues
        var row: Int?
        /// Column header per field name, to name the column in errors.
        var headers: [String: String] = [:]
    }

    // MARK: - Preparing

    /// A batch ready to write, or every error that stops it.
    enum Prepared: Sendable {
        case ready([StoredRecord])
        case rejected([RowError])
    }

    /// A record that passed validation, with the spreadsheet row it came from and, when it
    /// replaces a registered record, that record's id.
    struct Validated: Sendable {
        var row: Int?
        var record: Resource.Record
        var replaces: UUID? = nil
    }

    /// Validates and resolves every input. `replacing` is the id of the record an update replaces,
    /// excluded from duplicate checks.
    func prepare(_ inputs: [Input], replacing: UUID? = nil) async throws -> Prepared {
        var errors = RowErrorCollector(keep: .max)
        var valid: [Validated] = []
        valid.reserveCapacity(inputs.count)
        progress?(.validating, 0, inputs.count)
        let catalog = catalog
        let today = today
        let validated = try await ParallelMap.map(inputs) { _, input in
            Resource.Record.validate(input.values, catalog: catalog, today: today)
        }
        for (i, result) in validated.enumerated() {
            switch result {
            case .success(let record): valid.append(Validated(row: inputs[i].row, record: record))
            case .failure(let failure): errors.add(failure.errors.map { rowError(row: inputs[i].row, headers: inputs[i].headers, $0) })
            }
        }
        progress?(.validating, inputs.count, inputs.count)
        let stored = try await resolve(valid, headers: inputs.first?.headers ?? [:], errors: &errors, replacing: replacing)
        if errors.total > 0 { return .rejected(errors.first) }
        return .ready(stored)
    }

    /// Resolves references, encrypts, checks scope and duplicates for validated records;
    /// errors are added to `errors` (the records returned are only meaningful when there are
    /// none). `headers` names each field's column for the errors. A record keeps the id of the
    /// record it replaces (its own `replaces`, or the `replacing` id of an update); the records
    /// replaced are left out of the duplicate checks.
    func resolve(_ valid: [Validated], headers: [String: String], errors: inout RowErrorCollector, replacing: UUID? = nil) async throws -> [StoredRecord] {
        var needs = ReferenceNeeds()
        for item in valid { Resource.addReferences(of: item.record, to: &needs) }
        let lookups = try await ReferenceLookups.fetch(needs, on: try sql)

        var stored: [(Int?, StoredRecord)] = []
        stored.reserveCapacity(valid.count)
        let vault = vault
        // New records get time-ordered ids, made in row order before the work is shared out.
        let fresh = TimeOrderedID.shared.next(count: valid.count)
        let resolved = try await ParallelMap.map(valid) { i, item in
            (item.row, try Resource.store(item.record, id: item.replaces ?? replacing ?? fresh[i], lookups: lookups, vault: vault))
        }
        for (row, result) in resolved {
            switch result {
            case .failure(let failure): errors.add(failure.errors.map { rowError(row: row, headers: headers, $0) })
            case .success(let s):
                if AccessPolicy.canWrite(Resource.entity, at: s.placement, caller: caller) {
                    stored.append((row, s))
                } else {
                    errors.add([rowError(row: row, headers: headers, FieldError(field: scopeField, zh: "超出您的权限范围，不能写入该记录", en: "is outside your scope; you may not write this record"), kind: .outOfScope)])
                }
            }
        }
        progress?(.checkingDuplicates, 0, stored.count)
        errors.add(try await duplicateErrors(stored, headers: headers, replacing: Set(valid.compactMap(\.replaces) + (replacing.map { [$0] } ?? []))))
        progress?(.checkingDuplicates, stored.count, stored.count)
        return stored.map(\.1)
    }

    /// The field a scope refusal is reported against: what places the record.
    var scopeField: String {
        Resource.Record.fields.first { ["institutionCode", "districtCode", "ownerCode", "creditCode"].contains($0.name) }?.name ?? "id"
    }

    func rowError(row: Int?, headers: [String: String], _ error: FieldError, kind: RowError.Kind = .invalid) -> RowError {
        RowError(row: row ?? 0, column: headers[error.field] ?? error.field, error: error, kind: kind)
    }

    /// Duplicates inside the batch and against stored rows, for every natural key and the identity index.
    func duplicateErrors(_ stored: [(Int?, StoredRecord)], headers: [String: String], replacing: Set<UUID>) async throws -> [RowError] {
        var errors: [RowError] = []
        let sql = try self.sql
        func rowError(_ row: Int?, _ error: FieldError) -> RowError {
            self.rowError(row: row, headers: headers, error, kind: .duplicate)
        }
        // A key's columns joined with a unit separator, which no field may contain.
        func tuple(_ s: StoredRecord, _ key: NaturalKey) -> String {
            key.columns.map { s.value(of: $0)?.text ?? "" }.joined(separator: "\u{1F}")
        }
        // When the batch is at least as large as the table, reading the table's keys once is
        // cheaper than asking for them in pieces.
        let tableRows = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Resource.table).first()?.decode(column: "n", as: Int.self) ?? 0
        let readWholeTable = tableRows <= stored.count
        for key in Resource.naturalKeys {
            var seen: [String: Int?] = [:]
            for (row, s) in stored {
                let tuple = tuple(s, key)
                if let first = seen[tuple] {
                    errors.append(rowError(row, FieldError(field: key.field, zh: "与第\(first ?? 0)行重复", en: "duplicates row \(first ?? 0)")))
                } else {
                    seen[tuple] = .some(row)
                }
            }
            // Against the database: stored tuples sharing the first column's values.
            var existing: Set<String> = []
            func collect(_ rows: [any SQLRow]) throws {
                for row in rows {
                    if let id = try? row.decode(column: "id", as: UUID.self), replacing.contains(id) { continue }
                    existing.insert(try key.columns.map { try row.decode(column: $0, as: String.self) }.joined(separator: "\u{1F}"))
                }
            }
            let select = { sql.select().column("id").columns(key.columns.map { SQLIdentifier($0) }).from(Resource.table) }
            if readWholeTable {
                try collect(try await select().all())
            } else {
                let firstValues = Array(Set(stored.compactMap { $0.1.value(of: key.columns[0])?.text }))
                for chunk in firstValues.chunked(500) {
                    try collect(try await select().where(SQLIdentifier(key.columns[0]), .in, Array(chunk)).all())
                }
            }
            for (row, s) in stored where existing.contains(tuple(s, key)) {
                errors.append(rowError(row, FieldError(field: key.field, zh: "已存在相同记录", en: "a record with this value already exists")))
            }
        }
        if Resource.hasIdentity {
            var seen: [String: Int?] = [:]
            for (row, s) in stored {
                guard let index = s.identity?.index else { continue }
                if let first = seen[index] {
                    errors.append(rowError(row, FieldError(field: "idNumber", zh: "证件号码与第\(first ?? 0)行重复", en: "duplicates the ID number of row \(first ?? 0)")))
                } else {
                    seen[index] = .some(row)
                }
            }
            // Where each already-registered number sits: a duplicate the caller may see is named
            // as one; one outside the caller's scope is not confirmed (no city-wide enrolment
            // oracle) — it goes to the city for review instead.
            var taken: [String: RecordPlacement] = [:]
            func collect(_ rows: [any SQLRow]) throws {
                for row in rows {
                    let id = try row.decode(column: "id", as: UUID.self)
                    if replacing.contains(id) { continue }
                    taken[try row.decode(column: "id_index", as: String.self)] = RecordPlacement(
                        districtCode: try row.decode(column: "district_code", as: String?.self),
                        institutionID: try row.decode(column: "institution_id", as: UUID?.self),
                        enterpriseID: try row.decode(column: "enterprise_id", as: UUID?.self), recordID: id)
                }
            }
            let columns = ["id", "id_index", "district_code", "institution_id", "enterprise_id"]
            if readWholeTable {
                try collect(try await sql.select().columns(columns).from(Resource.table).all())
            } else {
                for chunk in Array(seen.keys).chunked(1000) {
                    try collect(try await sql.select().columns(columns).from(Resource.table).where("id_index", .in, Array(chunk)).all())
                }
            }
            let visible = AccessPolicy.readFilter(Resource.entity, for: caller)
            for (row, s) in stored {
                guard let index = s.identity?.index, let placement = taken[index] else { continue }
                let error = AccessPolicy.admits(visible, placement)
                    ? FieldError(field: "idNumber", zh: "该证件号码已登记", en: "this ID number is already registered")
                    : FieldError(field: "idNumber", zh: "该证件号码不能在此登记，需市教育局核查", en: "this ID number cannot be registered here; it needs the city education bureau's review")
                errors.append(rowError(row, error))
            }
        }
        return errors
    }

    // MARK: - Writing

    /// Inserts prepared records in one transaction, in multi-row statements.
    func insert(_ records: [StoredRecord], now: Date = Date()) async throws {
        guard let first = records.first else { return }
        let columns = Self.allColumns(first)
        if db is any SQLiteDatabase {
            try await SQLiteBulkInsert(table: Resource.table, columns: columns).run(records, on: db, now: now, binds: Self.sqliteBinds) {
                progress?(.writing, $0, records.count)
            }
            return
        }
        // PostgreSQL allows 65,535 bind parameters per statement; stay well under.
        let perStatement = max(1, 30_000 / columns.count)
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            var done = 0
            for chunk in records.chunked(perStatement) {
                var insert = sql.insert(into: Resource.table).columns(columns)
                for record in chunk { insert = insert.values(Self.binds(record, now: now)) }
                try await insert.run()
                done += chunk.count
                progress?(.writing, done, records.count)
            }
        }
    }

    /// Whether `insert` would hold SQLite's write lock for one long transaction that staging
    /// can split: SQLite, not inside a caller's transaction.
    var canStage: Bool { db is any SQLiteDatabase && !db.inTransaction }

    /// Writes prepared records into a new staging table in short transactions, each through
    /// the write gate (see `ImportStaging`); nothing is visible until the staging is published.
    /// On failure the staging table is dropped.
    func stage(_ records: [StoredRecord], now: Date = Date()) async throws -> ImportStaging {
        guard let first = records.first else { throw AppError.badRequest(zh: "没有要写入的记录", en: "no records to write") }
        let columns = Self.allColumns(first)
        let staging = try await ImportStaging.create(target: Resource.table, columns: columns, on: db, now: now)
        let progress = progress
        do {
            try await SQLiteBulkInsert(table: staging.name, columns: columns).runInTurns(records, on: db, now: now, binds: Self.sqliteBinds) {
                progress?(.writing, $0, records.count)
            }
        } catch {
            try? await staging.drop(on: db)
            throw error
        }
        return staging
    }

    /// Moves the unique values of records about to be replaced out of each other's way — one
    /// text column of each natural key and the identity's blind index, set to a value made of
    /// the record's own id — so that records exchanging a key (two students swapping 学号 in a
    /// re-imported file) can all be written: the unique indexes are checked statement by
    /// statement, and the first update would otherwise meet the second record's old value. Call
    /// it inside the transaction, just before the updates, which write the real values.
    func park(_ records: [StoredRecord]) async throws {
        guard records.count > 1 else { return }
        let sql = try self.sql
        for record in records {
            var update = sql.update(Resource.table)
            var parked = false
            for key in Resource.naturalKeys {
                // The column the key's field names (student_no for studentNo), else its last text column.
                let isText = { (column: String) -> Bool in if case .text = record.value(of: column) { true } else { false } }
                let named = key.field.snakeCased
                guard let column = isText(named) && key.columns.contains(named) ? named : key.columns.last(where: isText) else { continue }
                update = update.set(SQLIdentifier(column), to: SQLBind("\u{1F}parked:\(record.id.uuidString)"))
                parked = true
            }
            if Resource.hasIdentity {
                update = update.set("id_index", to: SQLBind("parked:\(record.id.uuidString)"))
                parked = true
            }
            guard parked else { continue }
            try await update.where("id", .equal, record.id).run()
        }
    }

    /// Replaces the stored record `record.id` (its created_at stays). Call it inside a
    /// transaction: an institution's children move with it.
    func update(_ record: StoredRecord, now: Date = Date()) async throws {
        let columns = Self.allColumns(record)
        let binds = Self.binds(record, now: now)
        let sql = try self.sql
        var update = sql.update(Resource.table)
        for (column, value) in zip(columns, binds) where column != "id" && column != "created_at" {
            update = update.set(SQLIdentifier(column), to: SQLBind(value))
        }
        try await update.where("id", .equal, record.id).run()
        // Children carry their institution's district as their scope key: move them with it.
        if Resource.entity == .institution, let district = record.placement.districtCode {
            for table in InstitutionResource.childTables {
                try await sql.update(table).set("district_code", to: district)
                    .where("institution_id", .equal, record.id).where("district_code", .notEqual, district).run()
            }
        }
    }

    static func allColumns(_ record: StoredRecord) -> [String] {
        var columns = ["id", "district_code", "institution_id", "enterprise_id", "created_at", "updated_at"]
        columns += record.columns.map(\.0)
        if record.identity != nil { columns += ["document_kind", "id_cipher", "id_index", "id_masked"] }
        return columns
    }

    /// The same values as `binds`, as SQLite stores them through SQLKit (UUID as text, Date as
    /// seconds since 1970, Bool as 0/1), without the generic encoder.
    static func sqliteBinds(_ r: StoredRecord, now: Double, into out: inout [SQLiteData]) {
        func uuid(_ id: UUID?) -> SQLiteData { id.map { .text($0.uuidString) } ?? .null }
        out.append(uuid(r.id))
        out.append(.text(r.placement.districtCode ?? ""))
        out.append(uuid(r.placement.institutionID))
        out.append(uuid(r.placement.enterpriseID))
        out.append(.float(now))
        out.append(.float(now))
        for (_, value) in r.columns {
            switch value {
            case .text(let v): out.append(v.map(SQLiteData.text) ?? .null)
            case .int(let v): out.append(v.map { .integer($0) } ?? .null)
            case .bool(let v): out.append(v.map { .integer($0 ? 1 : 0) } ?? .null)
            case .uuid(let v): out.append(uuid(v))
            }
        }
        if let identity = r.identity {
            out.append(.text(identity.kind))
            out.append(.text(identity.cipher))
            out.append(.text(identity.index))
            out.append(.text(identity.masked))
        }
    }

    static func binds(_ r: StoredRecord, now: Date) -> [any Encodable & Sendable] {
        var binds: [any Encodable & Sendable] = [r.id, r.placement.districtCode ?? "", r.placement.institutionID, r.placement.enterpriseID, now, now]
        binds += r.columns.map(\.1.bind)
        if let identity = r.identity { binds += [identity.kind, identity.cipher, identity.index, identity.masked] }
        return binds
    }
}
