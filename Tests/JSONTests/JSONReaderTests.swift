import Foundation
import JSON
import Testing

@Suite("The shared JSON reader and writer")
struct JSONReaderTests {
    static let samples = [
        #"{"a": [1, -2, 3.5, 1e3, -0.25E-2, true, false, null], "b": {"c": "d"}, "e": []}"#,
        #"["\"quoted\" \\ \/ \b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude00", "职教 plain", ""]"#,
        #"  {"big": 123456789012345678, "bigger": 1234567890123456789, "huge": 123456789012345678901234567890, "neg": -9}  "#,
        #"[[[[]]], {}, [{}], {"k": [{"k": null}]}]"#,
    ]

    /// Our reading of each sample equals Foundation's, value by value.
    @Test(arguments: samples) func readsWhatFoundationReads(text: String) throws {
        let ours = try JSONValue.parse(Data(text.utf8))
        let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(Self.same(ours, foundation), "\(ours) vs \(foundation)")
    }

    /// What the writer writes, Foundation reads back to the same value.
    @Test(arguments: samples) func writesWhatReadsBack(text: String) throws {
        let value = try JSONValue.parse(Data(text.utf8))
        let written = value.serialized()
        // Writing is a fixed point (a whole double such as 1e3 is written 1000 and read as an int).
        #expect(try JSONValue.parse(written).serialized() == written)
        let foundation = try JSONSerialization.jsonObject(with: written, options: [.fragmentsAllowed])
        #expect(Self.same(value, foundation))
    }

    @Test func writerEscapesControlCharactersAndSortsKeysByBytes() throws {
        let value: JSONValue = ["b": "x\u{01}y\"z\n", "a": 1, "B": [true, .null]]
        let text = String(decoding: value.serialized(), as: UTF8.self)
        #expect(text == #"{"B":[true,null],"a":1,"b":"x\u0001y\"z\n"}"#)
        #expect(try JSONValue.parse(Data(text.utf8)) == value)
    }

    @Test(arguments: [
        "", "[1,]", #"{"a":1,}"#, "01", "-", "1.", "1e", "[1 2]", #"{"a" 1}"#, #"{1:2}"#, "\"\u{01}\"", #""\x""#,
        #""\ud800""#, #""\ud800\u0041""#, "nul", "tru", "[1] x", #""unterminated"#, "{", "]",
    ]) func refusesWhatIsNotJSON(text: String) {
        #expect(throws: JSONError.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONError.self) { try JSONValue.parse(Data([0x22, 0xff, 0xfe, 0x22])) }
    }

    @Test func limitsNesting() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try JSONValue.parse(Data(ok.utf8)) != .null)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONError.self) { try JSONValue.parse(Data(deep.utf8)) }
    }

    @Test func errorsSayWhereAndWhat() {
        do {
            _ = try JSONValue.parse(Data(#"{"a": [1, 2,, 3]}"#.utf8))
            Issue.record("accepted a double comma")
        } catch let error as JSONError {
            #expect(error.offset == 12)
            #expect(error.description.contains("第 12 字节") && error.description.contains("byte 12"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// The pull reader walks a matching-problem shape without a tree, and refuses a wrong type.
    @Test func pullReaderReadsWhatItIsAskedFor() throws {
        let text = #"{"students": {"s1": ["p1", "p2"], "s2": []}, "posts": {"p1": {"capacity": 2, "ranking": ["s2", "s1"], "note": {"x": [1]}}}}"#
        var students: [String: [String]] = [:]
        var posts: [String: (Int, [String])] = [:]
        try JSONReader.read(Data(text.utf8)) { reader in
            try reader.object { key, reader in
                switch key {
                case "students": try reader.object { name, reader in students[name] = try reader.strings() }
                case "posts":
                    try reader.object { name, reader in
                        var capacity = -1, ranking: [String] = []
                        try reader.object { field, reader in
                            switch field {
                            case "capacity": capacity = try reader.int()
                            case "ranking": ranking = try reader.strings()
                            default: try reader.skip()
                            }
                        }
                        posts[name] = (capacity, ranking)
                    }
                default: try reader.skip()
                }
            }
        }
        #expect(students == ["s1": ["p1", "p2"], "s2": []])
        #expect(posts["p1"]?.0 == 2 && posts["p1"]?.1 == ["s2", "s1"])
        #expect(throws: JSONError.self) { try JSONReader.read(Data(#"{"capacity": 1.5}"#.utf8)) { r in try r.object { _, r in _ = try r.int() } } }
        #expect(throws: JSONError.self) { try JSONReader.read(Data(#"["a", 1]"#.utf8)) { try $0.strings() } }
        var kind: JSONReader.Kind?
        _ = try JSONReader.read(Data(" -1".utf8)) { reader in kind = reader.peek(); return try reader.int() }
        #expect(kind == .number)
    }

    /// Compares our value with Foundation's reading (NSNumber for numbers and booleans).
    static func same(_ value: JSONValue, _ object: Any) -> Bool {
        switch value {
        case .null: return object is NSNull
        case .bool(let b): return (object as? Bool) == b
        case .int(let i): return (object as? NSNumber)?.int64Value == Int64(i)
        case .double(let d): return ((object as? NSNumber)?.doubleValue).map { abs($0 - d) <= abs(d) * 1e-12 } ?? false
        case .string(let s): return (object as? String) == s
        case .array(let a):
            guard let o = object as? [Any], o.count == a.count else { return false }
            return zip(a, o).allSatisfy { same($0, $1) }
        case .object(let d):
            guard let o = object as? [String: Any], o.count == d.count else { return false }
            return d.allSatisfy { key, v in o[key].map { same(v, $0) } ?? false }
        }
    }
}
