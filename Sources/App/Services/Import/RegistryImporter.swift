import Fluent
import Foundation
import Registry
import Spreadsheet
import Vapor

/// Imports a CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX file of one registry resource,
/// all or nothing: the whole file is checked first and one bad row rejects it with every
/// error by row and column.
struct RegistryImporter<Resource: RegistryResource>: Sendable {
    let writer: RegistryWriter<Resource>
    /// The audit chain and the row an import that writes appends to it, in the write's own
    /// transaction (nil: no row, as in the benchmarks).
    var audit: (log: AuditLog, entry: @Sendable (ImportOutcome) -> AuditLog.Entry)?
    /// SQLite imports of more rows than this are staged in turns and published in one short
    /// transaction (`ImportStaging`), so other writers are not held up for seconds; smaller
    /// ones, and PostgreSQL's (MVCC: a long insert blocks neither its readers nor other
    /// writers of other rows), are written in one transaction.
    var stagingThreshold = 4_000

    /// Imports `data`; returns what was written or throws `AppError.importRejected`.
    func importFile(_ data: Data, fileName: String, limits: SpreadsheetLimits = .standard) async throws -> ImportOutcome {
        var table: Table
        do { table = try TableReader.read(data, limits: limits) } catch {
            throw AppError.importRejected([RowError(row: 1, column: fileName, error: FieldError(field: "file", zh: error.messageZh, en: error.messageEn))])
        }
        return try await importTable(&table)
    }

    /// `importFile` for a request: the outcome — rows written, or the file rejected with its
    /// error count — goes to the audit log and the import metrics either way.
    func importAudited(_ data: Data, fileName: String, request: Request) async throws -> ImportOutcome {
        let metrics = request.application.platformMetrics
        defer { MemoryRelease.now() }
        var importer = self
        importer.audit = (request.services.audit, { request.auditEntry(action: "import", entity: Resource.path, detail: "\($0.summary) from \(AuditLog.clean(fileName))") })
        do {
            let outcome = try await importer.importFile(data, fileName: fileName, limits: UploadLimits.spreadsheet)
            metrics?.importAttempt(kind: Resource.path, outcome: "imported", rows: outcome.written)
            return outcome
        } catch let error as AppError {
            guard let errors = error.rowErrors else { throw error }
            try await request.audit(request.auditEntry(action: "import", entity: Resource.path, detail: "\(errors.total) errors in \(AuditLog.clean(fileName)), nothing written", outcome: "rejected"))
            metrics?.importAttempt(kind: Resource.path, outcome: "rejected", rows: 0)
            throw error
        }
    }

    /// Validates the table in slices — each slice's rows become field values, are validated,
    /// and their cells are released — keeping only the records that pass and at most
    /// `AppError.reportedRowErrors` errors in full (the rest are counted), then resolves and
    /// writes them. A file of bad rows never holds a dictionary per row or every error at once.
    /// The table's rows are emptied as they are read (`inout`: so that no other copy keeps them).
    func importTable(_ table: inout Table) async throws -> ImportOutcome {
        try await write(prepare(&table))
    }

    /// What a checked file will write: new records, changed registered ones, and how many rows
    /// named a registered record without changing it.
    struct Prepared: Sendable {
        var inserts: [StoredRecord]
        var updates: [StoredRecord] = []
        var unchanged = 0
    }

