import Fluent
import Foundation
import LearningRecords
import NIOCore
import SQLKit
import Vapor

/// Sends queued statements to their targets (转发): one pass takes each active target's due
/// statements in store order, a batch of up to 100 per POST, and records what the remote said.
///
/// No HTTP happens inside a database transaction: rows are claimed (leased) in one short
/// transaction, sent, and their outcome written in another, each through the statements'
/// write gate on SQLite. Request handling never waits for a remote.
struct ForwardingWorker: Sendable {
    let db: any Database
    let client: any Client
    let vault: PersonalDataVault
    let logger: Logger
    /// How long one POST may take before it counts as a network failure.
    var requestTimeout: TimeAmount = .seconds(15)
    /// Claimed rows are due again after this, should the process die while sending them.
    var lease: TimeInterval = 300
    /// Batches per target per pass, so that one target's backlog does not starve the others.
    var maxBatchesPerTarget = 20
    /// The jitter of each retry's delay, 0 ≤ x < 1 (tests may fix it).
    var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }

    init(db: any Database, client: any Client, vault: PersonalDataVault, logger: Logger) {
        self.db = db
        self.client = client
        self.vault = vault
        self.logger = logger
    }

    init(_ app: Application) {
        self.init(db: app.db, client: app.client, vault: app.services.vault, logger: app.logger)
    }

    /// What one pass did, in statements.
    struct PassReport: Sendable, Equatable {
        var sent = 0
        /// Failed and due again later.
        var retrying = 0
        /// Given up, or refused by the remote: now dead letters.
        var dead = 0
    }

    /// One pass over every active target; `now` is the clock (tests drive time through it).
    @discardableResult
    func runOnce(now: Date = Date()) async throws -> PassReport {
        guard let sql = db as? any SQLDatabase else { return PassReport() }
        var report = PassReport()
        for target in try await ForwardingQueue(sql: sql).targets(activeOnly: true) {
            let credentials: String
            do { credentials = try vault.open(target.authCipher) } catch {
                logger.error("lrs forwarding: the credentials of target \(target.id) cannot be opened with this data key")
                continue
            }
            for _ in 0..<maxBatchesPerTarget {
                let seqs = try await WriteGate.shared.transaction(on: db) { sql in
                    try await ForwardingQueue(sql: sql).claim(target: target.id, now: now, leaseUntil: now.addingTimeInterval(lease), limit: ForwardingPolicy.batchSize)
                }
                guard !seqs.isEmpty else { break }
                let items = try await ForwardingQueue(sql: sql).items(target: target.id, seqs: seqs)
                let (outcome, decisions) = try await deliver(items, to: target, credentials: credentials, sql: sql)
                try await WriteGate.shared.transaction(on: db) { sql in
                    let queue = ForwardingQueue(sql: sql)
                    for decision in decisions { try await decision.apply(target: target.id, queue: queue, now: now) }
                }
                for decision in decisions { decision.count(into: &report) }
                // A remote that is failing is left alone until the next pass; a short batch was the last.
                if outcome == .retryLater || seqs.count < ForwardingPolicy.batchSize { break }
            }
        }
        return report
    }

    /// What becomes of some claimed rows.
    enum Decision: Sendable {
        case sent([Int64])
        /// Failed once more; `attempts` is the count before this failure.
        case failed([Int64], attempts: Int, error: String, refused: Bool, jitter: Double)

        func apply(target: UUID, queue: ForwardingQueue, now: Date) async throws {
            switch self {
            case .sent(let seqs):
                try await queue.markSent(target: target, seqs: seqs, now: now)
            case .failed(let seqs, let attempts, let error, let refused, let jitter):
                let failures = attempts + 1
                let dead = refused || ForwardingPolicy.isExhausted(failures: failures)
                let next = now.addingTimeInterval(ForwardingPolicy.delay(afterFailures: failures, jitter: jitter))
                try await queue.markFailed(target: target, seqs: seqs, attempts: attempts, dead: dead, nextAttemptAt: next, error: error, now: now)
            }
        }

        func count(into report: inout PassReport) {
            switch self {
            case .sent(let seqs): report.sent += seqs.count
            case .failed(let seqs, let attempts, _, let refused, _):
                if refused || ForwardingPolicy.isExhausted(failures: attempts + 1) { report.dead += seqs.count } else { report.retrying += seqs.count }
            }
        }
    }

    /// Sends a batch and decides each row's fate; a batch refused for its content is sent again
    /// one statement at a time.
    private func deliver(_ items: [ForwardingItem], to target: StoredForwardingTarget, credentials: String,
                         sql: any SQLDatabase) async throws -> (ForwardingPolicy.Outcome, [Decision]) {
        guard !items.isEmpty else { return (.sent, []) }
        let answer = await post(items, to: target, credentials: credentials, sql: sql)
        let outcome = ForwardingPolicy.classify(status: answer.status, batchSize: items.count)
        switch outcome {
        case .sent:
            return (outcome, [.sent(items.map(\.seq))])
        case .retryLater, .rejected:
            return (outcome, failures(items, error: answer.error, refused: outcome == .rejected))
        case .retrySingly:
            var decisions: [Decision] = []
            for item in items {
                let single = await post([item], to: target, credentials: credentials, sql: sql)
                switch ForwardingPolicy.classify(status: single.status, batchSize: 1) {
                case .sent: decisions.append(.sent([item.seq]))
                case .rejected: decisions += failures([item], error: single.error, refused: true)
                case .retryLater, .retrySingly: decisions += failures([item], error: single.error, refused: false)
                }
            }
            return (outcome, decisions)
        }
    }

    /// One failure decision per count of earlier attempts, so rows that failed together and
    /// had failed as often before stay together (one jitter) and travel as one batch again.
    private func failures(_ items: [ForwardingItem], error: String, refused: Bool) -> [Decision] {
        Dictionary(grouping: items, by: \.attempts).sorted { $0.key < $1.key }.map { attempts, group in
            .failed(group.map(\.seq), attempts: attempts, error: error, refused: refused, jitter: jitter())
        }
    }

    /// POSTs statements to `{endpoint}/statements` as a JSON array, or as `multipart/mixed`
    /// when some carry attachment bytes (the remote needs them to accept the statement).
    /// Returns the status, nil when no answer came, and an error text for the record.
    private func post(_ items: [ForwardingItem], to target: StoredForwardingTarget, credentials: String,
                      sql: any SQLDatabase) async -> (status: Int?, error: String) {
        let statements = JSONValue.array(items.map { ForwardingPolicy.document($0.document, forRemoteVersion: target.xapiVersion) })
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: "X-Experience-API-Version", value: target.xapiVersion)
        headers.replaceOrAdd(name: .authorization, value: "Basic " + Data(credentials.utf8).base64EncodedString())
        let body: Data
        let hashes = Set(items.flatMap(\.attachmentHashes))
        do {
            if hashes.isEmpty {
                headers.contentType = .json
                body = statements.serialized()
            } else {
                let boundary = "zhijiao-" + UUID().uuidString.lowercased()
                var parts = [MultipartMixed.Part(headers: ["Content-Type": "application/json"], body: statements.serialized())]
                for (sha2, attachment) in try await StatementStore(sql: sql).attachments(hashes).sorted(by: { $0.key < $1.key }) {
                    parts.append(MultipartMixed.Part(headers: ["Content-Type": attachment.contentType, "Content-Transfer-Encoding": "binary",
                                                               "X-Experience-API-Hash": sha2], body: attachment.content))
                }
                headers.replaceOrAdd(name: .contentType, value: "multipart/mixed; boundary=\(boundary)")
                body = MultipartMixed.build(parts, boundary: boundary)
            }
        } catch {
            return (nil, ForwardingPolicy.trimmedError("attachments could not be read: \(error)"))
        }
        let request = ClientRequest(method: .POST, url: URI(string: target.endpoint + "/statements"), headers: headers,
                                    body: ByteBuffer(data: body), timeout: requestTimeout)
        do {
            let response = try await client.send(request)
            let code = Int(response.status.code)
            if (200...299).contains(code) { return (code, "") }
            let text = response.body.map { String(buffer: $0) } ?? ""
            logger.warning("lrs forwarding: \(target.endpoint) answered \(code) to \(items.count) statement(s)")
            return (code, ForwardingPolicy.trimmedError("HTTP \(code): \(text)"))
        } catch {
            logger.warning("lrs forwarding: \(target.endpoint) unreachable: \(error)")
            return (nil, ForwardingPolicy.trimmedError("no answer: \(String(describing: error))"))
        }
    }
}

