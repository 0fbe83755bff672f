import Foundation
import Registry
import Spreadsheet
import Vapor

/// Exports registry records as CSV or XLSX with Chinese column headers, the same columns the
/// importer reads, choice values as Chinese labels, districts by name (the importer takes a
/// name or a code); identity numbers are always the masked form.
/// The export for re-import adds each record's id first (`ReimportColumn`), so the file comes
/// back as an update of the same records.
enum RegistryExport<Resource: RegistryResource> {
    static func table(_ rows: [RecordBody], catalog: ReferenceCatalog, forReimport: Bool = false) -> Table {
        let fields = Resource.Record.fields
        // Choice fields are written as their Chinese labels, which the importer reads back.
        let byDistrict = fields.map { CodeList.of($0) == .district }
        let table = Table(header: fields.map(\.headerZh), rows: rows.map { row in
            zip(fields, byDistrict).map { field, isDistrict in
                let value = text(row.fields[field.name])
                if isDistrict, let district = catalog.divisions.districts[value] { return district.name }
                return field.display(value)
            }
        })
        guard forReimport else { return table }
        return Table(header: [ReimportColumn.headerZh] + table.header,
                     rows: zip(rows, table.rows).map { row, cells in [text(row.fields["id"])] + cells })
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

    static func response(rows: [RecordBody], format: String, catalog: ReferenceCatalog, forReimport: Bool = false) throws -> Response {
        let table = table(rows, catalog: catalog, forReimport: forReimport)
        return try TableDownload.response(table, format: format, fileStem: Resource.path + (forReimport ? "-reimport" : ""), sheetName: Resource.titleZh,
                                          layout: layout(table, catalog: catalog, forReimport: forReimport))
    }

    /// Numbers as numbers (so SUM works), widths that fit, the header frozen and filtered, and
    /// the choices of coded columns as drop-downs — the same labels the importer reads; the
    /// catalogue's program codes (with their names) and the city's districts too.
    static func layout(_ table: Table, catalog: ReferenceCatalog, forReimport: Bool = false) -> SheetLayout {
        let widths = SheetLayout.widths(fitting: table)
        let idColumn: [SheetLayout.Column] = forReimport ? [SheetLayout.Column(width: widths.first ?? 38)] : []
        return SheetLayout(columns: idColumn + zip(Resource.Record.fields, widths.dropFirst(idColumn.count)).map { field, width in
            if let list = CodeList.of(field)?.choices(catalog) {
                return SheetLayout.Column(width: width, choices: list.map(\.value), choiceNotes: list.map(\.note))
            }
            return SheetLayout.Column(numeric: field.kind.isInteger, width: width, choices: choices(field))
        })
    }

    /// The `for` query parameter of an export: nil for the plain export, `reimport` for the one
    /// meant to come back; anything else is refused by name.
    static func forReimport(_ value: String?) throws -> Bool {
        guard let value, !value.isEmpty else { return false }
        guard value == "reimport" else {
            throw AppError.validation([FieldError(field: "for", zh: "只能为 reimport（导出后修改再导回）", en: "can only be reimport (an export to edit and import back)")])
        }
        return true
    }

    /// The values a column's drop-down offers: a choice field's Chinese labels, 是/否.
    static func choices(_ field: FieldSpec) -> [String]? {
        switch field.kind {
        case .choice(let codes): codes.map { field.display($0) }
        case .boolean: ["是", "否"]
        default: nil
        }
    }

    /// `GET /registry/{resource}/template.xlsx`: the import's columns with drop-downs, and a
    /// second sheet that says what each column takes.
    static func template(catalog: ReferenceCatalog) throws -> Response {
        let fields = Resource.Record.fields
        let header = Table(header: fields.map(\.headerZh), rows: [])
        let guide = Table(
            header: ["列名", "是否必填", "填写要求", "Column (English)", "What it holds"],
            rows: fields.map { field in
                [field.headerZh, field.required ? "必填" : "选填", requirement(field, catalog: catalog), field.name, field.descriptionEn]
            }
        )
        let guideLayout = SheetLayout(columns: [.init(width: 18), .init(width: 10), .init(width: 40), .init(width: 22), .init(width: 60)], autoFilter: false)
        return try TableDownload.workbook([
            .init(name: Resource.titleZh, table: header, layout: layout(header, catalog: catalog)),
            .init(name: "填写说明", table: guide, layout: guideLayout),
        ], fileName: "\(Resource.path)-template.xlsx")
    }

    /// What a column takes, in words for the person filling it in.
    static func requirement(_ field: FieldSpec, catalog: ReferenceCatalog) -> String {
        switch CodeList.of(field) {
        case .district: return "从下拉列表选择区名（也可填行政区划代码）：" + catalog.divisions.sortedDistricts.map(\.name).joined(separator: "、")
        case .program: return "从下拉列表选择《职业教育专业目录（2021）》的专业代码（代码与专业名称见隐藏工作表“下拉列表”）"
        case nil: break
        }
        return switch field.kind {
        case .text(let max): "文本，最多\(max)字"
        case .integer(let min, let max): "整数，\(min)至\(max)"
        case .boolean: "是 或 否"
        case .choice(let codes): "从下拉列表选择：" + codes.map { field.display($0) }.joined(separator: "、")
        case .code(let max): "代码（最多\(max)位），须为目录中已有的代码"
        }
    }
}

extension FieldSpec.Kind {
    var isInteger: Bool { if case .integer = self { true } else { false } }
}

/// A table as a CSV or XLSX download, named with today's date.
enum TableDownload {
    static let xlsxType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    static func response(_ table: Table, format: String, fileStem: String, sheetName: String, layout: SheetLayout? = nil) throws -> Response {
        let stamp = CivilDate(date: Date()).description
        if format == "xlsx" {
            return try workbook([.init(name: sheetName, table: table, layout: layout)], fileName: "\(fileStem)-\(stamp).xlsx")
        }
        let response = Response(status: .ok)
        response.body = .init(data: Data(CSVWriter.write(table)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileStem)-\(stamp).\(format)\"")
        return response
    }

    /// A workbook of these sheets as a download named `fileName`.
    static func workbook(_ sheets: [XLSXWriter.Sheet], fileName: String) throws -> Response {
        let response = Response(status: .ok)
        response.body = .init(data: try XLSXWriter.write(sheets))
        response.headers.contentType = xlsxType
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return response
    }
}
