import Crypto
import Fluent
import Foundation
import Vapor

/// Appends hash-chained audit rows: every create, update, delete, import, export, sign-in and
/// unmasked read (DESIGN.md, security checklist D1/D3). Appends are serialised per process.
actor AuditLog {
    struct Entry: Sendable {
        var actorUserID: UUID?
        /// "username (role)" or "system".
        var actor: String
        var action: String
        var entity: String
        var recordID: String?
        var detail: String
        var outcome: String = "success"
        var clientIP: String?
    }

    private var tail: (seq: Int, hash: String)?

    static let genesisHash = String(repeating: "0", count: 64)

    func append(_ entry: Entry, on db: any Database, now: Date = Date()) async throws {
        for attempt in 0..<2 {
            let previous = try await currentTail(on: db, reload: attempt > 0)
            let event = AuditEvent()
            event.seq = previous.seq + 1
            event.atMilliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded())
            event.actorUserID = entry.actorUserID
            event.actor = Self.clean(entry.actor)
            event.action = entry.action
            event.entity = entry.entity
            event.recordID = entry.recordID
            event.detail = Self.clean(entry.detail)
            event.outcome = entry.outcome
            event.clientIP = entry.clientIP
            event.prevHash = previous.hash
            event.hash = Self.hash(of: event)
            do {
                try await event.create(on: db)
                tail = (event.seq, event.hash)
                return
            } catch where attempt == 0 {
                continue // another process appended; reload the tail and chain after it
            }
        }
    }

    private func currentTail(on db: any Database, reload: Bool) async throws -> (seq: Int, hash: String) {
        if let tail, !reload { return tail }
        let last = try await AuditEvent.query(on: db).sort(\.$seq, .descending).first()
        let value = (last?.seq ?? 0, last?.hash ?? Self.genesisHash)
        tail = value
        return value
    }

    /// Line breaks would let a value forge log lines (ASVS 16.4.1); they are escaped.
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func hash(of e: AuditEvent) -> String {
        let fields = [
            e.prevHash, String(e.seq), String(e.atMilliseconds), e.actorUserID?.uuidString ?? "", e.actor,
            e.action, e.entity, e.recordID ?? "", e.detail, e.outcome, e.clientIP ?? "",
        ]
        let digest = SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8))
        return Hex.encode(digest)
    }

    /// Walks the chain; returns the sequence number of the first row that does not match, or nil.
    static func firstBrokenLink(on db: any Database) async throws -> Int? {
        var previous = genesisHash
        var expectedSeq = 1
        for event in try await AuditEvent.query(on: db).sort(\.$seq, .ascending).all() {
            if event.seq != expectedSeq || event.prevHash != previous || hash(of: event) != event.hash { return event.seq }
            previous = event.hash
            expectedSeq += 1
        }
        return nil
    }
}