/// Runs forwarding passes in the background while the server serves (started from
/// `configure` only for `serve`), and stops them when the application shuts down.
actor ForwardingLifecycle: LifecycleHandler {
    /// Between the end of one pass and the start of the next.
    let interval: Duration
    private var task: Task<Void, Never>?

    init(interval: Duration = .seconds(5)) {
        self.interval = interval
    }

    /// The interval from `ZHIJIAO_LRS_FORWARD_INTERVAL` (seconds), 5 s by default.
    static func fromEnvironment() -> ForwardingLifecycle {
        let seconds = Environment.get("ZHIJIAO_LRS_FORWARD_INTERVAL").flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 5
        return ForwardingLifecycle(interval: .milliseconds(Int64(seconds * 1000)))
    }

    func didBootAsync(_ application: Application) async throws {
        guard task == nil else { return }
        let worker = ForwardingWorker(application)
        let interval = interval
        task = Task.detached {
            while !Task.isCancelled {
                do { try await worker.runOnce() } catch {
                    if Task.isCancelled { break }
                    worker.logger.error("lrs forwarding pass failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        // The pass in flight finishes (its POST is bounded by the request timeout), so no
        // row is left half-recorded; the sleep between passes ends at once.
        task?.cancel()
        await task?.value
        task = nil
    }
}