    /// Validates and resolves the table's rows: the records to write, or the file rejected
    /// with its errors. A file with a 记录编号 column updates the records it names.
    func prepare(_ table: inout Table) async throws -> Prepared {
        let (fields, headers) = try Self.columns(of: table)
        var errors = RowErrorCollector(keep: AppError.reportedRowErrors)
        let named = try await registeredRows(&table, fields: fields, errors: &errors)
        var valid: [RegistryWriter<Resource>.Validated] = []
        let total = table.rows.count
        let catalog = writer.catalog
        let today = writer.today
        writer.progress?(.validating, 0, total)
        var start = 0
        while start < total {
            let end = Swift.min(start + Self.validationSlice, total)
            let slice = Array(table.rows[start..<end])
            let results = try await Self.validate(slice, fields: fields, catalog: catalog, today: today)
            for i in start..<end { table.rows[i] = [] }
            for (offset, result) in results.enumerated() {
                let row = Table.spreadsheetRow(ofDataIndex: start + offset)
                switch result {
                case .success(let record): valid.append(RegistryWriter<Resource>.Validated(row: row, record: record, replaces: named.ids[start + offset]))
                case .failure(let failure):
                    var found: [RowError] = []
                    for error in failure.errors { found.append(writer.rowError(row: row, headers: headers, error)) }
                    errors.add(found)
                }
            }
            writer.progress?(.validating, end, total)
            start = end
        }
        table.rows = []
        let rows = valid.map(\.row)
        let records = try await writer.resolve(valid, headers: headers, errors: &errors)
        valid = []
        if errors.total > 0 { throw errors.rejection }
        guard !named.records.isEmpty else { return Prepared(inserts: records) }
        var prepared = Prepared(inserts: [])
        for (row, record) in zip(rows, records) {
            guard let current = named.records[record.id] else { prepared.inserts.append(record); continue }
            if try current.isSame(as: record) { prepared.unchanged += 1; continue }
            for field in Resource.immutableFields {
                guard let value = record.value(of: field.snakeCased), try current.stored(field.snakeCased, like: value) != value else { continue }
                errors.add([writer.rowError(row: row, headers: headers, FieldError(field: field, zh: "创建后不能修改", en: "cannot change once created"))])
            }
            prepared.updates.append(record)
        }
        if errors.total > 0 { throw errors.rejection }
        return prepared
    }

    /// The registered records a file's 记录编号 column names, and each data row's id (nil: a
    /// new record). Each named record must be one the caller may see and write, named once;
    /// a masked identity number left as exported stands for the stored one.
    func registeredRows(_ table: inout Table, fields: [String?], errors: inout RowErrorCollector) async throws -> (ids: [UUID?], records: [UUID: RegisteredRecord]) {
        guard let idColumn = ReimportColumn.index(in: table.header) else { return (Array(repeating: nil, count: table.rows.count), [:]) }
        let header = table.header[idColumn]
        func error(_ index: Int, _ error: FieldError, kind: RowError.Kind = .invalid) -> RowError {
            RowError(row: Table.spreadsheetRow(ofDataIndex: index), column: header, error: error, kind: kind)
        }
        var ids: [UUID?] = []
        ids.reserveCapacity(table.rows.count)
        var first: [UUID: Int] = [:]
        for (i, cells) in table.rows.enumerated() {
            switch ReimportColumn.id(idColumn < cells.count ? cells[idColumn] : "") {
            case .failure(let failure):
                errors.add([error(i, failure)])
                ids.append(nil)
            case .success(let id):
                if let id, let earlier = first[id] {
                    errors.add([error(i, FieldError(field: ReimportColumn.name, zh: "与第\(Table.spreadsheetRow(ofDataIndex: earlier))行的记录编号重复", en: "names the same record as row \(Table.spreadsheetRow(ofDataIndex: earlier))"), kind: .duplicate)])
                } else if let id {
                    first[id] = i
                }
                ids.append(id)
            }
        }
        let records = try await writer.registered(Array(first.keys))
        let identityColumn = fields.firstIndex { $0 == "idNumber" }
        for (i, id) in ids.enumerated() {
            guard let id else { continue }
            guard let record = records[id] else {
                errors.add([error(i, ReimportColumn.unknown, kind: .outOfScope)])
                continue
            }
            guard AccessPolicy.canWrite(Resource.entity, at: record.placement, caller: writer.caller) else {
                errors.add([error(i, FieldError(field: ReimportColumn.name, zh: "超出您的权限范围，不能修改该记录", en: "is outside your scope; you may not change this record"), kind: .outOfScope)])
                continue
            }
            if let identityColumn, identityColumn < table.rows[i].count {
                table.rows[i][identityColumn] = try writer.identityCell(table.rows[i][identityColumn], of: record)
            }
        }
        return (ids, records)
    }

