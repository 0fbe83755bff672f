import Credentials
import Foundation
import JSON

/// The rules of forwarding statements to another LRS (转发): when a failed delivery is tried
/// again, when a statement gives up and joins the dead-letter list (死信), and what a remote
/// answer means for the statements sent. Pure, so the schedule and the classification are
/// tested without a network.
public enum ForwardingPolicy {
    /// Failed attempts after which a statement is a dead letter (an operator may retry it).
    public static let maxAttempts = 8
    /// The first retry waits about this long; each further failure doubles it.
    public static let baseDelay: TimeInterval = 10
    /// No retry waits longer than this.
    public static let maxDelay: TimeInterval = 3600
    /// Statements in one POST (the batch size the task reads from the queue).
    public static let batchSize = 100
    /// A remote's error text kept with the statement, at most this many characters.
    public static let maxErrorLength = 500

    /// The wait before the next attempt after `failures` failed ones (1 = the first failure):
    /// `baseDelay · 2^(failures-1)`, capped at `maxDelay`, then scaled into its upper half by
    /// `jitter` (0 ≤ jitter < 1) — "equal jitter", so statements that failed together spread
    /// out instead of all hitting a recovering remote in the same second, yet never retry
    /// sooner than half the schedule.
    public static func delay(afterFailures failures: Int, jitter: Double) -> TimeInterval {
        let exponent = min(max(failures - 1, 0), 30)
        let full = min(maxDelay, baseDelay * pow(2, Double(exponent)))
        let unit = min(max(jitter, 0), 1)
        return full / 2 + full / 2 * unit
    }

    /// Whether a statement that has now failed `failures` times is given up (dead).
    public static func isExhausted(failures: Int) -> Bool { failures >= maxAttempts }

    /// An error text fit to keep: one line, at most `maxErrorLength` characters.
    public static func trimmedError(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        return line.count <= maxErrorLength ? line : String(line.prefix(maxErrorLength - 1)) + "…"
    }

    /// What the remote's answer to one POST means for the statements in it.
    public enum Outcome: Sendable, Equatable {
        /// Stored (or already stored: a remote answers 200 to statements it has, by id).
        case sent
        /// Not this statement's fault (network, the remote down or overloaded, our
        /// credentials or endpoint wrong): every statement counts one failed attempt.
        case retryLater
        /// The remote refused the batch for its content: one statement may be bad, so each is
        /// sent on its own and cannot hold up the rest.
        case retrySingly
        /// The remote refused this one statement for its content (a 400 or a 409 conflict):
        /// sending it again cannot succeed, so it goes straight to the dead letters.
        case rejected
    }

    /// Classifies a POST's answer. `status` is nil when no answer came (connection refused,
    /// timeout, TLS failure).
    public static func classify(status: Int?, batchSize: Int) -> Outcome {
        guard let status else { return .retryLater }
        switch status {
        case 200...299: return .sent
        // Time-outs, throttling and the remote's own trouble pass.
        case 408, 425, 429: return .retryLater
        // Our credentials, the endpoint or the method are wrong for every statement alike:
        // splitting would send a hundred requests that fail the same way.
        case 401, 403, 404, 405: return .retryLater
        case 400...499: return batchSize > 1 ? .retrySingly : .rejected
        default: return .retryLater
        }
    }

    /// The forwarded form of a stored statement for a remote speaking `version` (a header
    /// value). A 1.0.x remote refuses a statement whose `version` property is 2.0.x, and the
    /// property is the LRS's to set anyway, so it is left out for such remotes; the statement
    /// is otherwise sent as stored (id, timestamp, stored and authority kept).
    public static func document(_ stored: JSONValue, forRemoteVersion version: String) -> JSONValue {
        guard XAPIVersion(header: version) == .v1_0, case .object(var object) = stored,
              let own = object["version"]?.stringValue, !own.hasPrefix("1.0") else { return stored }
        object["version"] = nil
        return .object(object)
    }
}
