import Foundation
import Testing
@testable import Credentials

@Suite struct StatusAndBakingTests {
    @Test func bitsRoundTripThroughTheEncodedListMostSignificantBitFirst() throws {
        var bits = StatusBitstring()
        #expect(bits.count == 131_072)
        bits[0] = true
        bits[9] = true
        bits[131_071] = true
        #expect(bits.bytes[0] == 0x80 && bits.bytes[1] == 0x40)
        let encoded = try bits.encodedList()
        #expect(encoded.hasPrefix("u"))
        #expect(encoded.count < 1_000, "an almost empty list compresses")
        let decoded = try StatusBitstring.decode(encoded)
        #expect(decoded == bits)
        #expect(decoded[9] && !decoded[8] && decoded[131_071])
        bits[9] = false
        #expect(!bits[9])
    }

    @Test func anInflationBombIsRefused() throws {
        let big = try StatusBitstring(length: 8 * 1024 * 1024 * 8).encodedList()
        #expect(throws: VerificationFailure.self) { try StatusBitstring.decode(big, limit: 1024 * 1024) }
        #expect(throws: VerificationFailure.self) { try StatusBitstring.decode("unot-gzip") }
    }

    /// ZIPFoundation's inflate looped forever on a deflate stream cut short; every cut of a
    /// real list (header kept, trailer kept) must now be refused at once, and a changed byte
    /// of the trailer too.
    @Test func aCutDeflateStreamIsAnErrorNotALoop() throws {
        var bits = StatusBitstring(length: 131_072)
        for i in stride(from: 0, to: 131_072, by: 7) { bits[i] = true }
        let gzip = try Gzip.compress(Data(bits.bytes))
        #expect(try Gzip.decompress(gzip, limit: 1 << 20) == Data(bits.bytes))
        let body = gzip[10..<(gzip.count - 8)]
        let trailer = gzip.suffix(8)
        for cut in [1, body.count / 3, body.count / 2, body.count - 1] {
            let truncated = gzip.prefix(10) + body.prefix(cut) + trailer
            #expect(throws: VerificationFailure.self) { try Gzip.decompress(Data(truncated), limit: 1 << 20) }
        }
        // Cut inside the trailer: the stream loses its last bytes.
        #expect(throws: VerificationFailure.self) { try Gzip.decompress(Data(gzip.prefix(gzip.count - 3)), limit: 1 << 20) }
        var badCRC = gzip
        badCRC[badCRC.count - 8] ^= 0xff
        #expect(throws: VerificationFailure.self) { try Gzip.decompress(badCRC, limit: 1 << 20) }
    }

    @Test func theStatusListCredentialIsSignedAndCarriesItsPurpose() throws {
        let key = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        var bits = StatusBitstring()
        bits[5] = true
        let url = issuer.baseURL + "/credentials/status/revocation"
        let jwt = try StatusListCredential.signed(listURL: url, purpose: .revocation, bits: bits, issuer: issuer, key: key, now: issuedAt)
        let jws = try CompactJWS.parse(jwt)
        #expect(key.publicKey.isValidSignature(jws.signature, for: jws.signingInput))
        #expect(jws.payload["credentialSubject"]?["statusPurpose"]?.stringValue == "revocation")
        #expect(jws.payload["iss"]?.stringValue == issuer.did)
        let decoded = try StatusBitstring.decode(jws.payload["credentialSubject"]?["encodedList"]?.stringValue ?? "")
        #expect(decoded[5] && !decoded[4])
    }

    @Test func pngBakingRoundTripsAndReplacesAnEarlierCredential() throws {
        let image = try PNGBaking.badgeImage(size: 32)
        #expect(PNGBaking.isPNG(image))
        let once = try PNGBaking.bake("first.jwt.token", into: image)
        let twice = try PNGBaking.bake("second.jwt.token", into: once)
        #expect(try PNGBaking.extract(from: twice) == "second.jwt.token")
        #expect(try PNGBaking.chunks(twice).filter { $0.type == "iTXt" }.count == 1)
        #expect(try PNGBaking.chunks(twice).last?.type == "IEND")
        #expect(throws: VerificationFailure.self) { try PNGBaking.extract(from: image) }
    }

    @Test func svgBakingRoundTrips() throws {
        let svg = SVGBaking.badge(titleZh: "电工（四级）<A&B>", titleEn: "Electrician", token: "a.b.c")
        #expect(svg.contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\""))
        #expect(svg.contains("&lt;A&amp;B&gt;"))
        #expect(try SVGBaking.extract(from: Data(svg.utf8)) == "a.b.c")
        #expect(throws: VerificationFailure.self) { try SVGBaking.extract(from: Data("<svg></svg>".utf8)) }
    }