    /// Writes resolved records, staged or in one transaction, with the import's audit row.
    /// The duplicate checks ran before the write without a lock, so another writer may have
    /// stored one of the same keys since: the database's unique index then refuses the write
    /// whole, and the file is rejected (nothing written) rather than answered with a failure.
    func write(_ prepared: Prepared) async throws -> ImportOutcome {
        let records = prepared.inserts, updates = prepared.updates
        let outcome = ImportOutcome(inserted: records.count, updated: updates.count, unchanged: prepared.unchanged)
        do {
            if updates.isEmpty, writer.canStage, records.count > stagingThreshold {
                try await stageAndPublish(records, outcome: outcome)
                return outcome
            }
            let base = writer
            @Sendable func change(_ tx: any Database) async throws {
                var inTransaction = base
                inTransaction.db = tx
                // Updates first, with their keys parked, so that a new row may take a value an
                // edited row gives up, and edited rows may exchange values.
                try await inTransaction.park(updates)
                for record in updates { try await inTransaction.update(record) }
                try await inTransaction.insert(records)
            }
            guard let audit else {
                if updates.isEmpty { try await writer.insert(records) } else { try await WriteGate.shared.records(on: base.db, change) }
                return outcome
            }
            return try await audit.log.recording(on: base.db) { tx in
                try await change(tx)
                return (outcome, audit.entry(outcome))
            }
        } catch where ConstraintViolation.isUnique(error) {
            throw AppError.importRejected([RowError(row: 1, column: "", error: Self.writtenMeanwhile)])
        }
    }

    /// The rejection of a file one of whose keys another writer stored during the import.
    static var writtenMeanwhile: FieldError {
        FieldError(field: "file", zh: "导入期间已有其他操作登记了相同的记录（如学号、证件号码），本次导入未写入任何数据，请重新导入以查看具体行",
                   en: "another change registered one of the same records (student number, ID number) during the import; nothing was written — import again to see which rows")
    }

    /// One slice of rows as field values, validated on every core.
    static func validate(_ rows: [[String]], fields: [String?], catalog: ReferenceCatalog, today: CivilDate) async throws -> [Result<Resource.Record, ValidationFailure>] {
        try await ParallelMap.map(rows) { _, cells in
            var values = FieldValues(minimumCapacity: fields.count)
            for (c, field) in fields.enumerated() {
                guard let field, c < cells.count else { continue }
                values[field] = cells[c]
            }
            return Resource.Record.validate(values, catalog: catalog, today: today)
        }
    }

    /// Rows validated per slice: enough to keep both cores busy, few enough that the slice's
    /// field dictionaries stay small.
    static var validationSlice: Int { 32_768 }

    /// Stages the records in turns, then publishes them with the audit row in one transaction;
    /// a failure anywhere leaves no row in the target (and the staging table dropped).
    func stageAndPublish(_ records: [StoredRecord], outcome: ImportOutcome) async throws {
        let db = writer.db
        let count = records.count
        let staging = try await writer.stage(records)
        writer.progress?(.publishing, 0, count)
        do {
            if let audit {
                try await audit.log.recording(on: db) { tx in
                    try await staging.publish(in: tx)
                    return ((), audit.entry(outcome))
                }
            } else {
                try await WriteGate.shared.records(on: db) { tx in try await staging.publish(in: tx) }
            }
        } catch {
            try? await staging.drop(on: db)
            throw error
        }
        writer.progress?(.publishing, count, count)
        // The staged rows are copies now; one that cannot be dropped is left for the next
        // import's clean-up.
        try? await staging.drop(on: db)
    }

    /// The field each column holds (nil: ignored) and each field's column header; a missing
    /// required column or an unknown one rejects the file before any row is read.
    static func columns(of table: Table) throws -> (fields: [String?], headers: [String: String]) {
        let (fields, missing) = Resource.Record.columns(for: table.header)
        var errors = missing.map {
            RowError(row: 1, column: $0.headerZh, error: FieldError(field: $0.name, zh: "缺少必填列“\($0.headerZh)”", en: "required column '\($0.name)' is missing"))
        }
        let idColumn = ReimportColumn.index(in: table.header)
        // The 记录编号 of an export for re-import and the 错误 of an annotated rejection are not fields.
        for (i, field) in fields.enumerated() where field == nil && !table.header[i].isEmpty && i != idColumn && !AnnotatedWorkbook.isErrorColumn(table.header[i]) {
            errors.append(RowError(row: 1, column: table.header[i], error: FieldError(field: table.header[i], zh: "无法识别的列", en: "unknown column")))
        }
        if table.rows.isEmpty {
            errors.append(RowError(row: 2, column: "", error: FieldError(field: "file", zh: "文件没有数据行", en: "the file has no data rows")))
        }
        guard errors.isEmpty else {
            var collector = RowErrorCollector(keep: AppError.reportedRowErrors)
            collector.add(errors)
            throw collector.rejection
        }
        var headers: [String: String] = [:]
        for (i, field) in fields.enumerated() { if let field { headers[field] = table.header[i] } }
        return (fields, headers)
    }
}
