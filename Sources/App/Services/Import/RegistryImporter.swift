import Foundation
import Registry
import Spreadsheet
import Vapor

/// Imports a CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX file of one registry resource,
/// all or nothing: the whole file is checked first and one bad row rejects it with every
/// error by row and column.
struct RegistryImporter<Resource: RegistryResource>: Sendable {
    let writer: RegistryWriter<Resource>

    /// Imports `data`; returns the number of rows written or throws `AppError.importRejected`.
    func importFile(_ data: Data, fileName: String, limits: SpreadsheetLimits = .standard) async throws -> Int {
        let table: Table
        do { table = try TableReader.read(data, limits: limits) } catch {
            throw AppError.importRejected([RowError(row: 1, column: fileName, error: FieldError(field: "file", zh: error.messageZh, en: error.messageEn))])
        }
        return try await importTable(table)
    }

    /// `importFile` for a request: the outcome — rows written, or the file rejected with its
    /// error count — goes to the audit log and the import metrics either way.
    func importAudited(_ data: Data, fileName: String, request: Request) async throws -> Int {
        let metrics = request.application.platformMetrics
        defer { MemoryRelease.now() }
        do {
            let count = try await importFile(data, fileName: fileName, limits: UploadLimits.spreadsheet)
            try await request.audit(request.auditEntry(action: "import", entity: Resource.path, detail: "\(count) rows from \(AuditLog.clean(fileName))"))
            metrics?.importAttempt(kind: Resource.path, outcome: "imported", rows: count)
            return count
        } catch AppError.importRejected(let errors) {
            try await request.audit(request.auditEntry(action: "import", entity: Resource.path, detail: "\(errors.count) errors in \(AuditLog.clean(fileName)), nothing written", outcome: "rejected"))
            metrics?.importAttempt(kind: Resource.path, outcome: "rejected", rows: 0)
            throw AppError.importRejected(errors)
        }
    }

    func importTable(_ table: Table) async throws -> Int {
        let inputs = try await Self.inputs(from: table)
        switch try await writer.prepare(inputs) {
        case .rejected(let errors): throw AppError.importRejected(errors)
        case .ready(let records):
            try await writer.insert(records)
            return records.count
        }
    }

    /// Rows as field values, keyed by the columns the header names; a missing required column
    /// or an unknown one rejects the file before any row is read.
    static func inputs(from table: Table) async throws -> [RegistryWriter<Resource>.Input] {
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
        guard errors.isEmpty else { throw AppError.importRejected(errors) }
        var headers: [String: String] = [:]
        for (i, field) in fields.enumerated() { if let field { headers[field] = table.header[i] } }
        let headerMap = headers
        return try await ParallelMap.map(table.rows) { index, cells in
            var values = FieldValues(minimumCapacity: fields.count)
            for (i, field) in fields.enumerated() {
                guard let field, i < cells.count else { continue }
                values[field] = cells[i]
            }
            return .init(values: values, row: Table.spreadsheetRow(ofDataIndex: index), headers: headerMap)
        }
    }
}
