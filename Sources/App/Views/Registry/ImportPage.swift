import Foundation
import Plot
import Registry

/// 批量导入: upload a CSV or XLSX file; on rejection, every error by row and column.
struct ImportPage {
    let layout: PageLayout
    let path: String
    let fields: [FieldSpec]
    var outcome: ImportOutcome?
    var errors: [RowError] = []
    /// How many errors the file had (more than `errors` holds when the list was capped).
    var errorTotal: Int?
    var fileError: String?
    /// The rejected upload with an 错误 column (`AnnotatedWorkbook`), offered as a download.
    var annotated: Data?

    func errorTable() -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        let l = layout.language
        let rows: [RowError] = Array(errors.prefix(500))
        let total = errorTotal ?? errors.count
        let summary = l.t("文件未导入：共 \(total) 处错误，未写入任何数据。", "File not imported: \(total) errors, nothing was written.")
        let head: Node<HTML.TableContext> = .thead(.tr(.th(.text(safe: l.t("行", "Row"))), .th(.text(safe: l.t("列", "Column"))), .th(.text(safe: l.t("原因", "Reason")))))
        let body: Node<HTML.TableContext> = .tbody(.forEach(rows) { (e: RowError) -> Node<HTML.TableContext> in
            .tr(.td(.text(safe: String(e.row))), .td(.text(safe: e.column)), .td(.text(safe: l.t(e.error.reasonZh, e.error.reasonEn))))
        })
        return .div(
            .p(.class("error"), .id("import-rejected"), .text(safe: summary)),
            .unwrap(annotated) { data in
                // In the page itself: the upload is not kept on the server.
                .p(.a(.id("annotated"), .attribute(named: "download", value: "\(path)-errors.xlsx"),
                      .href(safe: "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," + data.base64EncodedString()),
                      .text(safe: l.t("下载标注了错误的文件（每行的“错误”列写明原因，改正后可直接重新上传）",
                                      "Download the file with an 错误 column giving each row's errors (fix them and upload the same file again)"))))
            },
            .table(.id("import-errors"), head, body))
    }

    func result(_ l: Language, _ outcome: ImportOutcome) -> Node<HTML.BodyContext> {
        let text = outcome.namedRegistered
            ? l.t("已导入：\(outcome.countsZh)。", "Imported: \(outcome.countsEn).")
            : l.t("已导入 \(outcome.inserted) 行。", "Imported \(outcome.inserted) rows.")
        return .p(.class("ok"), .id("import-result"), .attribute(named: "role", value: "status"), .text(safe: text))
    }

    func render() -> String {
        let l = layout.language
        return layout.render(
            .div(
                .p(.text(safe: l.t("支持CSV（UTF-8、带BOM的UTF-8、GB18030）和Excel（.xlsx）。整个文件先校验，任何一行有误则不写入任何数据。",
                             "CSV (UTF-8, UTF-8 with BOM, GB18030) and Excel (.xlsx). The whole file is checked first; if any row is wrong nothing is written."))),
                .p(.text(safe: l.t("列：", "Columns: ") + fields.map { $0.headerZh + ($0.required ? "*" : "") }.joined(separator: "，"))),
                .p(.a(.id("template"), .href(safe: "/registry/\(path)/template.xlsx"),
                      .text(safe: l.t("下载Excel模板（含下拉选项和填写说明）", "Download the Excel template (drop-downs and a guide to each column)")))),
                .p(.text(safe: l.t("从列表页“导出Excel（修改后导回）”下载的文件带有“记录编号”列：修改后导回，只更新改动过的记录；新增的行记录编号留空。证件号码保持导出时的遮挡值即表示不修改。",
                             "A file from the list's \"Export XLSX to edit and import back\" has a 记录编号 (record id) column: import it back after editing and only the records you changed are updated; leave the id empty on new rows. An ID number left masked as exported stays as stored."))),
                .unwrap(outcome) { result(l, $0) },
                .unwrap(fileError) { .p(.class("error"), .text(safe: $0)) },
                errorTable(),
                .form(
                    .method(.post), .action(safe: "/registry/\(path)/import"), .enctype(.multipartData), .id("import-form"),
                    .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                    .label(.for("file"), .text(safe: l.t("CSV 或 XLSX 文件", "CSV or XLSX file"))),
                    .input(.type(.file), .name("file"), .id("file"), .required(true), .attribute(named: "accept", value: ".csv,.xlsx")),
                    .button(.type(.submit), .id("upload"), .text(safe: l.t("上传并导入", "Upload and import")))
                )
            )
        )
    }
}
