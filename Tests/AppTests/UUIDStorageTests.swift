@testable import App
import Foundation
import NIOCore
import SQLiteNIO
import SQLKit
import Testing

@Suite("UUIDs as SQLite stores them")
struct UUIDStorageTests {
    @Test func textIsFoundationsFormAndReadsBackInEitherCase() {
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(id.upperHyphenatedHex == id.uuidString)
            #expect(UUID(hyphenatedHex: id.uuidString) == id)
            #expect(UUID(hyphenatedHex: id.uuidString.lowercased()) == id)
            #expect(UUID(sqliteData: .text(id.uuidString)) == id)
            #expect(id.sqliteData == .text(id.uuidString))
        }
        let bytes: [UInt8] = Array(0..<16)
        var buffer = ByteBufferAllocator().buffer(capacity: 16)
        buffer.writeBytes(bytes)
        #expect(UUID(sqliteData: .blob(buffer))?.uuidString == "00010203-0405-0607-0809-0A0B0C0D0E0F")
    }

    @Test func whatIsNotAUUIDIsRefusedAsFoundationRefusesIt() {
        let refused = ["", "not a uuid", "C0EADF60-55BC-81DA-89BB-05BD79814C5", "C0EADF60-55BC-81DA-89BB-05BD79814C5E0",
                       "C0EADF60+55BC-81DA-89BB-05BD79814C5E", "G0EADF60-55BC-81DA-89BB-05BD79814C5E", "C0EADF6055BC81DA89BB05BD79814C5E",
                       "{C0EADF60-55BC-81DA-89BB-05BD79814C5}", "C0EADF60-55BC-81DA-89BB-05BD7981４C5E"]
        for text in refused {
            #expect(UUID(hyphenatedHex: text) == nil, "\(text)")
            #expect(UUID(uuidString: text) == nil, "Foundation accepts \(text)")
            #expect(UUID(sqliteData: .text(text)) == nil)
        }
        #expect(UUID(sqliteData: .integer(7)) == nil)
        #expect(UUID(sqliteData: .null) == nil)
    }

    /// Rows written before the direct conversion (as text through `Encodable`) and after it are
    /// the same text, so lookups by a bound id keep finding both.
    @Test func storedIdsAreTheSameTextAsBeforeAndFoundByBinding() async throws {
        try await withFixture { app, _ in
            guard app.sql.dialect.name == "sqlite" else { return }
            let row = try #require(try await app.sql.raw("SELECT id, typeof(id) AS t FROM students LIMIT 1").first())
            #expect(try row.decode(column: "t", as: String.self) == "text")
            let id = try row.decode(column: "id", as: UUID.self)
            let text = try row.decode(column: "id", as: String.self)
            #expect(text == id.uuidString)
            let found = try await app.sql.raw("SELECT COUNT(*) AS n FROM students WHERE id = \(bind: id)").first()?.decode(column: "n", as: Int.self)
            #expect(found == 1)
        }
    }
}
