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

    static func convert(_ data: Data, from: String, to: String) -> Data? {
        let cd = iconv_open(to, from)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = [CChar](repeating: 0, count: data.count)
        _ = input.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        var output = [CChar](repeating: 0, count: data.count * 4 + 16)
        let outCapacity = output.count
        var inLeft = data.count
        var outLeft = outCapacity
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        return output.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(start: $0.baseAddress, count: outCapacity - outLeft)) }
    }
}
