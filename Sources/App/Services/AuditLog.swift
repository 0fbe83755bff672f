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
    /// Appends waiting their turn. An actor is re-entered at every `await`, so without this two
    /// appends could read the same tail and fork the chain (one then failing on the unique seq).
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    static let genesisHash = String(repeating: "0", count: 64)
    /// Another process (a CLI import beside the server, a second server on PostgreSQL) may
    /// append between our read of the tail and our insert: then the unique seq refuses ours and
    /// we chain after theirs.
    static let attempts = 5

    func append(_ entry: Entry, on db: any Database, now: Date = Date()) async throws {
        await acquire()
        defer { release() }
        var lastError: (any Error)?
        for attempt in 0..<Self.attempts {
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
            } catch {
                lastError = error
                tail = nil
            }
        }
        throw lastError ?? AuditError.notAppended
    }

    enum AuditError: Error, CustomStringConvertible {
        case notAppended
        var description: String { "the audit row could not be appended" }
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
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
        try await verify(on: db).firstBroken
    }

    /// What a walk of the whole chain found: rows checked and the first that breaks it.
    struct Verification: Content {
        var checked: Int
        var firstBroken: Int?
        var reason: String?
        var lastHash: String
    }

    /// Walks the chain in pages of 10,000 rows (bounded memory whatever its length).
    static func verify(on db: any Database) async throws -> Verification {
        var previous = genesisHash
        var expectedSeq = 1
        var checked = 0
        while true {
            let page = try await AuditEvent.query(on: db).filter(\.$seq >= expectedSeq).sort(\.$seq, .ascending).limit(10_000).all()
            if page.isEmpty { break }
            for event in page {
                let reason: String? = event.seq != expectedSeq ? "seq \(event.seq) where \(expectedSeq) was expected (a row is missing)"
                    : event.prevHash != previous ? "prev_hash does not match the hash of row \(expectedSeq - 1)"
                    : hash(of: event) != event.hash ? "hash does not match the row's fields (the row was changed)" : nil
                if let reason { return Verification(checked: checked, firstBroken: event.seq, reason: reason, lastHash: previous) }
                previous = event.hash
                expectedSeq += 1
                checked += 1
            }
        }
        return Verification(checked: checked, firstBroken: nil, reason: nil, lastHash: previous)
    }
}
