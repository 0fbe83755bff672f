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
