import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030, the encoding Chinese Excel and WPS save "CSV" in, to and from UTF-8.
public enum TextDecoding {
    /// GB18030 through the C library's iconv, which glibc ships with the full table.
    public static func gb18030(_ data: Data) -> String? {
        convert(data, from: "GB18030", to: "UTF-8").flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Encodes `text` as GB18030 (for tests and for exports a user asks to open in old Excel).
    public static func encodeGB18030(_ text: String) -> Data? {
        convert(Data(text.utf8), from: "UTF-8", to: "GB18030")
    }

    /// Converts with iconv straight from the data's bytes. Between UTF-8 and GB18030 a text
    /// grows by at most half (two GB18030 bytes become three UTF-8 ones), so twice the input
    /// is room enough, and it is not zero-filled first (a 200 MB upload would touch 800 MB).
    static func convert(_ data: Data, from: String, to: String) -> Data? {
        let cd = iconv_open(to, from)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        let (capacity, overflow) = data.count.multipliedReportingOverflow(by: 2)
        guard !overflow, capacity < Int.max - 16 else { return nil }
        let outCapacity = capacity + 16
        let output = UnsafeMutablePointer<CChar>.allocate(capacity: outCapacity)
        defer { output.deallocate() }
        let written: Int? = data.withUnsafeBytes { raw in
            var inPtr: UnsafeMutablePointer<CChar>? = raw.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: CChar.self)) }
            var outPtr: UnsafeMutablePointer<CChar>? = output
            var inLeft = raw.count
            var outLeft = outCapacity
            guard inLeft == 0 || iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { return nil }
            return outCapacity - outLeft
        }
        guard let written else { return nil }
        return Data(bytes: output, count: written)
    }
}
