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
        let filtered = query.contains { $0.key != "sort" && $0.key != "per" && !$0.value.isEmpty }
        let queryString = Self.queryString(query.filter { $0.key != "page" })
        return layout.render(
            .div(
                .form(
                    .class("filters"), .method(.get), .action(safe: "/registry/\(path)"),
                    .label(.attribute(named: "for", value: "q"), .text(safe: l.t("搜索 ", "Search "))),
                    .input(.type(.search), .name("q"), .id("q"), .value(safe: query["q"] ?? ""), .placeholder(safe: searchHint(l))),
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
                    .unwrap(query["sort"]) { .input(.type(.hidden), .name("sort"), .value(safe: $0)) },
                    .button(.type(.submit), .text(safe: l.t("筛选", "Filter"))),
                    .if(filtered, .a(.id("clear-filters"), .href(safe: "/registry/\(path)"), .text(safe: l.t("清除筛选", "Clear filters"))))
                ),
                .p(
                    .class("actions"),
                    .span(.id("total"), .text(safe: l.t("共 \(page.total) 条", "\(page.total) records"))),
                    .a(.href(safe: "/registry/\(path)/export.csv?\(queryString)"), .text(safe: l.t("导出CSV", "Export CSV"))),
                    .a(.href(safe: "/registry/\(path)/export.xlsx?\(queryString)"), .text(safe: l.t("导出Excel", "Export XLSX"))),
                    .if(canImport, .a(.id("export-reimport"), .href(safe: "/registry/\(path)/export.xlsx?for=reimport&\(queryString)"),
                                      .attribute(named: "title", value: l.t("含记录编号，修改后可在“批量导入”导回，只更新改动的记录", "holds each record's id: edit it and import it back to update only what changed")),
                                      .text(safe: l.t("导出Excel（修改后导回）", "Export XLSX to edit and import back")))),
                    .if(canImport, .a(.id("import-link"), .href(safe: "/registry/\(path)/import"), .text(safe: l.t("批量导入", "Import"))))
                ),
                page.items.isEmpty
                    ? .p(.id("empty"), .class("empty"), .text(safe: filtered ? l.t("没有符合条件的记录。", "No records match.") : l.t("还没有记录。", "No records yet.")),
                         .if(filtered, .group(.text(" "), .a(.href(safe: "/registry/\(path)"), .text(safe: l.t("清除筛选", "Clear filters"))))))
                    : .div(.class("table-scroll"), .table(
                        .id("records"),
                        .thead(.tr(.forEach(fields) { header($0, l) })),
                        .tbody(.forEach(page.items) { item in
                            .tr(.forEach(fields) { field in .td(.text(safe: field.display(RegistryListPage.cell(item.fields[field.name], l), english: l == .en))) })
                        })
                    )),
                .if(pages > 1, paging(pages, l))
            )
        )
    }

    /// What the search box finds, in the words of this list's columns.
    func searchHint(_ l: Language) -> String {
        let identifying = fields.filter(\.identifiesRecord)
        let names = identifying.map { l == .zh ? $0.headerZh : $0.name }
        let byName = fields.contains { $0.name == "name" }
        switch (byName, names.isEmpty) {
        case (true, false): return l.t("名称或\(names.joined(separator: "、"))", "Name or \(names.joined(separator: ", "))")
        case (false, false): return names.joined(separator: l.t("、", ", "))
        default: return l.t("名称包含…", "Name contains…")
        }
    }

    /// A column header: a link that orders by the column (again: the other way), with aria-sort.
    func header(_ field: FieldSpec, _ l: Language) -> Node<HTML.TableRowContext> {
        let title = l == .zh ? field.headerZh : field.name
        guard field.isSortable else { return .th(.text(safe: title)) }
        let current = query["sort"]
        let ascending = current == field.name, descending = current == "-" + field.name
        var next = query
        next["sort"] = ascending ? "-" + field.name : field.name
        next["page"] = nil
        let mark = ascending ? " ▲" : descending ? " ▼" : ""
        return .th(
            .attribute(named: "aria-sort", value: ascending ? "ascending" : descending ? "descending" : "none"),
            .a(.class("sort"), .href(safe: Self.link(path, next, page: nil)), .text(safe: title + mark))
        )
    }

    /// First, previous, "page of pages", next, last, and a box to jump to a page.
    func paging(_ pages: Int, _ l: Language) -> Node<HTML.BodyContext> {
        let current = min(page.page, pages)
        return .nav(
            .class("paging"), .attribute(named: "aria-label", safe: l.t("分页", "Pages")),
            .if(current > 1, .group(
                .a(.href(safe: Self.link(path, query, page: 1)), .text(safe: l.t("首页", "First"))),
                .a(.href(safe: Self.link(path, query, page: current - 1)), .attribute(named: "rel", value: "prev"), .text(safe: l.t("上一页", "Previous")))
            )),
            .span(.id("page-of"), .text(safe: l.t(" 第 \(current) / \(pages) 页 ", " Page \(current) of \(pages) "))),
            .if(current < pages, .group(
                .a(.href(safe: Self.link(path, query, page: current + 1)), .attribute(named: "rel", value: "next"), .text(safe: l.t("下一页", "Next"))),
                .a(.href(safe: Self.link(path, query, page: pages)), .text(safe: l.t("末页", "Last")))
            )),
            .form(
                .class("jump"), .method(.get), .action(safe: "/registry/\(path)"),
                .forEach(query.filter { $0.key != "page" }.sorted { $0.key < $1.key }) { key, value in
                    .input(.type(.hidden), .name(safe: key), .value(safe: value))
                },
                .label(.attribute(named: "for", value: "page-jump"), .text(safe: l.t("跳至", "Go to page"))),
                .input(.type(.number), .name("page"), .id("page-jump"), .attribute(named: "min", value: "1"), .attribute(named: "max", value: String(pages)),
                       .value(String(current)), .attribute(named: "size", value: "4")),
                .button(.type(.submit), .text(safe: l.t("跳转", "Go")))
            )
        )
    }

    /// The list's address with these parameters (and page, if given).
    static func link(_ path: String, _ query: [String: String], page: Int?) -> String {
        var parameters = query.filter { $0.key != "page" && !$0.value.isEmpty }
        if let page { parameters["page"] = String(page) }
        let text = queryString(parameters)
        return "/registry/\(path)" + (text.isEmpty ? "" : "?" + text)
    }

    static func queryString(_ parameters: [String: String]) -> String {
        parameters.sorted { $0.key < $1.key }.map { "\(encoded($0.key))=\(encoded($0.value))" }.joined(separator: "&")
    }

    func choiceCodes(_ field: FieldSpec) -> [String]? {
        if case .choice(let codes) = field.kind { return codes }
        if case .boolean = field.kind { return ["true", "false"] }
        return nil
    }

    /// A query-string key or value: only URI-unreserved characters left as they are.
    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

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