    @Test func everyInputFormFindsTheSameToken() throws {
        let token = "eyJhbGciOiJFZERTQSJ9.e30.c2ln"
        #expect(try CredentialInput.token(from: Data(("  " + token + "\n").utf8)) == token)
        #expect(try CredentialInput.token(from: CredentialInput.envelope(token).serialized()) == token)
        #expect(try CredentialInput.token(from: Data(#"{"jwt":"\#(token)"}"#.utf8)) == token)
        #expect(try CredentialInput.token(from: try PNGBaking.bake(token, into: try PNGBaking.badgeImage(size: 8))) == token)
        #expect(try CredentialInput.token(from: Data(SVGBaking.badge(titleZh: "x", titleEn: "x", token: token).utf8)) == token)
        #expect(throws: VerificationFailure.self) { try CredentialInput.token(from: Data(#"{"type":["VerifiableCredential"]}"#.utf8)) }
        #expect(throws: VerificationFailure.self) { try CredentialInput.token(from: Data()) }
    }

    @Test func aTranscriptHoldsTheAchievementCredentials() throws {
        let key = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        let clr = CredentialDocument.clr(id: UUID(), issuer: issuer, subjectID: "urn:uuid:a", nameZh: "学分银行成绩单", nameEn: "Credit Bank Transcript",
                                         achievements: [credential(), credential()], validFrom: issuedAt, status: nil)
        let report = verifier([key.publicKey]).verify(try signed(clr, with: key), status: nothingRevoked)
        #expect(report.verified)
        #expect(report.credential?["credentialSubject"]?["verifiableCredential"]?.arrayValue?.count == 2)
        #expect(report.credential?["type"]?.stringList == ["VerifiableCredential", "ClrCredential"])
    }
}

@Suite struct QRCodeTests {
    @Test func aVerificationAddressFitsAndKeepsTheFixedPatterns() throws {
        let url = "https://zhijiao.example.cn/verify/0b9ad0e4-3f5e-4f7b-9d67-2f1b2c3d4e5f"
        let qr = try QRCode.encode(url)
        #expect(qr.size == 37, "72 bytes at level M need version 5")
        // Finder patterns: dark ring, light ring, dark 3×3 core, in three corners.
        for (x0, y0) in [(0, 0), (qr.size - 7, 0), (0, qr.size - 7)] {
            #expect(qr[x0, y0] && qr[x0 + 6, y0 + 6] && !qr[x0 + 1, y0 + 1] && qr[x0 + 3, y0 + 3])
        }
        // Timing pattern and the dark module.
        #expect((8..<(qr.size - 8)).allSatisfy { qr[$0, 6] == ($0 % 2 == 0) })
        #expect(qr[8, qr.size - 8])
        #expect(qr.svg().hasPrefix("<svg"))
        #expect(throws: QRCode.QRError.tooLong(300)) { try QRCode.encode(String(repeating: "x", count: 300)) }
    }

    @Test func reedSolomonMatchesTheStandardsWorkedExample() {
        // ISO/IEC 18004 Annex I: "01234567" at 1-M; its 16 data codewords give these 10 EC codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon.remainder(data, degree: 10) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }
}

@Suite struct JSONAndTimeTests {
    @Test func jsonRoundTripsAndAgreesWithFoundation() throws {
        let text = #"{"b":[1,-2.5,true,false,null,"\u00e9\"\\\n"],"a":{"中文":"值 \ud83d\ude00","x":2.25e0}}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value["a"]?["中文"]?.stringValue == "值 😀")
        #expect(value["b"]?.arrayValue?[1] == .double(-2.5))
        let again = try JSONValue.parse(value.serialized())
        #expect(again == value)
        let viaFoundation = try JSONDecoder().decode(JSONValue.self, from: value.serialized())
        #expect(viaFoundation["b"]?.arrayValue?.count == 6)
        #expect(String(decoding: JSONValue.object(["b": 1, "a": 2]).serialized(), as: UTF8.self) == #"{"a":2,"b":1}"#)
        for bad in ["{", "[1,]", "01", "\"\u{01}\"", "{\"a\" 1}", "tru", "1 2", String(repeating: "[", count: 100) + String(repeating: "]", count: 100)] {
            #expect(throws: (any Error).self) { try JSONValue.parse(Data(bad.utf8)) }
        }
    }

    @Test func timestampsMatchTheFormatter() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        for seconds in [0, 951_782_400, 1_780_000_000, 4_102_444_799, -86_401] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(Timestamp.format(date) == f.string(from: date))
            #expect(Timestamp.parse(Timestamp.format(date)) == date)
        }
        #expect(Timestamp.parse("2026-11-30T08:00:00+08:00") == Date(timeIntervalSince1970: 1_795_996_800))
        #expect(Timestamp.parse("2026-13-01T00:00:00Z") == nil)
    }
}

@Suite struct Base64URLTests {
    @Test func agreesWithFoundationAndRefusesTheOtherAlphabet() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<70 {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let expected = data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(data) == expected)
            #expect(Base64URL.decode(expected) == data)
        }
        #expect(Base64URL.decode("ab+/") == nil)
        #expect(Base64URL.decode("YQ==") == nil)
        #expect(Base64URL.decode("YR") == nil, "a non-zero dangling bit")
        #expect(Base64URL.decode("abcde") == nil)
    }
}
