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
    var audit: (log: AuditLog, entry: @Sendable (_ rows: Int) -> AuditLog.Entry)?
    /// SQLite imports of more rows than this are staged in turns and published in one short
    /// transaction (`ImportStaging`), so other writers are not held up for seconds; smaller
    /// ones, and PostgreSQL's (MVCC: a long insert blocks neither its readers nor other
    /// writers of other rows), are written in one transaction.
    var stagingThreshold = 4_000

    /// Imports `data`; returns the number of rows written or throws `AppError.importRejected`.
    func importFile(_ data: Data, fileName: String, limits: SpreadsheetLimits = .standard) async throws -> Int {
        var table: Table
        do { table = try TableReader.read(data, limits: limits) } catch {
            throw AppError.importRejected([RowError(row: 1, column: fileName, error: FieldError(field: "file", zh: error.messageZh, en: error.messageEn))])
        }
        return try await importTable(&table)
    }

    /// `importFile` for a request: the outcome — rows written, or the file rejected with its
    /// error count — goes to the audit log and the import metrics either way.
    func importAudited(_ data: Data, fileName: String, request: Request) async throws -> Int {
        let metrics = request.application.platformMetrics
        defer { MemoryRelease.now() }
        var importer = self
        importer.audit = (request.services.audit, { request.auditEntry(action: "import", entity: Resource.path, detail: "\($0) rows from \(AuditLog.clean(fileName))") })
        do {
            let count = try await importer.importFile(data, fileName: fileName, limits: UploadLimits.spreadsheet)
            metrics?.importAttempt(kind: Resource.path, outcome: "imported", rows: count)
            return count
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
    func importTable(_ table: inout Table) async throws -> Int {
        try await write(prepare(&table))
    }

    /// Validates and resolves the table's rows: the records to write, or the file rejected
    /// with its errors.
    func prepare(_ table: inout Table) async throws -> [StoredRecord] {
        let (fields, headers) = try Self.columns(of: table)
        var errors = RowErrorCollector(keep: AppError.reportedRowErrors)
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
                case .success(let record): valid.append(RegistryWriter<Resource>.Validated(row: row, record: record))
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
        let records = try await writer.resolve(valid, headers: headers, errors: &errors)
        valid = []
        if errors.total > 0 { throw errors.rejection }
        return records
    }

    /// Writes resolved records, staged or in one transaction, with the import's audit row.
    /// The duplicate checks ran before the write without a lock, so another writer may have
    /// stored one of the same keys since: the database's unique index then refuses the write
    /// whole, and the file is rejected (nothing written) rather than answered with a failure.
    func write(_ records: [StoredRecord]) async throws -> Int {
        do {
            if writer.canStage, records.count > stagingThreshold { return try await stageAndPublish(records) }
            guard let audit else {
                try await writer.insert(records)
                return records.count
            }
            let base = writer
            return try await audit.log.recording(on: base.db) { tx in
                var inTransaction = base
                inTransaction.db = tx
                try await inTransaction.insert(records)
                return (records.count, audit.entry(records.count))
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
    func stageAndPublish(_ records: [StoredRecord]) async throws -> Int {
        let db = writer.db
        let count = records.count
        let staging = try await writer.stage(records)
        writer.progress?(.publishing, 0, count)
        do {
            if let audit {
                try await audit.log.recording(on: db) { tx in
                    try await staging.publish(in: tx)
                    return ((), audit.entry(count))
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
        return count
    }

    /// The field each column holds (nil: ignored) and each field's column header; a missing
    /// required column or an unknown one rejects the file before any row is read.
    static func columns(of table: Table) throws -> (fields: [String?], headers: [String: String]) {
        let (fields, missing) = Resource.Record.columns(for: table.header)
        var errors = missing.map {
            RowError(row: 1, column: $0.headerZh, error: FieldError(field: $0.name, zh: "缺少必填列“\($0.headerZh)”", en: "required column '\($0.name)' is missing"))
        }
        for (i, field) in fields.enumerated() where field == nil && !table.header[i].isEmpty {
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
