import Credentials
import Vapor

/// The JSON value the credentials target defines, used here for request bodies checked field
/// by field against a `FieldSpec` and for registry responses built from stored columns.
typealias JSONValue = Credentials.JSONValue

/// A registry record as the API returns it.
struct RecordBody: Content {
    var fields: [String: JSONValue]

    init(_ fields: [String: JSONValue]) { self.fields = fields }
    init(from decoder: any Decoder) throws { fields = try [String: JSONValue](from: decoder) }
    func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
}

/// One page of a list.
struct RecordPage: Content {
    var items: [RecordBody]
    var page: Int
    var per: Int
    var total: Int
}

extension Credentials.JSONValue: Content {}
