import Foundation
import Plot
import Registry

/// What the contribute form held, kept when it is shown again with errors.
struct LibraryFormValues: Sendable {
    var kind = LibraryResourceKind.video.rawValue
    var title = ""
    var description = ""
    var tags = ""
    var programCode = ""
    var occupationCode = ""
    var level = ""
    var language = "zh"
    var licence = LibraryLicence.ccBy.rawValue
    var author = ""
    var linkUrl = ""
}

enum LibraryViews {
    static func statusLabel(_ status: String, _ l: Language) -> String {
        LibraryReviewStatus(rawValue: status).map { l.t($0.labelZh, $0.labelEn) } ?? status
    }

    static func kindLabel(_ code: String, _ l: Language) -> String {
        LibraryResourceKind(rawValue: code).map { l.t($0.labelZh, $0.labelEn) } ?? code
    }

    static func licenceLabel(_ code: String, _ l: Language) -> String {
        LibraryLicence(rawValue: code).map { l.t($0.labelZh, $0.labelEn) } ?? code
    }

    static func path(_ id: UUID) -> String { "/library/resources/\(id.uuidString.lowercased())" }
    static func filePath(_ id: UUID) -> String { "/api/v1/library/resources/\(id.uuidString.lowercased())/file" }

    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / 1_048_576) : bytes >= 1024 ? "\(bytes / 1024) KiB" : "\(bytes) B"
    }

    static func list(_ items: [LibraryResource], id: String, _ l: Language) -> Node<HTML.BodyContext> {
        .ul(.id(safe: id), .class("tiles"), .forEach(items) { r in
            .li(.a(.href(safe: path(r.id)), .text(safe: r.title)),
                .p(.class("note"), .text(safe: [kindLabel(r.kind, l), r.programName ?? r.programCode ?? "", r.school ?? r.enterprise ?? l.t("市教育局", "City"),
                                                licenceLabel(r.licence, l), statusLabel(r.status, l)].filter { !$0.isEmpty }.joined(separator: " · "))))
        })
    }
}

/// 资源库: search with facets, links to contribute and to the review queue.
struct LibrarySearchPage {
    let layout: PageLayout
    let query: LibrarySearch.Query
    let result: LibrarySearchResult
    let canContribute: Bool
    let canReview: Bool

    /// The search link with one facet changed (nil removes it).
    func link(_ name: String, _ value: String?) -> String {
        var items: [(String, String)] = []
        if !query.text.isEmpty { items.append(("q", query.text)) }
        let current: [(String, String?)] = [("program", query.program), ("occupation", query.occupation), ("kind", query.kind),
                                            ("school", query.school?.uuidString.lowercased()), ("licence", query.licence)]
        for (key, old) in current {
            let v = key == name ? value : old
            if let v { items.append((key, v)) }
        }
        var components = URLComponents()
        components.path = "/library"
        components.queryItems = items.isEmpty ? nil : items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? "/library"
    }

    func facet(_ name: String, _ title: String, _ values: [LibraryFacetValue], selected: String?) -> Node<HTML.BodyContext> {
        .div(.class("card"), .id(safe: "facet-\(name)"),
             .h3(.text(safe: title)),
             .if(selected != nil, .p(.a(.href(safe: link(name, nil)), .text(safe: layout.language.t("× 清除", "× Clear"))))),
             .ul(.forEach(values) { v in
                 .li(.a(.href(safe: link(name, v.value)), .text(safe: v.label)), .text(" "),
                     .span(.class("count"), .attribute(named: "data-value", value: v.value), .text(safe: "(\(v.count))")),
                     .if(v.value == selected, .strong(.text(" ✓"))))
             }))
    }

