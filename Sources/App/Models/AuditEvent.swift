import Fluent
import Vapor

/// One row of the append-only audit log. Each row's hash covers its fields and the previous
/// row's hash, so editing or deleting a row breaks the chain (security checklist D3).
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var seq: Int
    /// Milliseconds since 1970 (UTC), an integer so the hash chain is exact on every database.
    @Field(key: "at_ms") var atMilliseconds: Int64
    @OptionalField(key: "actor_user_id") var actorUserID: UUID?
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "record_id") var recordID: String?
    @Field(key: "detail") var detail: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "client_ip") var clientIP: String?
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String
    /// How `hash` was computed: 1 = fields joined by U+001F (rows before migration 010),
    /// 2 = each field prefixed by its UTF-8 length.
    @Field(key: "hash_version") var hashVersion: Int

    init() {}
}
