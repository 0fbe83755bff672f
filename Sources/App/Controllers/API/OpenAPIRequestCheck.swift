import Foundation
import Registry
import Vapor

/// Holds every request to what the OpenAPI document says the operation takes: query
/// parameters (type, enum, length, range, pattern, format, required, given once) before the
/// handler runs, and JSON bodies (the same, plus required and forbidden properties, items)
/// when a handler calls `Request.checkDocumentedBody` before decoding them. What the document forbids is
/// refused with 422 naming the field (400 when the body is not JSON at all), so the
/// description and the behaviour cannot drift apart (schemathesis' negative_data_rejection).
struct OpenAPIRequestCheck: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let operation = OpenAPIRequestRules.operation(for: request) {
            let errors = operation.checkQuery(request.url.query)
            if !errors.isEmpty { throw AppError.validation(errors) }
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// Checks the JSON body's shape against the operation's request schema — no field the
    /// operation does not take, no null where none is allowed, each value of its JSON type;
    /// call before decoding it. Values themselves (lengths, patterns, lists, required fields)
    /// are the handler's to judge: it names every problem at once, in the domain's words.
    /// (Not a middleware: a route collects its body, up to its own size limit, only after the
    /// middleware has run.) Bodies of other types are left to the handler.
    func checkDocumentedBody() throws {
        guard let operation = OpenAPIRequestRules.operation(for: self), let schema = operation.body,
              headers.contentType == .json, let buffer = body.data else { return }
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer)) } catch {
            throw AppError.badRequest(zh: "请求体不是有效的JSON", en: "body is not valid JSON")
        }
        var errors: [FieldError] = []
        schema.check(value, at: "", shapeOnly: true, into: &errors)
        if !errors.isEmpty { throw AppError.validation(Array(errors.prefix(OpenAPIRequestRules.maxErrors))) }
    }
}

/// The request side of the OpenAPI document, read once from the same description the server
/// publishes.
struct OpenAPIRequestRules: Sendable {
    static let maxErrors = 100
    static let shared = OpenAPIRequestRules(document: OpenAPIDocument.document())

    let operations: [String: Operation]

    struct Operation: Sendable {
        var query: [Parameter] = []
        var body: Schema?

        func checkQuery(_ rawQuery: String?) -> [FieldError] {
            let given = Self.parse(rawQuery)
            var errors: [FieldError] = []
            for parameter in query {
                let values = given[parameter.name] ?? []
                if values.isEmpty {
                    if parameter.required { errors.append(.required(parameter.name)) }
                    continue
                }
                guard values.count == 1 else {
                    errors.append(FieldError(field: parameter.name, zh: "只能给出一次", en: "must be given once"))
                    continue
                }
                parameter.schema.checkText(values[0], at: parameter.name, into: &errors)
            }
            return errors
        }

        /// Query values by name, decoded as Vapor decodes them ('+' is a space).
        static func parse(_ rawQuery: String?) -> [String: [String]] {
            guard let rawQuery, !rawQuery.isEmpty else { return [:] }
            var values: [String: [String]] = [:]
            for pair in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let decode = { (text: Substring) in
                    let spaced = text.replacingOccurrences(of: "+", with: " ")
                    return spaced.removingPercentEncoding ?? spaced
                }
                values[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
            }
            return values
        }
    }

    struct Parameter: Sendable {
        var name: String
        var required: Bool
        var schema: Schema
    }

    /// The JSON Schema keywords the document uses on its request side.
    struct Schema: Sendable {
        var type: String?
        var nullable = false
        var enumValues: [JSONValue]?
        var minLength: Int?
        var maxLength: Int?
        var minimum: Double?
        var maximum: Double?
        var pattern: NSRegularExpressionBox?
        var format: String?
        var properties: [String: Schema] = [:]
        var required: [String] = []
        var closed = false
        var items: [Schema] = []
        var minItems: Int?
        var maxItems: Int?