    func render() -> String {
        let l = layout.language
        let form: Node<HTML.BodyContext> = .form(.id("library-search"), .method(.get), .action("/library"),
            .label(.for("library-q"), .text(safe: l.t("关键词（中文或英文）", "Words (Chinese or English)"))),
            .input(.id("library-q"), .type(.search), .name("q"), .value(safe: query.text), .attribute(named: "maxlength", value: "200")),
            .button(.type(.submit), .text(safe: l.t("检索", "Search"))))
        let actions: Node<HTML.BodyContext> = .p(.class("actions"),
            .if(canContribute, .a(.id("contribute-link"), .href("/library/contribute"), .text(safe: l.t("贡献资源", "Contribute a resource")))),
            .if(canReview, .a(.id("review-link"), .href("/library/reviews"), .text(safe: l.t("待审核", "Review queue")))))
        let facets: Node<HTML.BodyContext> = .div(.id("facets"),
            facet("kind", l.t("类型", "Kind"), result.facets.kind, selected: query.kind),
            facet("program", l.t("专业", "Program"), result.facets.program, selected: query.program),
            facet("occupation", l.t("职业", "Occupation"), result.facets.occupation, selected: query.occupation),
            facet("school", l.t("学校", "School"), result.facets.school, selected: query.school?.uuidString.lowercased()),
            facet("licence", l.t("许可", "Licence"), result.facets.licence, selected: query.licence))
        let pager: Node<HTML.BodyContext> = .p(.class("note"),
            .if(query.page > 1, .a(.href(safe: link("", nil) + (link("", nil).contains("?") ? "&" : "?") + "page=\(query.page - 1)"), .text(safe: l.t("上一页 ", "Previous ")))),
            .if(query.page * query.per < result.total, .a(.id("next-page"), .href(safe: link("", nil) + (link("", nil).contains("?") ? "&" : "?") + "page=\(query.page + 1)"), .text(safe: l.t("下一页", "Next")))))
        return layout.render(.div(
            actions, form,
            .p(.id("library-total"), .text(safe: l.t("共 \(result.total) 项", "\(result.total) resources"))),
            LibraryViews.list(result.items, id: "library-results", l), pager,
            .h2(.text(safe: l.t("筛选", "Narrow down"))), facets))
    }
}

/// 资源详情: the player (video, picture) or a download, its catalogue facts, its versions, and
/// the owner's and the reviewer's actions.
struct LibraryResourcePage {
    let layout: PageLayout
    let detail: LibraryResourceDetail
    let canSubmit: Bool
    let canDecide: Bool
    var reason = ""
    var errors: [FieldError] = []

    func player(_ r: LibraryResource) -> Node<HTML.BodyContext> {
        let l = layout.language
        if let link = r.linkUrl {
            return .p(.a(.id("tool-link"), .href(safe: link), .attribute(named: "rel", value: "noopener noreferrer"), .text(safe: l.t("打开工具", "Open the tool"))))
        }
        guard let file = r.file else { return .p(.text(safe: l.t("尚无文件。", "No file yet."))) }
        let src = LibraryViews.filePath(r.id)
        let download: Node<HTML.BodyContext> = .p(.a(.id("download"), .href(safe: src + "?download=1"),
                                                    .text(safe: l.t("下载", "Download") + " \(file.fileName) (\(LibraryViews.size(file.size)))")))
        if file.contentType.hasPrefix("video/") {
            return .group(.element(named: "video", nodes: [.attribute(named: "id", value: "player"), .attribute(named: "controls", value: "controls"),
                                                           .attribute(named: "preload", value: "metadata"), .attribute(named: "width", value: "360"),
                                                           .attribute(named: "src", value: src)]), download)
        }
        if file.contentType.hasPrefix("image/") {
            return .group(.img(.id("picture"), .src(src), .alt(r.title), .attribute(named: "width", value: "360")), download)
        }
        if file.contentType.hasPrefix("audio/") {
            return .group(.element(named: "audio", nodes: [.attribute(named: "controls", value: "controls"), .attribute(named: "src", value: src)]), download)
        }
        return download
    }

