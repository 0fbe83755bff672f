@testable import App
import Foundation
import Testing

@Suite("Time-ordered record ids")
struct TimeOrderedIDTests {
    @Test func idsAreVersion7AndIncreaseAsTextAndAsBytes() {
        let generator = TimeOrderedID()
        // More than one millisecond's counter can hold, so the borrowing path runs too.
        let ids = generator.next(count: 10_000) + generator.next(count: 3)
        for id in ids {
            let text = id.uuidString
            #expect(Array(text)[14] == "7")                       // version
            #expect("89AB".contains(Array(text)[19]))            // variant 10
        }
        let texts = ids.map(\.uuidString)
        // SQLite keeps ids as this text, PostgreSQL as the bytes: both must run in order.
        #expect(zip(texts, texts.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(texts).count == texts.count)
    }

    @Test func theTimestampIsTheMillisecond() {
        let now = Date(timeIntervalSince1970: 1_796_000_000.123)
        let id = TimeOrderedID().next(count: 1, now: now)[0]
        let hex = id.uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
        #expect(UInt64(hex, radix: 16) == 1_796_000_000_123)
    }

    @Test func importedRecordsGetTimeOrderedIds() async throws {
        try await withFixture { app, f in
            let sql = app.sql
            let ids = try await sql.select().column("id").from("students").all().map { try $0.decode(column: "id", as: UUID.self) }
            #expect(!ids.isEmpty && ids.allSatisfy { Array($0.uuidString)[14] == "7" })
        }
    }
}
