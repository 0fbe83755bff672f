import CreditBank
import Plot

/// 成果批量推送: an issuer uploads a CSV or XLSX of outcomes; all rows go in or none.
struct OutcomeImportPage {
    let layout: PageLayout
    let result: CreditBankAPIController.ImportResult?
    /// (spreadsheet row, column, message) of a rejected file.
    let errors: [(row: Int, column: String, message: String)]

    static let columns: [(field: String, zh: String)] = [
        ("learnerId", "学分银行账户"), ("kind", "成果类型"), ("title", "成果名称"), ("issuer", "颁发机构"), ("code", "证书或课程代码"),
        ("levelFramework", "资历框架"), ("level", "级别"), ("credits", "学分"), ("hours", "学时"), ("score", "成绩"),
        ("awardedOn", "取得日期"), ("validUntil", "有效期至"), ("field", "专业大类"),
    ]

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .p(.text(safe: l.t("上传 CSV 或 XLSX，首行为表头（中文或英文字段名）：", "Upload CSV or XLSX with a header row (Chinese or English field names): ")
                + Self.columns.map { "\($0.zh) \($0.field)" }.joined(separator: "，"))),
            .p(.class("note"), .text(safe: l.t("成果类型：", "Kinds: ") + OutcomeKind.allCases.map { "\($0.rawValue)（\($0.labelZh)）" }.joined(separator: "、")
                + l.t("。学校推送时颁发机构记为本校。有一行出错则整份文件不导入。", ". A school pushes as itself. One bad row and nothing is imported."))),
            .form(.method(.post), .action("/credit-bank/import"), .enctype(.multipartData),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .label(.for("outcome-file"), .text(safe: l.t("成果文件（CSV 或 XLSX）", "Outcome file (CSV or XLSX)"))),
                  .input(.type(.file), .name("file"), .id("outcome-file")),
                  .button(.type(.submit), .id("import-outcomes"), .text(safe: l.t("导入", "Import")))),
            .unwrap(result) { r in
                .p(.id("import-summary"), .class("ok"), .text(safe: l.t("已导入 \(r.imported) 项：自动认定 \(r.recognised)，待审核 \(r.needsReview)，未予认定 \(r.rejected)。",
                                                                   "\(r.imported) imported: \(r.recognised) recognised, \(r.needsReview) to review, \(r.rejected) rejected.")))
            },
            .if(!errors.isEmpty, .table(.id("import-errors"),
                                        .thead(.tr(.th(.text(safe: l.t("行", "Row"))), .th(.text(safe: l.t("列", "Column"))), .th(.text(safe: l.t("问题", "Problem"))))),
                                        .tbody(.forEach(errors) { e in .tr(.td(.text(safe: String(e.row))), .td(.text(safe: e.column)), .td(.class("error"), .text(safe: e.message))) })))
        ))
    }
}
