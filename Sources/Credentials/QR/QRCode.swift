import Foundation

/// A QR code (ISO/IEC 18004) in byte mode at error-correction level M, versions 1–10 (up to
/// 213 bytes): enough for the verification address printed on every certificate.
public struct QRCode: Sendable {
    public let size: Int
    /// Row-major dark modules.
    public private(set) var modules: [Bool]
    private var reserved: [Bool]

    public enum QRError: Error, Equatable {
        case tooLong(Int)
    }

    /// Data codewords per block and error-correction codewords per block, level M.
    static let blocks: [(groups: [(count: Int, data: Int)], ec: Int)] = [
        ([(1, 16)], 10), ([(1, 28)], 16), ([(1, 44)], 26), ([(2, 32)], 18), ([(2, 43)], 24),
        ([(4, 27)], 16), ([(4, 31)], 18), ([(2, 38), (2, 39)], 22), ([(3, 36), (2, 37)], 22), ([(4, 43), (1, 44)], 26),
    ]
    static let alignment: [[Int]] = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]]

    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    public static func encode(_ text: String) throws(QRError) -> QRCode {
        let bytes = Array(text.utf8)
        var version = 0
        for v in 1...10 {
            let capacity = blocks[v - 1].groups.reduce(0) { $0 + $1.count * $1.data }
            let countBits = v < 10 ? 8 : 16
            if 4 + countBits + bytes.count * 8 <= capacity * 8 { version = v; break }
        }
        guard version > 0 else { throw .tooLong(bytes.count) }
        var code = QRCode(version: version)
        let codewords = code.codewords(bytes, version: version)
        code.place(codewords)
        var best: (penalty: Int, code: QRCode)?
        for mask in 0..<8 {
            var candidate = code
            candidate.apply(mask: mask)
            candidate.drawFormat(mask: mask)
            let penalty = candidate.penalty()
            if let current = best, current.penalty <= penalty { continue }
            best = (penalty, candidate)
        }
        return best?.code ?? code
    }

    private init(version: Int) {
        size = 17 + 4 * version
        modules = [Bool](repeating: false, count: size * size)
        reserved = [Bool](repeating: false, count: size * size)
        for (x, y) in [(0, 0), (size - 7, 0), (0, size - 7)] { drawFinder(x, y) }
        for i in 8..<(size - 8) {
            set(i, 6, i % 2 == 0)
            set(6, i, i % 2 == 0)
        }
        let centres = Self.alignment[version - 1]
        let last = centres.last ?? 6
        for cy in centres {
            for cx in centres where !(cx == 6 && cy == 6) && !(cx == 6 && cy == last) && !(cx == last && cy == 6) {
                for dy in -2...2 { for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) } }
            }
        }
        // Reserve the format areas and the dark module; format bits are drawn after masking.
        for i in 0..<9 {
            reserve(i, 8)
            reserve(8, i)
        }
        for i in 0..<8 {
            reserve(size - 1 - i, 8)
            reserve(8, size - 1 - i)
        }
        set(8, size - 8, true)
        if version >= 7 { drawVersion(version) }
    }

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        guard x >= 0, y >= 0, x < size, y < size else { return }
        modules[y * size + x] = dark
        reserved[y * size + x] = true
    }

    private mutating func reserve(_ x: Int, _ y: Int) { reserved[y * size + x] = true }

    private mutating func drawFinder(_ x0: Int, _ y0: Int) {
        for dy in -1...7 {
            for dx in -1...7 {
                let d = max(abs(dx - 3), abs(dy - 3))
                set(x0 + dx, y0 + dy, d != 2 && d != 4)
            }
        }
    }

    private mutating func drawVersion(_ version: Int) {
        var rem = version
        for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
        let bits = version << 12 | rem
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            set(size - 11 + i % 3, i / 3, dark)
            set(i / 3, size - 11 + i % 3, dark)
        }
    }

    private mutating func drawFormat(mask: Int) {
        let data = 0 << 3 | mask  // level M is 00
        var rem = data
        for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
        let bits = (data << 10 | rem) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { modules[i * size + 8] = bit(i) }
        modules[7 * size + 8] = bit(6)
        modules[8 * size + 8] = bit(7)
        modules[8 * size + 7] = bit(8)
        for i in 9..<15 { modules[8 * size + (14 - i)] = bit(i) }
        for i in 0..<8 { modules[8 * size + (size - 1 - i)] = bit(i) }
        for i in 8..<15 { modules[(size - 15 + i) * size + 8] = bit(i) }
        modules[(size - 8) * size + 8] = true
    }

    private func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let spec = Self.blocks[version - 1]
        let capacity = spec.groups.reduce(0) { $0 + $1.count * $1.data }
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for b in bytes { append(Int(b), 8) }
        append(0, min(4, capacity * 8 - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var data: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { i in bits[i..<i + 8].reduce(0) { $0 << 1 | ($1 ? 1 : 0) } }
        var pad: UInt8 = 0xEC
        while data.count < capacity {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        var blocks: [[UInt8]] = []
        var offset = 0
        for group in spec.groups {
            for _ in 0..<group.count {
                blocks.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let ec = blocks.map { ReedSolomon.remainder($0, degree: spec.ec) }
        var out: [UInt8] = []
        for i in 0..<(blocks.map(\.count).max() ?? 0) { for b in blocks where i < b.count { out.append(b[i]) } }
        for i in 0..<spec.ec { for e in ec { out.append(e[i]) } }
        return out
    }

    private mutating func place(_ codewords: [UInt8]) {
        var bitIndex = 0
        let total = codewords.count * 8
        var right = size - 1
        var upward = true
        while right > 0 {
            if right == 6 { right -= 1 }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for dx in 0..<2 {
                    let x = right - dx
                    guard !reserved[y * size + x] else { continue }
                    if bitIndex < total {
                        modules[y * size + x] = (codewords[bitIndex / 8] >> (7 - UInt8(bitIndex % 8))) & 1 == 1
                    }
                    bitIndex += 1
                }
            }
            upward.toggle()
            right -= 2
        }
    }

    private mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !reserved[y * size + x] {
                let flip: Bool
                switch mask {
                case 0: flip = (x + y) % 2 == 0
                case 1: flip = y % 2 == 0
                case 2: flip = x % 3 == 0
                case 3: flip = (x + y) % 3 == 0
                case 4: flip = (y / 2 + x / 3) % 2 == 0
                case 5: flip = (x * y) % 2 + (x * y) % 3 == 0
                case 6: flip = ((x * y) % 2 + (x * y) % 3) % 2 == 0
                default: flip = ((x + y) % 2 + (x * y) % 3) % 2 == 0
                }
                if flip { modules[y * size + x].toggle() }
            }
        }
    }

    /// Penalty rules 1 (runs), 2 (2×2 blocks) and 4 (balance); the mask with the least wins.
    private func penalty() -> Int {
        var score = 0
        for line in 0..<size {
            var runRow = 1, runCol = 1
            for i in 1..<size {
                if self[i, line] == self[i - 1, line] { runRow += 1 } else { runRow = 1 }
                if runRow == 5 { score += 3 } else if runRow > 5 { score += 1 }
                if self[line, i] == self[line, i - 1] { runCol += 1 } else { runCol = 1 }
                if runCol == 5 { score += 3 } else if runCol > 5 { score += 1 }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) where self[x, y] == self[x + 1, y] && self[x, y] == self[x, y + 1] && self[x, y] == self[x + 1, y + 1] { score += 3 }
        }
        let dark = modules.filter { $0 }.count
        score += abs(dark * 20 - size * size * 10) / (size * size) * 10
        return score
    }

    /// An SVG drawing with the four-module quiet zone.
    public func svg(moduleSize: Int = 4) -> String {
        let total = (size + 8) * moduleSize
        var path = ""
        for y in 0..<size {
            for x in 0..<size where self[x, y] {
                path += "M\((x + 4) * moduleSize),\((y + 4) * moduleSize)h\(moduleSize)v\(moduleSize)h-\(moduleSize)z"
            }
        }
        return ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(total)" height="\##(total)" viewBox="0 0 \##(total) \##(total)" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="\##(path)"/></svg>"##
    }
}

