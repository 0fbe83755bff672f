import Foundation
import Testing
import ZIPFoundation
@testable import Inflate

@Suite("Bounded inflate")
struct BoundedInflateTests {
    static func deflate(_ data: Data) throws -> Data {
        var deflated = Data()
        _ = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
            data.subdata(in: min(Int(position), data.count)..<min(Int(position) + size, data.count))
        }, consumer: { deflated.append($0) })
        return deflated
    }

    static func inflate(_ data: Data, limit: Int, ratio: BoundedInflate.RatioCap? = nil) -> Result<Data, BoundedInflate.Failure> {
        data.withUnsafeBytes { BoundedInflate.inflate($0, limit: limit, ratio: ratio) }
    }

    @Test("a stream inflates back to its bytes, and its CRC-32 is zlib's")
    func roundTrip() throws {
        let text = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) })
        let result = Self.inflate(try Self.deflate(text), limit: text.count)
        #expect(try result.get() == text)
        #expect(BoundedInflate.crc32(of: Data("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test("output past the limit stops within one block of it")
    func limit() throws {
        let zeros = Data(count: 10 << 20)
        guard case .failure(.tooLarge(let reached)) = Self.inflate(try Self.deflate(zeros), limit: 1 << 20) else {
            Issue.record("10 MiB inflated under a 1 MiB limit"); return
        }
        #expect(reached > 1 << 20 && reached <= (1 << 20) + 64 * 1024)
    }

    @Test("a stream cut short is an error, never a loop")
    func truncated() throws {
        let deflated = try Self.deflate(Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7) }))
        #expect(Self.inflate(deflated.prefix(deflated.count / 2), limit: 1 << 20) == .failure(.truncated))
        #expect(Self.inflate(Data(), limit: 1 << 20) == .failure(.truncated))
    }

    @Test("bytes that are not deflate are refused")
    func damaged() {
        #expect(Self.inflate(Data(repeating: 0xFF, count: 64), limit: 1 << 20) == .failure(.damaged))
    }

    @Test("a compression ratio past the cap is refused once the output passes the floor")
    func ratio() throws {
        let zeros = try Self.deflate(Data(count: 4 << 20))
        #expect(Self.inflate(zeros, limit: 8 << 20, ratio: .init(maxRatio: 100, floor: 1 << 20)) == .failure(.ratio))
        // Under the floor the same ratio passes.
        #expect((try? Self.inflate(zeros, limit: 8 << 20, ratio: .init(maxRatio: 100, floor: 8 << 20)).get())?.count == 4 << 20)
    }
}
