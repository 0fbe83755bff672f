import Foundation
import Registry
import Spreadsheet
import Vapor

/// Exports registry records as CSV or XLSX with Chinese column headers, the same columns the
/// importer reads, choice values as Chinese labels; identity numbers are always the masked form.
enum RegistryExport<Resource: RegistryResource> {
    static func table(_ rows: [RecordBody]) -> Table {
        let fields = Resource.Record.fields
        return Table(
            header: fields.map(\.headerZh),
            // Choice fields are written as their Chinese labels, which the importer reads back.
            rows: rows.map { row in fields.map { $0.display(text(row.fields[$0.name])) } }
        )
    }

    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? "是" : "否"
        case .double(let d): String(d)
        default: ""
        }
    }

    static func response(rows: [RecordBody], format: String) throws -> Response {
        try TableDownload.response(table(rows), format: format, fileStem: Resource.path, sheetName: Resource.titleZh)
    }
}

/// A table as a CSV or XLSX download, named with today's date.
enum TableDownload {
    static func response(_ table: Table, format: String, fileStem: String, sheetName: String) throws -> Response {
        let stamp = CivilDate(date: Date()).description
        let response = Response(status: .ok)
        if format == "xlsx" {
            response.body = .init(data: try XLSXWriter.write(table, sheetName: sheetName))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        } else {
            response.body = .init(data: Data(CSVWriter.write(table)))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        }
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileStem)-\(stamp).\(format)\"")
        return response
    }
}