/// Reed–Solomon error correction over GF(256) with the QR polynomial 0x11D.
enum ReedSolomon {
    static let tables: (exp: [UInt8], log: [Int]) = {
        var exp = [UInt8](repeating: 0, count: 512), log = [Int](repeating: 0, count: 256)
        var x = 1
        for i in 0..<255 {
            exp[i] = UInt8(x)
            log[x] = i
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { exp[i] = exp[i - 255] }
        return (exp, log)
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a == 0 || b == 0 ? 0 : tables.exp[tables.log[Int(a)] + tables.log[Int(b)]]
    }

    static func generator(_ degree: Int) -> [UInt8] {
        var g: [UInt8] = [1]
        for i in 0..<degree {
            var next = [UInt8](repeating: 0, count: g.count + 1)
            for (j, c) in g.enumerated() {
                next[j] ^= c
                next[j + 1] ^= multiply(c, tables.exp[i])
            }
            g = next
        }
        return g
    }

    static func remainder(_ data: [UInt8], degree: Int) -> [UInt8] {
        let g = generator(degree)
        var r = data + [UInt8](repeating: 0, count: degree)
        for i in 0..<data.count where r[i] != 0 {
            let factor = r[i]
            for j in 0..<g.count { r[i + j] ^= multiply(g[j], factor) }
        }
        return Array(r.suffix(degree))
    }
}