    func render() -> String {
        let l = layout.language
        let r = detail.resource
        let base = LibraryViews.path(r.id)
        let facts: Node<HTML.BodyContext> = .dl(.id("resource-facts"),
            .dt(.text(safe: l.t("类型", "Kind"))), .dd(.text(safe: LibraryViews.kindLabel(r.kind, l))),
            .dt(.text(safe: l.t("状态", "Status"))), .dd(.span(.id("resource-status"), .class(safe: "status status-\(r.status)"), .text(safe: LibraryViews.statusLabel(r.status, l)))),
            .unwrap(r.reviewReason) { .group(.dt(.text(safe: l.t("审核意见", "Review"))), .dd(.id("review-reason"), .text(safe: $0))) },
            .dt(.text(safe: l.t("作者", "Author"))), .dd(.text(safe: r.author)),
            .dt(.text(safe: l.t("来源", "From"))), .dd(.text(safe: r.school ?? r.enterprise ?? l.t("市教育局", "City education bureau"))),
            .unwrap(r.programCode) { code in .group(.dt(.text(safe: l.t("专业", "Program"))), .dd(.text(safe: "\(code) \(r.programName ?? "")"))) },
            .unwrap(r.occupationCode) { code in .group(.dt(.text(safe: l.t("职业", "Occupation"))), .dd(.text(safe: "\(code) \(r.occupationName ?? "")"))) },
            .unwrap(r.level) { level in .group(.dt(.text(safe: l.t("层次", "Level"))), .dd(.text(safe: EducationLevel(rawValue: level).map { l.t($0.labelZh, $0.labelEn) } ?? level))) },
            .dt(.text(safe: l.t("语言", "Language"))), .dd(.text(safe: LibraryLanguage.codes.first { $0.code == r.language }.map { l.t($0.zh, $0.en) } ?? r.language)),
            .dt(.text(safe: l.t("许可", "Licence"))), .dd(.text(safe: LibraryViews.licenceLabel(r.licence, l))),
            .if(!r.tags.isEmpty, .group(.dt(.text(safe: l.t("标签", "Tags"))), .dd(.text(safe: r.tags.joined(separator: "、"))))))
        let submit: Node<HTML.BodyContext> = .if(canSubmit, .form(.id("submit-form"), .method(.post), .action(safe: base + "/submission"),
            .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
            .button(.type(.submit), .id("submit-review"), .text(safe: l.t("提交审核", "Send for review")))))
        let decision: Node<HTML.BodyContext> = .if(canDecide, .group(
            .h2(.text(safe: l.t("审核", "Review"))),
            .form(.id("decision-form"), .method(.post), .action(safe: base + "/decision"),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .label(.for("decision-reason"), .text(safe: l.t("审核意见（必填）", "Reason (required)"))),
                  .textarea(.id("decision-reason"), .name("reason"), .attribute(named: "rows", value: "2"),
                            .attribute(named: "maxlength", value: String(LibraryRules.maxReason)), .text(safe: reason)),
                  FormErrors.message(errors, field: "reason", l),
                  FormErrors.message(errors, field: "decision", l),
                  .div(.button(.type(.submit), .name("decision"), .value("share"), .id("share"), .text(safe: l.t("共享", "Share"))),
                       .button(.type(.submit), .name("decision"), .value("return"), .id("return"), .text(safe: l.t("退回", "Return")))))))
        let head: Node<HTML.TableContext> = .thead(.tr(.th(.text(safe: l.t("版本", "Version"))), .th(.text(safe: l.t("文件", "File"))),
                                                      .th(.text(safe: l.t("大小", "Size"))), .th(.text(safe: l.t("上传", "Uploaded")))))
        let rows: Node<HTML.TableContext> = .tbody(.forEach(detail.versions) { v in
            .tr(.td(.a(.href(safe: LibraryViews.filePath(r.id) + "?version=\(v.number)&download=1"), .text(safe: "v\(v.number)"))),
                .td(.text(safe: "\(v.fileName) (\(v.contentType))")), .td(.text(safe: LibraryViews.size(v.size))),
                .td(.text(safe: "\(v.uploadedBy) \(String(v.createdAt.prefix(16)).replacingOccurrences(of: "T", with: " "))")))
        })
        return layout.render(.div(
            player(r), .p(.text(safe: r.description)), facts,
            FormErrors.message(errors, field: "status", l),
            submit, decision,
            .if(!detail.versions.isEmpty, .group(.h2(.text(safe: l.t("版本", "Versions"))), .div(.class("table-scroll"), .table(.id("versions"), head, rows)))),
            .p(.a(.href("/library"), .text(safe: l.t("返回资源库", "Back to the library"))))))
    }
}

/// 贡献资源: the contribution form, keeping what was typed; a summary of the problems at the top
/// and each by its field, in the page's language.
struct LibraryContributePage {
    let layout: PageLayout
    var form = LibraryFormValues()
    var errors: [FieldError] = []

