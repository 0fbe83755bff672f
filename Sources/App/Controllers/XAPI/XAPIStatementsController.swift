import Crypto
import Foundation
import LearningRecords
import Registry
import Vapor

/// The statements resource (`/xapi/statements`): PUT one statement by id, POST one or many,
/// GET by id or by filters with a keyset cursor.
enum XAPIStatementsController {
    /// The most statements one page holds (also what `limit=0`, the default, asks for): a page
    /// is parsed and re-serialised per statement, and the cursor makes the next page as cheap.
    static let maxPage = 100

    static func service(_ req: Request) -> LearningRecordService {
        LearningRecordService(db: req.db, publicURL: req.application.deployment.publicURL, groupCommit: req.application.statementGroupCommit)
    }

    // MARK: PUT and POST

    static func put(_ req: Request) async throws -> Response {
        let client = try req.requireXAPIClient()
        let parameters = req.url.query.map(XAPIQuery.parse) ?? [:]
        for key in parameters.keys where key != "statementId" { throw XAPIError.bad("\(key) is not a parameter of PUT statements") }
        guard let idText = parameters["statementId"] else { throw XAPIError.bad("statementId is required to PUT a statement") }
        guard let id = UUID(uuidString: idText) else { throw XAPIError.bad("statementId must be a UUID") }
        let (body, attachments) = try readBody(req)
        guard case .object(var statement) = body else { throw XAPIError.bad("a PUT carries one statement object") }
        if let given = statement["id"] {
            guard given.stringValue.flatMap(UUID.init(uuidString:)) == id else { throw XAPIError.bad("the statement's id differs from statementId") }
        } else {
            statement["id"] = .string(idText)
        }
        _ = try await service(req).store([.object(statement)], attachments: attachments, client: client, version: req.xapiVersion)
        return Response(status: .noContent)
    }

    static func post(_ req: Request) async throws -> Response {
        let client = try req.requireXAPIClient()
        if let query = req.url.query, !XAPIQuery.parse(query).isEmpty { throw XAPIError.bad("POST statements takes no query parameters") }
        let (body, attachments) = try readBody(req)
        let statements: [JSONValue]
        switch body {
        case .array(let list):
            guard !list.isEmpty else { throw XAPIError.bad("an empty list of statements") }
            statements = list
        case .object: statements = [body]
        default: throw XAPIError.bad("the body must be a statement or a list of statements")
        }
        let ids = try await service(req).store(statements, attachments: attachments, client: client, version: req.xapiVersion)
        return jsonResponse(.array(ids.map { .string($0.uuidString.lowercased()) }))
    }

    /// The statements in a request body, and any attachment parts (checked against their hashes).
    static func readBody(_ req: Request) throws -> (JSONValue, LearningRecordService.Attachments) {
        guard let buffer = req.body.data else { throw XAPIError.bad("the request has no body") }
        let data = Data(buffer.readableBytesView)
        let contentType = req.headers.first(name: .contentType) ?? ""
        let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        switch mediaType {
        case "application/json":
            return (try parseJSON(data), [:])
        case "multipart/mixed":
            guard let boundary = MultipartMixed.boundary(of: contentType) else { throw XAPIError.bad("multipart/mixed needs a boundary") }
            let parts: [MultipartMixed.Part]
            do { parts = try MultipartMixed.parse(data, boundary: boundary) } catch { throw XAPIError.bad("multipart body: \(error.reason)") }
            guard let first = parts.first else { throw XAPIError.bad("the multipart body has no parts") }
            guard DocumentMerge.isJSON(first.headers["content-type"]) else { throw XAPIError.bad("the first part must be the statements as application/json") }
            var attachments: LearningRecordService.Attachments = [:]
            for (i, part) in parts.dropFirst().enumerated() {
                guard let declared = part.headers["x-experience-api-hash"]?.lowercased() else {
                    throw XAPIError.bad("part \(i + 2) has no X-Experience-API-Hash header")
                }
                guard part.headers["content-transfer-encoding"]?.lowercased() == "binary" else {
                    throw XAPIError.bad("part \(i + 2) must have Content-Transfer-Encoding: binary")
                }
                guard Hex.encode(SHA256.hash(data: part.body)) == declared else {
                    throw XAPIError.bad("part \(i + 2): its SHA-256 is not the X-Experience-API-Hash it declares")
                }
                attachments[declared] = (part.headers["content-type"] ?? "application/octet-stream", part.body)
            }
            return (try parseJSON(first.body), attachments)
        default:
            throw XAPIError.bad("statements are sent as application/json or multipart/mixed, not \(mediaType.isEmpty ? "no content type" : mediaType)")
        }
    }

    static func parseJSON(_ data: Data) throws -> JSONValue {
        do { return try JSONValue.parse(data) } catch { throw XAPIError.bad("the body is not valid JSON") }
    }