        /// A JSON value; with `shapeOnly`, its structure and types but not the values' constraints.
        func check(_ value: JSONValue, at path: String, shapeOnly: Bool = false, into errors: inout [FieldError]) {
            let field = path.isEmpty ? "body" : path
            if case .null = value {
                if !nullable && type != nil { errors.append(FieldError(field: field, zh: "不能为null", en: "must not be null")) }
                return
            }
            switch (type, value) {
            case (nil, _): return
            case ("string", .string) where shapeOnly, ("integer", .int) where shapeOnly, ("number", .int) where shapeOnly,
                 ("number", .double) where shapeOnly: return
            case ("string", .string(let text)): checkString(text, at: field, into: &errors)
            case ("integer", .int(let number)): checkNumber(Double(number), text: String(number), at: field, into: &errors)
            case ("number", .int(let number)): checkNumber(Double(number), text: String(number), at: field, into: &errors)
            case ("number", .double(let number)): checkNumber(number, text: String(number), at: field, into: &errors)
            case ("boolean", .bool): return
            case ("array", .array(let elements)):
                if !shapeOnly, let minItems, elements.count < minItems {
                    errors.append(FieldError(field: field, zh: "至少应有\(minItems)项", en: "must have at least \(minItems) items"))
                }
                if !shapeOnly, let maxItems, elements.count > maxItems {
                    errors.append(FieldError(field: field, zh: "最多\(maxItems)项", en: "must have at most \(maxItems) items"))
                    return
                }
                if let element = items.first {
                    for (index, item) in elements.enumerated() where errors.count < OpenAPIRequestRules.maxErrors {
                        element.check(item, at: "\(path)[\(index)]", shapeOnly: shapeOnly, into: &errors)
                    }
                }
            case ("object", .object(let object)):
                let prefix = path.isEmpty ? "" : path + "."
                if !shapeOnly { for name in required where object[name] == nil { errors.append(.required(prefix + name)) } }
                for (name, item) in object.sorted(by: { $0.key < $1.key }) where errors.count < OpenAPIRequestRules.maxErrors {
                    if let property = properties[name] {
                        property.check(item, at: prefix + name, shapeOnly: shapeOnly, into: &errors)
                    } else if closed {
                        errors.append(FieldError(field: prefix + name, zh: "不是此操作接受的字段", en: "is not a field this operation accepts"))
                    }
                }
            default:
                errors.append(Self.wrongType(type ?? "", at: field))
            }
        }

        /// A query parameter's text.
        func checkText(_ text: String, at field: String, into errors: inout [FieldError]) {
            switch type {
            case "integer":
                guard let number = Int(text) else { errors.append(Self.wrongType("integer", at: field)); return }
                checkNumber(Double(number), text: text, at: field, into: &errors)
            case "number":
                guard let number = Double(text), number.isFinite else { errors.append(Self.wrongType("number", at: field)); return }
                checkNumber(number, text: text, at: field, into: &errors)
            case "boolean":
                if text != "true" && text != "false" { errors.append(Self.wrongType("boolean", at: field)) }
            default:
                checkString(text, at: field, into: &errors)
            }
        }

        func checkString(_ text: String, at field: String, into errors: inout [FieldError]) {
            if let enumValues {
                if !enumValues.contains(.string(text)) {
                    let list = enumValues.compactMap { if case .string(let s) = $0 { s } else { nil } }.joined(separator: "/")
                    errors.append(.notInList(field, value: String(text.prefix(100)), list: list))
                }
                return
            }
            // JSON Schema counts characters as Unicode code points.
            let length = text.unicodeScalars.count
            if let minLength, length < minLength {
                errors.append(minLength == 1 ? .required(field)
                              : FieldError(field: field, zh: "长度不能少于\(minLength)个字符", en: "must be at least \(minLength) characters"))
            }
            if let maxLength, length > maxLength { errors.append(.tooLong(field, max: maxLength)) }
            if let pattern, !pattern.matches(text) {
                errors.append(FieldError(field: field, zh: "格式不符合 \(pattern.source)", en: "must match \(pattern.source)"))
            }
            switch format {
            case "uuid" where UUID(uuidString: text) == nil:
                errors.append(FieldError(field: field, zh: "应为UUID", en: "must be a UUID"))
            case "date" where !Self.isDate(text):
                errors.append(FieldError(field: field, zh: "应为YYYY-MM-DD格式的日期", en: "must be a date as YYYY-MM-DD"))
            default: break
            }
        }

        func checkNumber(_ number: Double, text: String, at field: String, into errors: inout [FieldError]) {
            if let enumValues, !enumValues.contains(where: { value in
                switch value {
                case .int(let allowed): Double(allowed) == number
                case .double(let allowed): allowed == number
                default: false
                }
            }) {
                errors.append(.notInList(field, value: text, list: enumValues.map { String(decoding: $0.serialized(), as: UTF8.self) }.joined(separator: "/")))
            }
            let low = minimum.map(Self.show), high = maximum.map(Self.show)
            if let minimum, number < minimum {
                errors.append(high.map { FieldError(field: field, zh: "必须在\(low ?? "")到\($0)之间", en: "must be between \(low ?? "") and \($0)") }
                              ?? FieldError(field: field, zh: "不能小于\(low ?? "")", en: "must be at least \(low ?? "")"))
            } else if let maximum, number > maximum {
                errors.append(low.map { FieldError(field: field, zh: "必须在\($0)到\(high ?? "")之间", en: "must be between \($0) and \(high ?? "")") }
                              ?? FieldError(field: field, zh: "不能大于\(high ?? "")", en: "must be at most \(high ?? "")"))
            }
        }