    func render() -> String {
        let l = layout.language
        func field(_ id: String, _ name: String, _ label: String, _ value: String, max: Int, errorField: String? = nil) -> Node<HTML.FormContext> {
            .group(.label(.for(id), .text(safe: label)),
                   .input(.id(safe: id), .type(.text), .name(safe: name), .value(safe: value), .attribute(named: "maxlength", value: String(max))),
                   FormErrors.message(errors, field: errorField ?? name, l))
        }
        func select(_ id: String, _ name: String, _ label: String, _ options: [(String, String)], selected: String) -> Node<HTML.FormContext> {
            .group(.label(.for(id), .text(safe: label)),
                   .select(.id(safe: id), .attribute(named: "name", value: name),
                           .group(options.map { .option(.value(safe: $0.0), .label(safe: $0.1), .isSelected($0.0 == selected)) })),
                   FormErrors.message(errors, field: name, l))
        }
        let kinds = LibraryResourceKind.allCases.map { ($0.rawValue, l.t($0.labelZh, $0.labelEn)) }
        let licences = LibraryLicence.allCases.map { ($0.rawValue, l.t($0.labelZh, $0.labelEn)) }
        let languages = LibraryLanguage.codes.map { ($0.code, l.t($0.zh, $0.en)) }
        let levels = [("", l.t("不限", "Any"))] + EducationLevel.allCases.map { ($0.rawValue, l.t($0.labelZh, $0.labelEn)) }
        let labels = ["kind": l.t("类型", "Kind"), "title": l.t("标题", "Title"), "description": l.t("简介", "Description"), "tags": l.t("标签", "Tags"),
                      "programCode": l.t("专业代码", "Program code"), "occupationCode": l.t("职业代码", "Occupation code"), "level": l.t("层次", "Level"),
                      "language": l.t("语言", "Language"), "licence": l.t("许可协议", "Licence"), "author": l.t("作者", "Author"),
                      "linkUrl": l.t("工具网址", "Tool URL"), "file": l.t("文件", "File")]
        let controls = ["kind": "lib-kind", "title": "lib-title", "description": "lib-description", "tags": "lib-tags", "programCode": "lib-program",
                        "occupationCode": "lib-occupation", "level": "lib-level", "language": "lib-language", "licence": "lib-licence",
                        "author": "lib-author", "linkUrl": "lib-link", "file": "lib-file"]
        let rejected: Node<HTML.BodyContext> = .group(
            FormErrors.summary(errors, labels: labels, l, controls: controls),
            .if(!errors.isEmpty, .p(.class("note"), .id("contribute-rejected"),
                                    .text(safe: l.t("未保存。如已选择文件，请重新选择。", "Not saved. Choose the file again if you had chosen one.")))))
        let body: Node<HTML.BodyContext> = .form(.id("contribute-form"), .method(.post), .action("/library/contribute"),
            .attribute(named: "enctype", value: "multipart/form-data"),
            .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
            select("lib-kind", "kind", l.t("类型", "Kind"), kinds, selected: form.kind),
            field("lib-title", "title", l.t("标题", "Title"), form.title, max: LibraryRules.maxTitle),
            .label(.for("lib-description"), .text(safe: l.t("简介", "Description"))),
            .textarea(.id("lib-description"), .name("description"), .attribute(named: "rows", value: "4"),
                      .attribute(named: "maxlength", value: String(LibraryRules.maxDescription)), .text(safe: form.description)),
            FormErrors.message(errors, field: "description", l),
            field("lib-tags", "tags", l.t("标签（逗号分隔）", "Tags (comma-separated)"), form.tags, max: 1000),
            field("lib-program", "programCode", l.t("专业代码（专业目录2021）", "Program code (2021 catalogue)"), form.programCode, max: 20),
            field("lib-occupation", "occupationCode", l.t("职业代码（职业分类大典2022）", "Occupation code (2022 classification)"), form.occupationCode, max: 20),
            select("lib-level", "level", l.t("层次", "Level"), levels, selected: form.level),
            select("lib-language", "language", l.t("语言", "Language"), languages, selected: form.language),
            select("lib-licence", "licence", l.t("许可协议", "Licence"), licences, selected: form.licence),
            field("lib-author", "author", l.t("作者", "Author"), form.author, max: LibraryRules.maxAuthor),
            field("lib-link", "linkUrl", l.t("工具网址（仅 LTI 工具链接）", "Tool URL (LTI tool links only)"), form.linkUrl, max: LibraryRules.maxURL),
            .label(.for("lib-file"), .text(safe: l.t("文件（最大 \(LibraryFiles.maxFormBytes >> 20) MiB；更大的文件请用接口上传）",
                                                    "File (at most \(LibraryFiles.maxFormBytes >> 20) MiB here; larger files through the API)"))),
            .input(.id("lib-file"), .type(.file), .name("file")),
            FormErrors.message(errors, field: "file", l),
            .div(.button(.type(.submit), .id("contribute"), .text(safe: l.t("保存", "Save")))))
        return layout.render(.div(
            .p(.text(safe: l.t("保存后资源仅本校（本企业）可见；提交审核并经市教育局共享后全市可见。“校内使用”许可的资源始终只在本校可见。",
                               "A saved resource is seen by your own school (or enterprise) only; once sent for review and shared by the city it is seen city-wide. School-only resources stay within the school."))),
            rejected, body))
    }
}

/// 待审核: the city's queue of resources under review.
struct LibraryReviewPage {
    let layout: PageLayout
    let items: [LibraryResource]

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .if(items.isEmpty, .p(.id("no-reviews"), .text(safe: l.t("没有待审核的资源。", "Nothing is waiting for review.")))),
            LibraryViews.list(items, id: "review-queue", l)))
    }
}
