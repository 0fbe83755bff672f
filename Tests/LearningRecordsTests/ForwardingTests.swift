import Credentials
import Foundation
import Testing
@testable import LearningRecords

/// Forwarding (转发) rules: the retry schedule, when a statement becomes a dead letter (死信),
/// and what each remote answer means for a batch.
@Suite struct ForwardingTests {
    @Test func theScheduleDoublesFromTenSecondsUpToAnHour() {
        // With the largest jitter the delay is the full schedule…
        let full = (1...12).map { ForwardingPolicy.delay(afterFailures: $0, jitter: 0.999_999) }
        #expect(abs(full[0] - 10) < 0.01)
        #expect(abs(full[1] - 20) < 0.01)
        #expect(abs(full[6] - 640) < 0.01)
        #expect(full.allSatisfy { $0 <= 3600 })
        #expect(abs(full[11] - 3600) < 0.01)
        // …with none it is half of it: never sooner.
        #expect(ForwardingPolicy.delay(afterFailures: 1, jitter: 0) == 5)
        #expect(ForwardingPolicy.delay(afterFailures: 20, jitter: 0) == 1800)
        // Out-of-range inputs stay on the schedule.
        #expect(ForwardingPolicy.delay(afterFailures: 0, jitter: -1) == 5)
        #expect(ForwardingPolicy.delay(afterFailures: 1_000, jitter: 7) == 3600)
        for failures in 1...10 {
            #expect(ForwardingPolicy.delay(afterFailures: failures + 1, jitter: 0.5) >= ForwardingPolicy.delay(afterFailures: failures, jitter: 0.5))
        }
    }

    @Test func eightFailuresMakeADeadLetter() {
        #expect(!ForwardingPolicy.isExhausted(failures: 7))
        #expect(ForwardingPolicy.isExhausted(failures: 8))
    }

    @Test func answersAreClassifiedForBatchesAndSingles() {
        #expect(ForwardingPolicy.classify(status: 200, batchSize: 100) == .sent)
        #expect(ForwardingPolicy.classify(status: 204, batchSize: 1) == .sent)
        #expect(ForwardingPolicy.classify(status: nil, batchSize: 100) == .retryLater)
        for status in [408, 429, 500, 502, 503, 504] {
            #expect(ForwardingPolicy.classify(status: status, batchSize: 100) == .retryLater)
            #expect(ForwardingPolicy.classify(status: status, batchSize: 1) == .retryLater)
        }
        // Wrong credentials or endpoint fail every statement alike: no splitting.
        for status in [401, 403, 404] { #expect(ForwardingPolicy.classify(status: status, batchSize: 100) == .retryLater) }
        // A content refusal splits a batch, and condemns a single statement.
        for status in [400, 409, 413] {
            #expect(ForwardingPolicy.classify(status: status, batchSize: 2) == .retrySingly)
            #expect(ForwardingPolicy.classify(status: status, batchSize: 1) == .rejected)
        }
    }

    @Test func errorsAreKeptOnOneShortLine() {
        #expect(ForwardingPolicy.trimmedError("HTTP 400\n  bad verb \n") == "HTTP 400 bad verb")
        let long = ForwardingPolicy.trimmedError(String(repeating: "语", count: 2_000))
        #expect(long.count == 500)
        #expect(long.hasSuffix("…"))
    }

    @Test func aOnePointZeroRemoteGetsNoTwoPointZeroVersionProperty() {
        let stored: JSONValue = ["id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "version": "2.0.0", "stored": "2024-05-04T17:00:01.000Z"]
        #expect(ForwardingPolicy.document(stored, forRemoteVersion: "2.0.0") == stored)
        let old = ForwardingPolicy.document(stored, forRemoteVersion: "1.0.3")
        #expect(old["version"] == nil)
        #expect(old["stored"]?.stringValue == "2024-05-04T17:00:01.000Z")
        let already: JSONValue = ["id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "version": "1.0.0"]
        #expect(ForwardingPolicy.document(already, forRemoteVersion: "1.0.3") == already)
    }
}