        static func show(_ number: Double) -> String {
            number == number.rounded() && abs(number) < 1e18 ? String(Int64(number)) : String(number)
        }

        static func wrongType(_ type: String, at field: String) -> FieldError {
            switch type {
            case "integer": FieldError(field: field, zh: "应为整数", en: "must be an integer")
            case "number": FieldError(field: field, zh: "应为数字", en: "must be a number")
            case "boolean": FieldError(field: field, zh: "应为true或false", en: "must be true or false")
            case "array": FieldError(field: field, zh: "应为数组", en: "must be an array")
            case "object": FieldError(field: field, zh: "应为JSON对象", en: "must be a JSON object")
            default: FieldError(field: field, zh: "应为字符串", en: "must be a string")
            }
        }

        static func isDate(_ text: String) -> Bool {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1 else { return false }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            return day <= days
        }
    }

    /// A compiled pattern (NSRegularExpression is immutable and safe to share).
    struct NSRegularExpressionBox: @unchecked Sendable {
        let source: String
        let regex: NSRegularExpression

        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// The operation of the request's route, found by the route's pattern as the router names
    /// it (`Request.routePattern`, the same label the metrics, the log and the audit use).
    static func operation(for request: Request) -> Operation? {
        guard let route = request.route else { return nil }
        return shared.operations["\(route.method.rawValue.lowercased()) \(request.routePattern)"]
    }

    /// A document path (`/students/{id}`, relative to the server `/api/v1`) as the router's
    /// pattern of that route (`/api/v1/students/:id`).
    static func routePattern(ofDocumentPath path: String) -> String {
        "/api/v1" + path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    init(document: OpenAPIDocument.Object) {
        let schemas = (document["components"] as? OpenAPIDocument.Object)?["schemas"] as? OpenAPIDocument.Object ?? [:]
        var operations: [String: Operation] = [:]
        for (path, item) in document["paths"] as? OpenAPIDocument.Object ?? [:] {
            for (method, value) in item as? OpenAPIDocument.Object ?? [:] {
                guard let object = value as? OpenAPIDocument.Object else { continue }
                var operation = Operation()
                for parameter in object["parameters"] as? [OpenAPIDocument.Object] ?? [] where parameter["in"] as? String == "query" {
                    guard let name = parameter["name"] as? String else { continue }
                    operation.query.append(Parameter(name: name, required: parameter["required"] as? Bool ?? false,
                                                     schema: Self.schema(parameter["schema"], schemas, depth: 0)))
                }
                let content = (object["requestBody"] as? OpenAPIDocument.Object)?["content"] as? OpenAPIDocument.Object
                if let json = content?["application/json"] as? OpenAPIDocument.Object {
                    operation.body = Self.schema(json["schema"], schemas, depth: 0)
                }
                operations["\(method) \(Self.routePattern(ofDocumentPath: path))"] = operation
            }
        }
        self.operations = operations
    }

    static func schema(_ raw: Any?, _ schemas: OpenAPIDocument.Object, depth: Int) -> Schema {
        guard depth < 16, var object = raw as? OpenAPIDocument.Object else { return Schema() }
        if let reference = object["$ref"] as? String {
            object = schemas[String(reference.split(separator: "/").last ?? "")] as? OpenAPIDocument.Object ?? [:]
        }
        var schema = Schema()
        schema.type = object["type"] as? String
        schema.nullable = object["nullable"] as? Bool ?? false
        if let values = object["enum"] as? [Any] {
            schema.enumValues = values.compactMap { value in
                if let text = value as? String { return .string(text) }
                if let number = value as? Int { return .int(number) }
                return nil
            }
        }
        schema.minLength = object["minLength"] as? Int
        schema.maxLength = object["maxLength"] as? Int
        schema.minimum = number(object["minimum"])
        schema.maximum = number(object["maximum"])
        if let pattern = object["pattern"] as? String, let regex = try? NSRegularExpression(pattern: pattern) {
            schema.pattern = NSRegularExpressionBox(source: pattern, regex: regex)
        }
        schema.format = object["format"] as? String
        for (name, property) in object["properties"] as? OpenAPIDocument.Object ?? [:] {
            schema.properties[name] = Self.schema(property, schemas, depth: depth + 1)
        }
        schema.required = object["required"] as? [String] ?? []
        schema.closed = object["additionalProperties"] as? Bool == false
        if let items = object["items"] { schema.items = [Self.schema(items, schemas, depth: depth + 1)] }
        schema.minItems = object["minItems"] as? Int
        schema.maxItems = object["maxItems"] as? Int
        return schema
    }

    static func number(_ raw: Any?) -> Double? {
        if let value = raw as? Int { return Double(value) }
        if let value = raw as? Double { return value }
        return nil
    }
}