    // MARK: GET

    static func get(_ req: Request) async throws -> Response {
        let client = try req.requireXAPIClient()
        let filter = AccessPolicy.statementFilter(for: client.policyView)
        var parameters = req.url.query.map(XAPIQuery.parse) ?? [:]
        let languages = LanguageMapChoice.preferences(req.headers.first(name: .acceptLanguage))
        let consistentThrough = StoredTime.format(Date())

        if parameters["statementId"] != nil || parameters["voidedStatementId"] != nil {
            let voided = parameters["voidedStatementId"] != nil
            guard !(parameters["statementId"] != nil && voided) else { throw XAPIError.bad("statementId and voidedStatementId cannot be combined") }
            let name = voided ? "voidedStatementId" : "statementId"
            let text = parameters.removeValue(forKey: name) ?? ""
            for key in parameters.keys where key != "format" && key != "attachments" {
                throw XAPIError.bad("\(key) cannot be combined with \(name)")
            }
            guard let id = UUID(uuidString: text) else { throw XAPIError.bad("\(name) must be a UUID") }
            let query: StatementQuery
            do { query = try StatementQuery.parse(parameters, version: req.xapiVersion) } catch { throw XAPIError.violation(error) }
            guard filter != .none else { throw XAPIError.forbidden }
            guard let found = try await service(req).statement(id, voided: voided, filter: filter) else { throw XAPIError.notFound }
            let document = StatementFormat.apply(query.format, to: found.document, languages: languages)
            let response = try await respond(document, attachments: query.attachments ? found.attachmentHashes : [], req: req)
            response.headers.replaceOrAdd(name: "X-Experience-API-Consistent-Through", value: consistentThrough)
            response.headers.replaceOrAdd(name: .lastModified, value: HTTPDate.format(found.stored))
            return response
        }

        let query: StatementQuery
        do { query = try StatementQuery.parse(parameters, version: req.xapiVersion) } catch { throw XAPIError.violation(error) }
        guard filter != .none else { throw XAPIError.forbidden }
        let (statements, next) = try await service(req).page(query, filter: filter, maxPage: maxPage)
        let more = next.map { "/xapi/statements?more=" + $0.token } ?? ""
        let response: Response
        if query.format == .exact, !query.attachments {
            // As stored, so as sent: the stored texts joined, not parsed and written again.
            var body = "{\"more\":"
            body += String(decoding: JSONValue.string(more).serialized(), as: UTF8.self)
            body += ",\"statements\":[" + statements.map(\.text).joined(separator: ",") + "]}"
            response = Response(status: .ok, body: .init(string: body))
            response.headers.contentType = .json
        } else {
            let result: [String: JSONValue] = [
                "statements": .array(statements.map { StatementFormat.apply(query.format, to: $0.document, languages: languages) }),
                "more": .string(more),
            ]
            response = try await respond(.object(result), attachments: query.attachments ? statements.flatMap(\.attachmentHashes) : [], req: req)
        }
        response.headers.replaceOrAdd(name: "X-Experience-API-Consistent-Through", value: consistentThrough)
        let newest = statements.map(\.stored).max() ?? Date()
        response.headers.replaceOrAdd(name: .lastModified, value: HTTPDate.format(newest))
        return response
    }

    /// JSON alone, or multipart/mixed with the attachments' bytes when asked for.
    static func respond(_ body: JSONValue, attachments hashes: [String], req: Request) async throws -> Response {
        guard !hashes.isEmpty else { return jsonResponse(body) }
        let stored = try await StatementStore(sql: try req.sql).attachments(Set(hashes))
        let boundary = "zhijiao-" + UUID().uuidString.lowercased()
        var parts = [MultipartMixed.Part(headers: ["Content-Type": "application/json"], body: body.serialized())]
        for hash in Set(hashes).sorted() {
            guard let attachment = stored[hash] else { continue }
            parts.append(MultipartMixed.Part(headers: ["Content-Type": attachment.contentType, "Content-Transfer-Encoding": "binary", "X-Experience-API-Hash": hash],
                                       body: attachment.content))
        }
        let response = Response(status: .ok, body: .init(data: MultipartMixed.build(parts, boundary: boundary)))
        response.headers.replaceOrAdd(name: .contentType, value: "multipart/mixed; boundary=\(boundary)")
        return response
    }

    static func jsonResponse(_ body: JSONValue, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(data: body.serialized()))
        response.headers.contentType = .json
        return response
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate) for Last-Modified.
enum HTTPDate {
    static func format(_ date: Date) -> String {
        date.formatted(Date.VerbatimFormatStyle(format: "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) GMT", locale: Locale(identifier: "en_US_POSIX"), timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
    }
}
