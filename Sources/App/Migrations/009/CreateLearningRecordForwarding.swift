import Fluent

/// Forwarding statements to other learning record stores (转发): the targets and the outbox.
///
/// A target names a remote LRS, the Basic credentials it gave us (sealed with the data key,
/// never stored in plain text), the xAPI version it speaks and whose statements it receives:
/// one institution's, or all (no institution). Each statement stored while a target is active
/// and matches gets one queue row in the same transaction (an outbox), so a statement is never
/// stored without being queued nor queued without being stored. A row is `pending` until the
/// remote accepts it (`sent`) or it has failed too often or been refused (`dead`, the
/// dead-letter list 死信).
struct CreateLearningRecordForwarding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("lrs_forward_targets")
            .id()
            .field("name", .string, .required)
            .field("endpoint", .string, .required)
            .field("auth_cipher", .string, .required)
            .field("xapi_version", .string, .required)
            .field("institution_id", .uuid, .references("institutions", "id"))
            .field("active", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("deactivated_at", .datetime)
            // The latest failure and success, for the status page without scanning the queue.
            .field("last_error", .string)
            .field("last_error_at", .datetime)
            .field("last_sent_at", .datetime)
            .create()

        try await database.schema("lrs_forward_queue")
            .field("target_id", .uuid, .required, .references("lrs_forward_targets", "id"))
            .field("seq", .int64, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .field("last_attempt_at", .datetime)
            .field("sent_at", .datetime)
            .compositeIdentifier(over: "target_id", "seq")
            .create()
        // The worker reads a target's due pending rows in statement order; the page counts by state.
        try await database.createIndex("lrs_forward_queue_by_state", on: "lrs_forward_queue", ["target_id", "state", "seq"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("lrs_forward_queue").delete()
        try await database.schema("lrs_forward_targets").delete()
    }
}
