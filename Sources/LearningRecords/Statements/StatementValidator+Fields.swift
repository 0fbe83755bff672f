import Credentials
import Foundation
import JSON

extension StatementValidator {
    /// One JSON value and where it sits in the statement, so every refusal names its property
    /// exactly (`context.contextActivities.parent[0].id`).
    struct Field {
        let value: JSONValue
        let path: String

        /// The path of a property of this value: dotted for plain names, bracketed and quoted
        /// for keys that are IRIs or language tags.
        func path(_ key: String) -> String {
            let plain = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            if plain { return path.isEmpty ? key : path + "." + key }
            let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return path + "[\"" + escaped + "\"]"
        }

        func violation(_ rule: String) -> StatementViolation { StatementViolation(path, rule) }

        /// The value as a JSON object, with its properties addressable by name.
        func object(_ what: String) throws(StatementViolation) -> Properties {
            guard case .object(let map) = value else { throw violation("must be \(what) (a JSON object)") }
            return Properties(map: map, field: self, what: what)
        }

        func array() throws(StatementViolation) -> [Field] {
            guard case .array(let items) = value else { throw violation("must be an array") }
            return items.enumerated().map { Field(value: $1, path: path + "[\($0)]") }
        }

        @discardableResult
        func string() throws(StatementViolation) -> String {
            guard case .string(let s) = value else { throw violation("must be a string") }
            return s
        }

        @discardableResult
        func bool() throws(StatementViolation) -> Bool {
            guard case .bool(let b) = value else { throw violation("must be a boolean (true or false)") }
            return b
        }

        @discardableResult
        func number() throws(StatementViolation) -> Double {
            switch value {
            case .int(let i): return Double(i)
            case .double(let d): return d
            default: throw violation("must be a number")
            }
        }

        /// An absolute IRI (with a scheme).
        @discardableResult
        func iri() throws(StatementViolation) -> String {
            let s = try string()
            guard IRI.isValid(s) else { throw violation("must be an absolute IRI with a scheme") }
            return s
        }

        /// An IRL: an IRI that locates something, held to the same syntax.
        @discardableResult
        func irl() throws(StatementViolation) -> String {
            let s = try string()
            guard IRI.isValid(s) else { throw violation("must be an absolute IRL with a scheme") }
            return s
        }

        @discardableResult
        func uuid() throws(StatementViolation) -> String {
            let s = try string()
            guard StatementValidator.isUUID(s) else { throw violation("must be a UUID (8-4-4-4-12 hexadecimal digits)") }
            return s
        }

        /// A language map: RFC 5646 tags to strings (Data 4.2).
        func languageMap() throws(StatementViolation) {
            guard case .object(let map) = value else { throw violation("must be a language map (a JSON object)") }
            for key in map.keys.sorted() {
                guard LanguageTag.isWellFormed(key) else {
                    throw StatementViolation(path(key), "language map keys must be RFC 5646 language tags")
                }
                guard case .string = map[key] else {
                    throw StatementViolation(path(key), "language map values must be strings")
                }
            }
        }

        /// Extensions: IRI keys to any JSON value, null included (Data 4.1).
        func extensions() throws(StatementViolation) {
            guard case .object(let map) = value else { throw violation("must be an extensions object (a JSON object)") }
            for key in map.keys.sorted() where !IRI.isValid(key) {
                throw StatementViolation(path(key), "extension keys must be absolute IRIs")
            }
        }
    }

    /// The properties of one JSON object in the statement.
    struct Properties {
        let map: [String: JSONValue]
        let field: Field
        /// What the object is ("an Agent"), for the wording of refusals.
        let what: String

        /// Refuses any property the specification does not define for this object.
        func allowOnly(_ allowed: Set<String>) throws(StatementViolation) {
            for key in map.keys.sorted() where !allowed.contains(key) {
                throw StatementViolation(field.path(key), "is not a property of \(what)")
            }
        }

        /// A property that may be absent; present with JSON null it is refused, since null is not
        /// a value of any statement property.
        func optional(_ key: String) throws(StatementViolation) -> Field? {
            guard let value = map[key] else { return nil }
            let f = Field(value: value, path: field.path(key))
            if case .null = value { throw f.violation("must not be null") }
            return f
        }

        func required(_ key: String) throws(StatementViolation) -> Field {
            guard let f = try optional(key) else { throw StatementViolation(field.path(key), "is required in \(what)") }
            return f
        }

        func has(_ key: String) -> Bool { map[key] != nil }

        /// `objectType`, which must be a string when present; nil when absent.
        func objectType() throws(StatementViolation) -> String? {
            try optional("objectType")?.string()
        }
    }
}
