import Fluent
import Foundation
import Registry
import SQLKit
import Vapor

/// The resource library's records: contributions, versions, review. Every change is one
/// transaction with its audit row, appended last; every read goes through the access policy
/// (`AccessPolicy+Library`): a resource the caller may not see is 404, like a missing one.
struct LibraryStore: Sendable {
    let req: Request
    let caller: Caller
    var now: Date = Date()

    init(_ req: Request, caller: Caller) {
        self.req = req
        self.caller = caller
    }

    static let auditEntity = "library-resources"

    var sql: any SQLDatabase { get throws { try req.sql } }
    var files: DiskContentStore { req.application.libraryStore }
    var catalog: ReferenceCatalog { req.services.catalog }

    static func ms(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func iso(_ ms: Int64) -> String { Date(timeIntervalSince1970: Double(ms) / 1000).formatted(.iso8601) }

    // MARK: - Checking input

    struct Checked: Sendable {
        var kind: LibraryResourceKind
        var title: String
        var description: String
        var tags: [String]
        var programCode: String?
        var occupationCode: String?
        var level: String?
        var language: String
        var licence: LibraryLicence
        var author: String
        var file: CheckedFile?
        var linkURL: String?
    }

    struct CheckedFile: Sendable {
        var sha256: String
        var size: Int64
        var contentType: String
        var fileName: String
    }

    /// Checks a contribution's fields; every error at once, naming its field.
    func check(_ input: LibraryResourceInput) -> Result<Checked, AppError> {
        var errors: [FieldError] = []
        let kind = LibraryResourceKind(label: input.kind)
        if kind == nil {
            errors.append(FieldError(field: "kind", zh: "须从资源类型中选择：\(LibraryResourceKind.allCases.map(\.rawValue).joined(separator: "、"))",
                                     en: "must be one of \(LibraryResourceKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.append(FieldError(field: "title", zh: "请填写标题", en: "give a title")) }
        else if title.count > LibraryRules.maxTitle { errors.append(.tooLong("title", max: LibraryRules.maxTitle)) }
        let description = (input.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if description.count > LibraryRules.maxDescription { errors.append(.tooLong("description", max: LibraryRules.maxDescription)) }
        var tags: [String] = []
        for tag in input.tags ?? [] {
            let clean = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            if clean.isEmpty || tags.contains(clean) { continue }
            if clean.count > LibraryRules.maxTag || clean.contains(where: \.isNewline) {
                errors.append(FieldError(field: "tags", zh: "每个标签最多\(LibraryRules.maxTag)个字符，不含换行", en: "each tag is at most \(LibraryRules.maxTag) characters, no line breaks"))
                break
            }
            tags.append(clean)
        }
        if tags.count > LibraryRules.maxTags { errors.append(FieldError(field: "tags", zh: "最多\(LibraryRules.maxTags)个标签", en: "at most \(LibraryRules.maxTags) tags")) }
        let program = input.programCode?.trimmingCharacters(in: .whitespaces).nonEmpty
        if let program, catalog.programs[program] == nil {
            errors.append(FieldError(field: "programCode", zh: "“\(program)”不在职业教育专业目录（2021）中", en: "'\(program)' is not in the 2021 vocational program catalogue"))
        }
        let occupation = input.occupationCode?.trimmingCharacters(in: .whitespaces).nonEmpty
        if let occupation, catalog.occupations[occupation] == nil {
            errors.append(FieldError(field: "occupationCode", zh: "“\(occupation)”不在职业分类大典（2022）中", en: "'\(occupation)' is not in the 2022 occupation classification"))
        }
        let level = input.level?.trimmingCharacters(in: .whitespaces).nonEmpty
        if let level, EducationLevel(label: level) == nil {
            errors.append(FieldError(field: "level", zh: "层次只能是 secondary（中职）、associate（高职专科）或 undergraduate（职业本科）",
                                     en: "must be secondary, associate or undergraduate"))
        }
        let language = input.language.trimmingCharacters(in: .whitespaces)
        if !languageCodes.contains(language) {
            errors.append(FieldError(field: "language", zh: "语言只能是 \(languageCodes.joined(separator: "、"))", en: "must be one of \(languageCodes.joined(separator: ", "))"))
        }
        let licence = LibraryLicence(label: input.licence)
        if licence == nil {
            errors.append(FieldError(field: "licence", zh: "须从许可协议中选择：\(LibraryLicence.allCases.map(\.rawValue).joined(separator: "、"))",
                                     en: "must be one of \(LibraryLicence.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let author = input.author.trimmingCharacters(in: .whitespacesAndNewlines)
        if author.isEmpty { errors.append(FieldError(field: "author", zh: "请填写作者", en: "name the author")) }
        else if author.count > LibraryRules.maxAuthor { errors.append(.tooLong("author", max: LibraryRules.maxAuthor)) }
        var file: CheckedFile?
        var link: String?
        if kind == .ltiLink {
            link = input.linkUrl?.trimmingCharacters(in: .whitespaces).nonEmpty
            if let text = link {
                if !(text.hasPrefix("https://") || text.hasPrefix("http://")) || URL(string: text)?.host == nil || text.count > LibraryRules.maxURL {
                    errors.append(FieldError(field: "linkUrl", zh: "须为 http(s) 网址", en: "must be an http(s) URL"))
                }
            } else {
                errors.append(FieldError(field: "linkUrl", zh: "LTI 工具链接须填写网址", en: "an LTI tool link needs its URL"))
            }
            if input.file != nil { errors.append(FieldError(field: "file", zh: "链接类资源不带文件", en: "a link carries no file")) }
        } else if let kind {
            if let reference = input.file {
                let result = checkFile(reference, kind: kind, field: "file")
                file = result.file
                errors += result.errors
            } else {
                errors.append(FieldError(field: "file", zh: "请上传文件", en: "upload a file"))
            }
        }
        guard errors.isEmpty, let kind, let licence else { return .failure(.validation(errors)) }
        return .success(Checked(kind: kind, title: title, description: description, tags: tags, programCode: program, occupationCode: occupation,
                                level: level.flatMap(EducationLevel.init(label:))?.rawValue, language: language, licence: licence, author: author, file: file, linkURL: link))
    }

    private var languageCodes: [String] { LibraryLanguage.codes.map(\.code) }

    /// Checks a file reference: stored, its name plain, and its bytes what its declared type and
    /// the resource's kind say (sniffed from the stored file, never taken on trust).
    func checkFile(_ reference: LibraryFileReference, kind: LibraryResourceKind, field: String) -> (file: CheckedFile?, errors: [FieldError]) {
        var errors: [FieldError] = []
        let name = reference.fileName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > LibraryRules.maxFileName || name.contains("/") || name.contains("\\") || name.hasPrefix(".") {
            errors.append(FieldError(field: "\(field).fileName", zh: "文件名须为1至\(LibraryRules.maxFileName)个字符，不含路径", en: "must be 1 to \(LibraryRules.maxFileName) characters with no path"))
        }
        let sha = reference.sha256.lowercased()
        guard let path = files.path(of: sha) else {
            errors.append(FieldError(field: "\(field).sha256", zh: "文件尚未上传（先 POST /api/v1/library/files）", en: "no such uploaded file (POST /api/v1/library/files first)"))
            return (nil, errors)
        }
        let sniffed = LibraryContentSniffer.sniff(files.head(of: sha))
        guard let declared = LibraryContentSniffer.family(ofDeclared: reference.contentType) else {
            errors.append(FieldError(field: "\(field).contentType", zh: "不接受“\(reference.contentType)”类型的文件", en: "files of type '\(reference.contentType)' are not taken"))
            return (nil, errors)
        }
        if declared != sniffed.family {
            errors.append(FieldError(field: "\(field).contentType",
                                     zh: "文件内容是 \(sniffed.contentType)，与声明的 \(reference.contentType) 不符",
                                     en: "the file's bytes are \(sniffed.contentType), not the declared \(reference.contentType)"))
        } else if !kind.families.contains(sniffed.family) {
            errors.append(FieldError(field: "\(field).contentType", zh: "\(kind.labelZh)资源不能是 \(sniffed.contentType) 文件",
                                     en: "a \(kind.labelEn.lowercased()) cannot be a \(sniffed.contentType) file"))
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value ?? 0
        guard errors.isEmpty else { return (nil, errors) }
        return (CheckedFile(sha256: sha, size: size, contentType: LibraryContentSniffer.servedType(declared: reference.contentType, sniffed: sniffed), fileName: name), [])
    }

    // MARK: - Changing

    /// Stores a contribution (status contributed) with its first version.
    func contribute(_ input: LibraryResourceInput) async throws -> LibraryResource {
        guard let contributor = AccessPolicy.libraryContributor(caller: caller.scope) else { throw AppError.forbidden }
        let checked = try check(input).get()
        let owner: LibraryOwner
        if case .owner(let own) = contributor { owner = own } else { owner = LibraryOwner() }
        let id = UUID()
        let stamp = Self.ms(now)
        let caller = self.caller
        let tokens = LibrarySearchTokens.index([checked.title, checked.description, checked.tags.joined(separator: " ")].joined(separator: " ")).joined(separator: " ")
        let entry = req.auditEntry(action: "contribute", entity: Self.auditEntity, recordID: id.uuidString,
                                   detail: "\(checked.kind.rawValue): \(checked.title)" + (checked.file.map { " [\($0.sha256)]" } ?? ""))
        try await req.audited { tx in
            let sql = try Self.sql(tx)
            try await sql.insert(into: "library_resources")
                .columns("id", "institution_id", "enterprise_id", "contributor_id", "contributor_name", "kind", "title", "description", "tags",
                         "program_code", "occupation_code", "level", "language", "licence", "author", "link_url", "status", "current_version",
                         "search_tokens", "created_at_ms", "updated_at_ms")
                .values(SQLBind(id), SQLBind(owner.institutionID), SQLBind(owner.enterpriseID), SQLBind(caller.userID), SQLBind(caller.auditName),
                        SQLBind(checked.kind.rawValue), SQLBind(checked.title), SQLBind(checked.description), SQLBind(checked.tags.joined(separator: "\n")),
                        SQLBind(checked.programCode), SQLBind(checked.occupationCode), SQLBind(checked.level), SQLBind(checked.language),
                        SQLBind(checked.licence.rawValue), SQLBind(checked.author), SQLBind(checked.linkURL), SQLBind(LibraryReviewStatus.contributed.rawValue),
                        SQLBind(checked.file == nil ? 0 : 1), SQLBind(tokens), SQLBind(stamp), SQLBind(stamp))
                .run()
            if let file = checked.file {
                try await Self.insertVersion(sql, resource: id, number: 1, file: file, note: "", by: caller.auditName, at: stamp)
            }
            try await LibrarySearch.index(sql, resource: id, tokens: tokens)
            return ((), entry)
        }
        guard let resource = try await find(id) else { throw AppError.notFound }
        return resource
    }

    static func insertVersion(_ sql: any SQLDatabase, resource: UUID, number: Int, file: CheckedFile, note: String, by: String, at stamp: Int64) async throws {
        try await sql.insert(into: "library_versions")
            .columns("resource_id", "number", "sha256", "size", "content_type", "file_name", "note", "uploaded_by_name", "created_at_ms")
            .values(SQLBind(resource), SQLBind(number), SQLBind(file.sha256), SQLBind(file.size), SQLBind(file.contentType), SQLBind(file.fileName),
                    SQLBind(note), SQLBind(by), SQLBind(stamp))
            .run()
    }

    /// A new file for a resource: a new version. A shared or returned resource goes back to
    /// contributed — the new file has not been reviewed.
    func addVersion(_ id: UUID, _ input: LibraryVersionInput) async throws -> LibraryResource {
        guard let (placement, kindText) = try await placement(id), AccessPolicy.canReadLibraryResource(placement, caller: caller.scope) else { throw AppError.notFound }
        guard AccessPolicy.canEditLibraryResource(placement, caller: caller.scope) else {
            if placement.status == .underReview { throw AppError.conflict(FieldError(field: "status", zh: "审核中的资源不能修改", en: "a resource under review cannot be changed")) }
            throw AppError.forbidden
        }
        guard let kind = LibraryResourceKind(rawValue: kindText), kind != .ltiLink else {
            throw AppError.validation([FieldError(field: "file", zh: "链接类资源不带文件", en: "a link carries no file")])
        }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if note.count > LibraryRules.maxNote { errors.append(.tooLong("note", max: LibraryRules.maxNote)) }
        let result = checkFile(input.file, kind: kind, field: "file")
        errors += result.errors
        guard errors.isEmpty, let file = result.file else { throw AppError.validation(errors) }
        let stamp = Self.ms(now)
        let caller = self.caller
        let entry = req.auditEntry(action: "add-version", entity: Self.auditEntity, recordID: id.uuidString, detail: "[\(file.sha256)] \(file.fileName)")
        try await req.audited { tx in
            let sql = try Self.sql(tx)
            let current = try await sql.select().column(SQLFunction("MAX", args: SQLIdentifier("number")), as: "n").from("library_versions")
                .where("resource_id", .equal, SQLBind(id)).first()?.decode(column: "n", as: Int?.self) ?? 0
            try await Self.insertVersion(sql, resource: id, number: current + 1, file: file, note: note, by: caller.auditName, at: stamp)
            try await sql.update("library_resources").set("current_version", to: SQLBind(current + 1))
                .set("status", to: SQLBind(LibraryReviewStatus.contributed.rawValue)).set("updated_at_ms", to: SQLBind(stamp))
                .where("id", .equal, SQLBind(id)).run()
            return ((), entry)
        }
        guard let resource = try await find(id) else { throw AppError.notFound }
        return resource
    }

    /// Sends a contributed or returned resource for review.
    func submit(_ id: UUID) async throws -> LibraryResource {
        guard let (placement, kind) = try await placement(id), AccessPolicy.canReadLibraryResource(placement, caller: caller.scope) else { throw AppError.notFound }
        guard AccessPolicy.canEditLibraryResource(placement, caller: caller.scope) else {
            if placement.status == .underReview { throw AppError.conflict(FieldError(field: "status", zh: "资源已在审核中", en: "the resource is already under review")) }
            throw AppError.forbidden
        }
        guard placement.status == .contributed || placement.status == .returned else {
            throw AppError.conflict(FieldError(field: "status", zh: "资源已共享；上传新版本后可再次送审", en: "the resource is shared; add a new version to send it again"))
        }
        _ = kind
        let stamp = Self.ms(now)
        let entry = req.auditEntry(action: "submit", entity: Self.auditEntity, recordID: id.uuidString)
        try await req.audited { tx in
            try await Self.sql(tx).update("library_resources").set("status", to: SQLBind(LibraryReviewStatus.underReview.rawValue))
                .set("updated_at_ms", to: SQLBind(stamp)).where("id", .equal, SQLBind(id)).run()
            return ((), entry)
        }
        guard let resource = try await find(id) else { throw AppError.notFound }
        return resource
    }

    /// Shares a resource under review city-wide, or returns it with a reason.
    func decide(_ id: UUID, _ input: LibraryDecision) async throws -> LibraryResource {
        guard AccessPolicy.canReviewLibrary(caller: caller.scope) else { throw AppError.forbidden }
        var errors: [FieldError] = []
        if !["share", "return"].contains(input.decision) {
            errors.append(FieldError(field: "decision", zh: "只能是 share（共享）或 return（退回）", en: "must be share or return"))
        }
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.append(FieldError(field: "reason", zh: "请填写审核意见", en: "give a reason")) }
        else if reason.count > LibraryRules.maxReason { errors.append(.tooLong("reason", max: LibraryRules.maxReason)) }
        guard let (placement, _) = try await placement(id) else { throw AppError.notFound }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        guard placement.status == .underReview else {
            throw AppError.conflict(FieldError(field: "status", zh: "只有审核中的资源可以审核", en: "only a resource under review can be decided"))
        }
        guard AccessPolicy.canDecideLibraryResource(placement, caller: caller.scope, callerID: caller.userID) else {
            throw AppError.conflict(FieldError(field: "decision", zh: "不能审核自己提交的资源", en: "you cannot review your own contribution"))
        }
        let status: LibraryReviewStatus = input.decision == "share" ? .shared : .returned
        let stamp = Self.ms(now)
        let caller = self.caller
        let entry = req.auditEntry(action: status == .shared ? "share" : "return", entity: Self.auditEntity, recordID: id.uuidString, detail: reason)
        try await req.audited { tx in
            try await Self.sql(tx).update("library_resources").set("status", to: SQLBind(status.rawValue)).set("review_reason", to: SQLBind(reason))
                .set("reviewed_by_name", to: SQLBind(caller.auditName)).set("reviewed_at_ms", to: SQLBind(stamp)).set("updated_at_ms", to: SQLBind(stamp))
                .where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind(LibraryReviewStatus.underReview.rawValue)).run()
            return ((), entry)
        }
        guard let resource = try await find(id) else { throw AppError.notFound }
        return resource
    }

    // MARK: - Reading

    /// A resource's placement for the policy, and its kind; nil when there is no such resource.
    func placement(_ id: UUID) async throws -> (LibraryPlacement, String)? {
        guard let row = try await sql.select().columns("institution_id", "enterprise_id", "status", "licence", "contributor_id", "kind")
            .from("library_resources").where("id", .equal, SQLBind(id)).first() else { return nil }
        let status = LibraryReviewStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .contributed
        let placement = LibraryPlacement(
            owner: LibraryOwner(institutionID: try row.decode(column: "institution_id", as: UUID?.self), enterpriseID: try row.decode(column: "enterprise_id", as: UUID?.self)),
            status: status, schoolOnly: try row.decode(column: "licence", as: String.self) == LibraryLicence.schoolOnly.rawValue,
            contributorID: try row.decode(column: "contributor_id", as: UUID?.self))
        return (placement, try row.decode(column: "kind", as: String.self))
    }

    /// The resource if the caller may see it.
    func find(_ id: UUID) async throws -> LibraryResource? {
        guard let (placement, _) = try await placement(id), AccessPolicy.canReadLibraryResource(placement, caller: caller.scope) else { return nil }
        let rows = try await LibrarySearch.select(try sql, where: SQLBinaryExpression(SQLColumn("id", table: "r"), .equal, SQLBind(id)), limit: 1, offset: 0, catalog: catalog)
        return rows.first
    }

    func detail(_ id: UUID) async throws -> LibraryResourceDetail? {
        guard let resource = try await find(id) else { return nil }
        return LibraryResourceDetail(resource: resource, versions: try await versions(id))
    }

    func versions(_ id: UUID) async throws -> [LibraryVersion] {
        try await sql.select().columns("number", "sha256", "size", "content_type", "file_name", "note", "uploaded_by_name", "created_at_ms")
            .from("library_versions").where("resource_id", .equal, SQLBind(id)).orderBy("number", .descending).all().map(Self.version)
    }

    static func version(_ row: any SQLRow) throws -> LibraryVersion {
        LibraryVersion(number: try row.decode(column: "number", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
                       size: try row.decode(column: "size", as: Int64.self), contentType: try row.decode(column: "content_type", as: String.self),
                       fileName: try row.decode(column: "file_name", as: String.self), note: try row.decode(column: "note", as: String.self),
                       uploadedBy: try row.decode(column: "uploaded_by_name", as: String.self), createdAt: iso(try row.decode(column: "created_at_ms", as: Int64.self)))
    }

    /// A version of a resource the caller may see (the current one when `number` is nil).
    func version(_ id: UUID, number: Int?) async throws -> LibraryVersion? {
        guard let resource = try await find(id) else { return nil }
        let wanted = number ?? resource.currentVersion
        return try await sql.select().columns("number", "sha256", "size", "content_type", "file_name", "note", "uploaded_by_name", "created_at_ms")
            .from("library_versions").where("resource_id", .equal, SQLBind(id)).where("number", .equal, SQLBind(wanted)).first().map(Self.version)
    }

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw LibraryStoreError.storage("the database driver does not speak SQL") }
        return sql
    }
}

fileprivate extension String {
    /// Nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
