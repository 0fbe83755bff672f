import Foundation
import Registry
import Vapor

/// `/api/v1/library`: the resource library (资源库). Schools, teachers and enterprises upload files
/// (`POST /library/files`, streamed into the content store) and contribute resources naming
/// them; the city reviews what is sent for review and shares it city-wide or returns it; anyone
/// signed in searches what they may see, with facets, and plays or downloads it with range
/// requests. Who may do what is the access policy's (`AccessPolicy+Library`).
enum LibraryAPIController {
    /// Registers the API routes and opens the content store.
    static func register(_ api: any RoutesBuilder, app: Application) {
        LibraryFiles.configure(app)
        let library = api.grouped("library")
        // The file is streamed to disk as it arrives: never held whole in memory.
        let upload = library.on(.POST, "files", body: .stream, use: uploadFile)
        upload.userInfo["zhijiao.uploadGate"] = UploadGate(maxBytes: LibraryFiles.maxUploadBytes, admits: AccessPolicy.canContributeToLibrary(caller:))
        library.get("resources", use: search)
        library.post("resources", use: contribute)
        library.get("resources", ":id", use: show)
        library.post("resources", ":id", "versions", use: addVersion)
        library.post("resources", ":id", "submission", use: submit)
        library.post("resources", ":id", "decision", use: decide)
        library.get("resources", ":id", "file", use: LibraryFileResponse.serve)
    }

    static func store(_ req: Request) throws -> LibraryStore {
        LibraryStore(req, caller: try req.requireCaller())
    }

    static func id(_ req: Request) throws -> UUID {
        guard let text = req.parameters.get("id"), let id = UUID(uuidString: text) else { throw AppError.notFound }
        return id
    }

    @Sendable static func uploadFile(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canContributeToLibrary(caller: caller.scope) else { throw AppError.forbidden }
        let stored: StoredContent
        if let collected = req.body.data {
            // A body already read (a cookie caller's CSRF check may have collected it).
            stored = try await req.application.libraryStore.ingest(OneBuffer(buffer: collected), maxBytes: LibraryFiles.maxUploadBytes)
        } else {
            stored = try await req.application.libraryStore.ingest(req.body, maxBytes: LibraryFiles.maxUploadBytes)
        }
        try await req.audit(req.auditEntry(action: "upload", entity: "library-files", recordID: stored.sha256,
                                           detail: "\(stored.size) bytes, \(stored.sniffed.contentType)\(stored.new ? "" : ", already stored")"))
        let response = Response(status: stored.new ? .created : .ok)
        try response.content.encode(LibraryStoredFile(sha256: stored.sha256, size: stored.size, sniffedType: stored.sniffed.contentType, stored: stored.new ? "new" : "existing"))
        return response
    }

    /// The search's query parameters (the OpenAPI check has held them to their types already).
    static func query(_ req: Request) throws -> LibrarySearch.Query {
        var query = LibrarySearch.Query()
        query.text = req.query[String.self, at: "q"] ?? ""
        query.program = req.query[String.self, at: "program"]?.nonEmptyValue
        query.occupation = req.query[String.self, at: "occupation"]?.nonEmptyValue
        query.kind = req.query[String.self, at: "kind"]?.nonEmptyValue
        query.licence = req.query[String.self, at: "licence"]?.nonEmptyValue
        query.status = req.query[String.self, at: "status"]?.nonEmptyValue
        if let school = req.query[String.self, at: "school"]?.nonEmptyValue {
            guard let id = UUID(uuidString: school) else {
                throw AppError.validation([FieldError(field: "school", zh: "应为学校编号", en: "must be a school id")])
            }
            query.school = id
        }
        query.page = max(1, req.query[Int.self, at: "page"] ?? 1)
        query.per = min(100, max(1, req.query[Int.self, at: "per"] ?? 20))
        if query.text.count > 200 { throw AppError.validation([.tooLong("q", max: 200)]) }
        if let status = query.status, LibraryReviewStatus(rawValue: status) == nil {
            throw AppError.validation([FieldError(field: "status", zh: "只能是 contributed、under_review、shared 或 returned", en: "must be contributed, under_review, shared or returned")])
        }
        return query
    }

    @Sendable static func search(req: Request) async throws -> LibrarySearchResult {
        let store = try store(req)
        return try await LibrarySearch.search(try req.sql, try query(req), caller: store.caller.scope, catalog: req.services.catalog, indexes: req.services.librarySearchIndex)
    }

    @Sendable static func contribute(req: Request) async throws -> Response {
        let store = try store(req)
        guard AccessPolicy.canContributeToLibrary(caller: store.caller.scope) else { throw AppError.forbidden }
        try req.checkDocumentedBody()
        let input: LibraryResourceInput
        do { input = try req.content.decode(LibraryResourceInput.self) } catch {
            throw AppError.badRequest(zh: "请求体应为含 kind、title、language、licence、author 的JSON对象", en: "the body must be a JSON object with kind, title, language, licence and author")
        }
        let resource = try await store.contribute(input)
        let response = Response(status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/library/resources/\(resource.id.uuidString)")
        try response.content.encode(resource)
        return response
    }

    @Sendable static func show(req: Request) async throws -> LibraryResourceDetail {
        guard let detail = try await store(req).detail(try id(req)) else { throw AppError.notFound }
        return detail
    }

    @Sendable static func addVersion(req: Request) async throws -> LibraryResource {
        let store = try store(req)
        let id = try id(req)
        try req.checkDocumentedBody()
        let input: LibraryVersionInput
        do { input = try req.content.decode(LibraryVersionInput.self) } catch {
            // An unreadable body says nothing about the resource: an unseen one is still 404.
            guard try await store.find(id) != nil else { throw AppError.notFound }
            throw AppError.badRequest(zh: "请求体应为含 file 的JSON对象", en: "the body must be a JSON object with file")
        }
        return try await store.addVersion(id, input)
    }

    @Sendable static func submit(req: Request) async throws -> LibraryResource {
        try await store(req).submit(try id(req))
    }

    @Sendable static func decide(req: Request) async throws -> LibraryResource {
        let store = try store(req)
        guard AccessPolicy.canReviewLibrary(caller: store.caller.scope) else { throw AppError.forbidden }
        let id = try id(req)
        try req.checkDocumentedBody()
        let input: LibraryDecision
        do { input = try req.content.decode(LibraryDecision.self) } catch {
            throw AppError.badRequest(zh: "请求体应为含 decision、reason 的JSON对象", en: "the body must be a JSON object with decision and reason")
        }
        return try await store.decide(id, input)
    }
}

/// A body already in memory, as the one chunk of a sequence.
struct OneBuffer: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffer: ByteBuffer

    struct AsyncIterator: AsyncIteratorProtocol {
        var buffer: ByteBuffer?
        mutating func next() async throws -> ByteBuffer? {
            defer { buffer = nil }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffer: buffer) }
}

private extension String {
    var nonEmptyValue: String? {
        let trimmed = trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
