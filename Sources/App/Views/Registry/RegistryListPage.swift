import Plot
import Registry

/// A registry list: filters, a table of the records in scope (identity numbers masked), paging,
/// export, and the import link for roles that may write.
struct RegistryListPage {
    let layout: PageLayout
    let path: String
    let fields: [FieldSpec]
    let filterFields: [FieldSpec]
    let page: RecordPage
    let query: [String: String]
    let canImport: Bool

    func render() -> String {
        let l = layout.language
        let pages = max(1, (page.total + page.per - 1) / page.per)
        let queryString = query.filter { $0.key != "page" }.sorted { $0.key < $1.key }.map { "\(Self.encoded($0.key))=\(Self.encoded($0.value))" }.joined(separator: "&")
        return layout.render(
            .div(
                .form(
                    .class("filters"), .method(.get), .action(safe: "/registry/\(path)"),
                    .label(.attribute(named: "for", value: "q"), .text(safe: l.t("搜索 ", "Search "))),
                    .input(.type(.search), .name("q"), .id("q"), .value(safe: query["q"] ?? ""), .placeholder(safe: l.t("名称包含…", "Name contains…"))),
                    .forEach(filterFields) { field in
                        .unwrap(choiceCodes(field)) { codes in
                            .select(
                                .attribute(named: "name", safe: field.name), .attribute(named: "aria-label", safe: l == .zh ? field.headerZh : field.name),
                                .option(.value(""), .label(safe: l == .zh ? field.headerZh : field.name)),
                                .forEach(codes) { code in
                                    .option(.value(safe: code), .label(safe: field.display(code, english: l == .en)), .isSelected(query[field.name] == code))
                                }
                            )
                        }
                    },
                    .button(.type(.submit), .text(safe: l.t("筛选", "Filter")))
                ),
                .p(
                    .class("actions"),
                    .span(.id("total"), .text(safe: l.t("共 \(page.total) 条", "\(page.total) records"))),
                    .a(.href(safe: "/registry/\(path)/export.csv?\(queryString)"), .text(safe: l.t("导出CSV", "Export CSV"))),
                    .a(.href(safe: "/registry/\(path)/export.xlsx?\(queryString)"), .text(safe: l.t("导出Excel", "Export XLSX"))),
                    .if(canImport, .a(.id("import-link"), .href(safe: "/registry/\(path)/import"), .text(safe: l.t("批量导入", "Import"))))
                ),
                .table(
                    .id("records"),
                    .thead(.tr(.forEach(fields) { .th(.text(safe: l == .zh ? $0.headerZh : $0.name)) })),
                    .tbody(.forEach(page.items) { item in
                        .tr(.forEach(fields) { field in .td(.text(safe: field.display(RegistryListPage.cell(item.fields[field.name], l), english: l == .en))) })
                    })
                ),
                .p(
                    .class("paging"),
                    .if(page.page > 1, .a(.href(safe: "/registry/\(path)?\(queryString)&page=\(page.page - 1)"), .text(safe: l.t("上一页", "Previous")))),
                    .span(.text(safe: " \(page.page) / \(pages) ")),
                    .if(page.page < pages, .a(.href(safe: "/registry/\(path)?\(queryString)&page=\(page.page + 1)"), .text(safe: l.t("下一页", "Next"))))
                )
            )
        )
    }

    func choiceCodes(_ field: FieldSpec) -> [String]? {
        if case .choice(let codes) = field.kind { return codes }
        if case .boolean = field.kind { return ["true", "false"] }
        return nil
    }

    /// A query-string key or value: only letters and digits left as they are.
    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    static func cell(_ value: JSONValue?, _ l: Language) -> String {
        switch value {
        case .string(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? l.t("是", "yes") : l.t("否", "no")
        default: ""
        }
    }
}

import Foundation
