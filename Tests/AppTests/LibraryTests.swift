@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The resource library (issue 16, item 1): the content-addressed store, sniffing, range serving,
/// review visibility, search in Chinese and English with facets. On SQLite, and on PostgreSQL
/// when `DATABASE_URL` is set.
@Suite("Resource library: files stored once, ranges, sniffing, review visibility, search")
struct LibraryTests {
    /// A minimal MP4 head (an `ftyp` box) followed by counting bytes.
    static let video: [UInt8] = [0, 0, 0, 24] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2".utf8) + (0..<1000).map { UInt8($0 % 251) }
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<200).map { UInt8($0) }

    struct Answer {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: ByteBuffer
        var text: String { String(buffer: body) }
        var json: [String: JSONValue] { (try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: body))) ?? [:] }
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, json body: String? = nil,
              bytes: [UInt8]? = nil, headers extra: HTTPHeaders = [:]) async throws -> Answer {
        var answer = Answer(status: .internalServerError, headers: [:], body: ByteBuffer())
        var headers = HTTPHeaders.bearer(token)
        headers.add(contentsOf: extra)
        try await app.testing().test(method, path, headers: headers, beforeRequest: { req in
            if let body {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: body)
            } else if let bytes {
                req.headers.contentType = .binary
                req.body = ByteBuffer(bytes: bytes)
            }
        }, afterResponse: { res in answer = Answer(status: res.status, headers: res.headers, body: res.body) })
        return answer
    }

    func upload(_ app: Application, _ token: String, _ bytes: [UInt8]) async throws -> Answer {
        try await send(app, .POST, "api/v1/library/files", token, bytes: bytes)
    }

    /// Uploads `bytes` and contributes a resource naming them; the new resource's id.
    func contribute(_ app: Application, _ token: String, title: String, kind: String = "video", bytes: [UInt8] = video, type: String = "video/mp4",
                    description: String = "", tags: [String] = [], program: String? = nil, occupation: String? = nil, licence: String = "cc-by") async throws -> (Answer, String?) {
        let file = try await upload(app, token, bytes)
        let sha = file.json["sha256"]?.stringValue ?? ""
        let body: [String: JSONValue] = [
            "kind": .string(kind), "title": .string(title), "description": .string(description), "tags": .array(tags.map(JSONValue.string)),
            "language": .string("zh"), "licence": .string(licence), "author": .string("王老师"),
            "file": .object(["sha256": .string(sha), "fileName": .string("lesson.bin"), "contentType": .string(type)]),
        ].merging(program.map { ["programCode": .string($0)] } ?? [:]) { a, _ in a }.merging(occupation.map { ["occupationCode": .string($0)] } ?? [:]) { a, _ in a }
        let answer = try await send(app, .POST, "api/v1/library/resources", token, json: String(decoding: try JSONEncoder().encode(body), as: UTF8.self))
        return (answer, answer.json["id"]?.stringValue)
    }

    /// A school administrator of the fixture's second school, signed in.
    func otherSchoolToken(_ app: Application, _ f: Fixture) async throws -> String {
        let hash = try await app.password.async.hash(Fixture.password)
        try await User(username: "test-school-b", displayName: "宝安学校管理员", passwordHash: hash, scope: CallerScope(role: .schoolAdmin, institutionID: f.schoolB)).create(on: app.db)
        var token = ""
        try await app.testing().test(.POST, "api/v1/auth/tokens", beforeRequest: { req in
            try req.content.encode(["username": "test-school-b", "password": Fixture.password])
        }, afterResponse: { res in token = try res.content.decode(AuthAPIController.TokenResponse.self).token })
        return token
    }

    func objectCount(_ app: Application) -> Int {
        let objects = app.libraryStore.root.appendingPathComponent("objects")
        return (FileManager.default.enumerator(atPath: objects.path)?.allObjects as? [String])?.filter { $0.count > 64 }.count ?? 0
    }

    @Test func identicalFilesAreStoredOnce() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher), enterprise = f.token(.enterprise)
            let first = try await upload(app, teacher, Self.video)
            #expect(first.status == .created, "\(first.text)")
            #expect(first.json["stored"]?.stringValue == "new")
            #expect(first.json["sniffedType"]?.stringValue == "video/mp4")
            // The same bytes from another contributor: the same address, nothing new on disk.
            let again = try await upload(app, enterprise, Self.video)
            #expect(again.status == .ok)
            #expect(again.json["stored"]?.stringValue == "existing")
            #expect(again.json["sha256"] == first.json["sha256"])
            #expect(objectCount(app) == 1)
            // Two resources naming the same file still hold one copy.
            _ = try await contribute(app, teacher, title: "数控车床操作")
            _ = try await contribute(app, enterprise, title: "企业培训视频")
            #expect(objectCount(app) == 1)
            let other = try await upload(app, teacher, Self.png)
            #expect(other.status == .created)
            #expect(objectCount(app) == 2)
            // A learner may not upload.
            #expect(try await upload(app, f.token(.learner), Self.png).status == .forbidden)
            // Every upload is audited: three here, one in each contribution.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "library-files").count() == 5)
        }
    }

    @Test func rangeRequestsServeExactBytes() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher)
            let (created, id) = try await contribute(app, teacher, title: "数控加工技术")
            #expect(created.status == .created, "\(created.text)")
            let resource = try #require(id)
            let path = "api/v1/library/resources/\(resource)/file"
            let size = Self.video.count
            let whole = try await send(app, .GET, path, teacher)
            #expect(whole.status == .ok)
            #expect(whole.headers.first(name: .contentType) == "video/mp4")
            #expect(whole.headers.first(name: .acceptRanges) == "bytes")
            #expect(Array(whole.body.readableBytesView) == Self.video)
            let etag = try #require(whole.headers.first(name: .eTag))
            #expect(etag.count == 66, "the SHA-256 in quotes: \(etag)")

            let part = try await send(app, .GET, path, teacher, headers: ["Range": "bytes=10-29"])
            #expect(part.status == .partialContent)
            #expect(part.headers.first(name: .contentRange) == "bytes 10-29/\(size)")
            #expect(Array(part.body.readableBytesView) == Array(Self.video[10...29]))
            let tail = try await send(app, .GET, path, teacher, headers: ["Range": "bytes=-7"])
            #expect(tail.status == .partialContent)
            #expect(Array(tail.body.readableBytesView) == Array(Self.video.suffix(7)))
            let open = try await send(app, .GET, path, teacher, headers: ["Range": "bytes=\(size - 3)-"])
            #expect(Array(open.body.readableBytesView) == Array(Self.video.suffix(3)))
            let beyond = try await send(app, .GET, path, teacher, headers: ["Range": "bytes=\(size)-"])
            #expect(beyond.status == .rangeNotSatisfiable)
            #expect(beyond.headers.first(name: .contentRange) == "bytes */\(size)")
            #expect(try await send(app, .GET, path, teacher, headers: ["If-None-Match": etag]).status == .notModified)
            // A range past the end is cut to the file.
            let over = try await send(app, .GET, path, teacher, headers: ["Range": "bytes=\(size - 2)-\(size + 100)"])
            #expect(over.headers.first(name: .contentRange) == "bytes \(size - 2)-\(size - 1)/\(size)")
            #expect(over.body.readableBytes == 2)
        }
    }

    @Test func aMislabelledFileIsRefused() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher)
            // PNG bytes declared as a video.
            let (asVideo, _) = try await contribute(app, teacher, title: "假视频", bytes: Self.png, type: "video/mp4")
            #expect(asVideo.status == .unprocessableEntity)
            #expect(asVideo.text.contains("file.contentType") && asVideo.text.contains(#"image\/png"#), "\(asVideo.text)")
            // Text declared as a picture.
            let (asPicture, _) = try await contribute(app, teacher, title: "假图片", kind: "picture", bytes: Array("<script>alert(1)</script>".utf8), type: "image/png")
            #expect(asPicture.status == .unprocessableEntity)
            // A true PNG declared as PNG, but contributed as a video: the kind does not take pictures.
            let (wrongKind, _) = try await contribute(app, teacher, title: "图片当视频", kind: "video", bytes: Self.png, type: "image/png")
            #expect(wrongKind.status == .unprocessableEntity)
            // The true PNG as a picture is taken, and served as a PNG.
            let (picture, id) = try await contribute(app, teacher, title: "接线图", kind: "picture", bytes: Self.png, type: "image/png")
            #expect(picture.status == .created, "\(picture.text)")
            let served = try await send(app, .GET, "api/v1/library/resources/\(try #require(id))/file", teacher)
            #expect(served.headers.first(name: .contentType) == "image/png")
            // A Word 97–2003 document (an OLE2 compound file) is a document, served as Word;
            // the same bytes declared as a PDF are refused.
            let doc: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 600)
            let (word, wordID) = try await contribute(app, teacher, title: "实训指导书", kind: "document", bytes: doc, type: "application/msword")
            #expect(word.status == .created, "\(word.text)")
            #expect(try await send(app, .GET, "api/v1/library/resources/\(try #require(wordID))/file", teacher).headers.first(name: .contentType) == "application/msword")
            let (asPDF, _) = try await contribute(app, teacher, title: "假PDF", kind: "document", bytes: doc, type: "application/pdf")
            #expect(asPDF.status == .unprocessableEntity)
            // Metadata outside the catalogues is refused by field.
            let (badCodes, _) = try await contribute(app, teacher, title: "代码错误", program: "999999", occupation: "9-99-99-99")
            #expect(badCodes.status == .unprocessableEntity)
            #expect(badCodes.text.contains("programCode") && badCodes.text.contains("occupationCode"))
        }
    }

    @Test func aResourceUnderReviewIsVisibleToNoOtherSchool() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher), city = f.token(.cityAdmin), otherSchool = try await otherSchoolToken(app, f)
            let (created, id) = try await contribute(app, teacher, title: "工业机器人编程", program: f.programA)
            #expect(created.status == .created)
            let resource = try #require(id)
            let strangers = [otherSchool, f.token(.districtAdmin), f.token(.learner), f.token(.enterprise), f.token(.creditReviewer)]
            func seenBy(_ token: String) async throws -> (read: Bool, file: Bool, listed: Bool) {
                let read = try await send(app, .GET, "api/v1/library/resources/\(resource)", token).status
                let file = try await send(app, .GET, "api/v1/library/resources/\(resource)/file", token).status
                let list = try await send(app, .GET, "api/v1/library/resources?q=%E6%9C%BA%E5%99%A8%E4%BA%BA", token).text
                return (read == .ok, file == .ok, list.contains(resource.lowercased()) || list.contains(resource.uppercased()))
            }
            // Contributed: its own school sees it; nobody else.
            #expect(try await seenBy(f.token(.schoolAdmin)) == (true, true, true))
            for token in strangers { #expect(try await seenBy(token) == (false, false, false)) }
            // Under review: still nobody else — a foreign school gets the answer a missing resource gets.
            let submitted = try await send(app, .POST, "api/v1/library/resources/\(resource)/submission", teacher)
            #expect(submitted.status == .ok && submitted.json["status"]?.stringValue == "under_review", "\(submitted.text)")
            for token in strangers { #expect(try await seenBy(token) == (false, false, false)) }
            let foreign = try await send(app, .GET, "api/v1/library/resources/\(resource)", otherSchool)
            let missing = try await send(app, .GET, "api/v1/library/resources/\(UUID())", otherSchool)
            #expect(foreign.status == .notFound && foreign.text == missing.text)
            // Another school cannot send it for review or decide it.
            #expect(try await send(app, .POST, "api/v1/library/resources/\(resource)/submission", otherSchool).status == .notFound)
            #expect(try await send(app, .POST, "api/v1/library/resources/\(resource)/decision", otherSchool, json: #"{"decision":"share","reason":"好"}"#).status == .forbidden)
            // The city sees it in the queue and shares it; then every role sees it.
            let queue = try await send(app, .GET, "api/v1/library/resources?status=under_review", city)
            #expect(queue.json["total"]?.intValue == 1)
            // A decision needs a reason.
            #expect(try await send(app, .POST, "api/v1/library/resources/\(resource)/decision", city, json: #"{"decision":"share","reason":" "}"#).status == .unprocessableEntity)
            let shared = try await send(app, .POST, "api/v1/library/resources/\(resource)/decision", city, json: #"{"decision":"share","reason":"内容规范，准予共享"}"#)
            #expect(shared.json["status"]?.stringValue == "shared", "\(shared.text)")
            for token in strangers { #expect(try await seenBy(token) == (true, true, true)) }
            // A new version takes it back out of sight until it is reviewed again; both versions are kept.
            let sha = try await upload(app, teacher, Self.video + [1, 2, 3]).json["sha256"]?.stringValue ?? ""
            let versioned = try await send(app, .POST, "api/v1/library/resources/\(resource)/versions", teacher,
                                           json: #"{"file":{"sha256":"\#(sha)","fileName":"v2.mp4","contentType":"video/mp4"},"note":"修订"}"#)
            #expect(versioned.json["currentVersion"]?.intValue == 2 && versioned.json["status"]?.stringValue == "contributed", "\(versioned.text)")
            #expect(try await seenBy(otherSchool) == (false, false, false))
            let detail = try await send(app, .GET, "api/v1/library/resources/\(resource)", teacher)
            #expect(detail.text.components(separatedBy: "\"sha256\"").count - 1 >= 3, "resource file + two versions")
            let old = try await send(app, .GET, "api/v1/library/resources/\(resource)/file?version=1", teacher)
            #expect(Array(old.body.readableBytesView) == Self.video)
            // Returned with a reason: its school reads the reason.
            _ = try await send(app, .POST, "api/v1/library/resources/\(resource)/submission", teacher)
            let returned = try await send(app, .POST, "api/v1/library/resources/\(resource)/decision", city, json: #"{"decision":"return","reason":"请补充字幕"}"#)
            #expect(returned.json["status"]?.stringValue == "returned" && returned.json["reviewReason"]?.stringValue == "请补充字幕")
            #expect(try await seenBy(otherSchool) == (false, false, false))
            // Every change is audited.
            let actions = try await AuditEvent.query(on: app.db).filter(\.$entity == LibraryStore.auditEntity).all().map(\.action)
            #expect(Set(actions) == ["contribute", "submit", "share", "add-version", "return"], "\(actions)")
        }
    }

    @Test func theCityDoesNotReviewItsOwnContributionAndSchoolOnlyStaysHome() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), teacher = f.token(.teacher), otherSchool = try await otherSchoolToken(app, f)
            let (_, cityID) = try await contribute(app, city, title: "全市公开课")
            let resource = try #require(cityID)
            _ = try await send(app, .POST, "api/v1/library/resources/\(resource)/submission", city)
            #expect(try await send(app, .POST, "api/v1/library/resources/\(resource)/decision", city, json: #"{"decision":"share","reason":"自审"}"#).status == .conflict)
            // A school-only resource, even shared, is seen by its school alone.
            let (_, homeID) = try await contribute(app, teacher, title: "校内实训指导", licence: "school-only")
            let home = try #require(homeID)
            _ = try await send(app, .POST, "api/v1/library/resources/\(home)/submission", teacher)
            #expect(try await send(app, .POST, "api/v1/library/resources/\(home)/decision", city, json: #"{"decision":"share","reason":"校内共享"}"#).status == .ok)
            #expect(try await send(app, .GET, "api/v1/library/resources/\(home)", otherSchool).status == .notFound)
            #expect(try await send(app, .GET, "api/v1/library/resources/\(home)", f.token(.schoolAdmin)).status == .ok)
        }
    }

    @Test func searchFindsChineseAndEnglishAndCountsFacets() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher)
            let occupation = try #require(app.services.catalog.occupations.entries.keys.sorted().last)
            let titles: [(String, String, String, [String], String?, String)] = [
                ("数控加工技术", "video", "车削与铣削的数控编程", ["数控", "CNC"], f.programA, "cc-by"),
                ("CNC machining basics", "video", "An English introduction to turning and milling", ["machining"], f.programA, "cc-by-sa"),
                ("焊接工艺图解", "picture", "电弧焊接的步骤", ["焊接"], f.programB, "cc-by"),
                ("工业机器人 Robot programming", "document", "机器人示教编程 teach pendant", [], nil, "cc-by"),
            ]
            for (title, kind, description, tags, program, licence) in titles {
                let bytes = kind == "picture" ? Self.png : kind == "document" ? Array("%PDF-1.7\n".utf8) + Array(title.utf8) : Self.video + Array(title.utf8)
                let type = kind == "picture" ? "image/png" : kind == "document" ? "application/pdf" : "video/mp4"
                let (answer, _) = try await contribute(app, teacher, title: title, kind: kind, bytes: bytes, type: type, description: description, tags: tags,
                                                       program: program, occupation: kind == "video" ? occupation : nil, licence: licence)
                #expect(answer.status == .created, "\(title): \(answer.text)")
            }
            func search(_ query: String) async throws -> Answer {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? query
                return try await send(app, .GET, "api/v1/library/resources?\(encoded)", teacher)
            }
            func titlesOf(_ answer: Answer) -> Set<String> {
                Set((answer.json["items"]?.arrayValue ?? []).compactMap { $0.objectValue?["title"]?.stringValue })
            }
            #expect(titlesOf(try await search("q=数控")) == ["数控加工技术"])
            #expect(titlesOf(try await search("q=加工技术")) == ["数控加工技术"])
            #expect(titlesOf(try await search("q=数")) == ["数控加工技术"])
            #expect(titlesOf(try await search("q=cnc")) == ["数控加工技术", "CNC machining basics"])
            #expect(titlesOf(try await search("q=Machin")) == ["CNC machining basics"])
            #expect(titlesOf(try await search("q=编程")) == ["数控加工技术", "工业机器人 Robot programming"])
            #expect(titlesOf(try await search("q=robot 编程")) == ["工业机器人 Robot programming"])
            #expect(titlesOf(try await search("q=焊接")) == ["焊接工艺图解"])
            #expect(titlesOf(try await search("q=数控焊接")).isEmpty)
            #expect(titlesOf(try await search("q=木工")).isEmpty)
            // Facets count every match, not only the page.
            let all = try await search("per=1")
            #expect(all.json["total"]?.intValue == 4)
            func counts(_ answer: Answer, _ facet: String) -> [String: Int] {
                var result: [String: Int] = [:]
                for value in answer.json["facets"]?.objectValue?[facet]?.arrayValue ?? [] {
                    if let v = value.objectValue?["value"]?.stringValue, let n = value.objectValue?["count"]?.intValue { result[v] = n }
                }
                return result
            }
            #expect(counts(all, "kind") == ["video": 2, "picture": 1, "document": 1])
            #expect(counts(all, "program") == [f.programA: 2, f.programB: 1])
            #expect(counts(all, "occupation") == [occupation: 2])
            #expect(counts(all, "licence") == ["cc-by": 3, "cc-by-sa": 1])
            #expect(counts(all, "school") == [f.schoolA.uuidString.lowercased(): 4])
            // A facet narrows the matches and the counts.
            let videos = try await search("q=cnc&licence=cc-by")
            #expect(titlesOf(videos) == ["数控加工技术"])
            #expect(counts(videos, "licence") == ["cc-by": 1])
            #expect(counts(try await search("kind=video"), "program") == [f.programA: 2])
            // What the caller may not see is neither found nor counted.
            let other = try await otherSchoolToken(app, f)
            let theirs = try await send(app, .GET, "api/v1/library/resources?q=%E6%95%B0%E6%8E%A7", other)
            #expect(theirs.json["total"]?.intValue == 0 && counts(theirs, "kind").isEmpty)
        }
    }

    @Test func pagesShowThePlayerAndKeepTheFormOnErrors() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher)
            let (_, id) = try await contribute(app, teacher, title: "数控加工技术")
            let resource = try #require(id)
            let page = try await send(app, .GET, "library/resources/\(resource)", teacher)
            #expect(page.status == .ok)
            #expect(page.text.contains("<video") && page.text.contains("/api/v1/library/resources/\(resource.lowercased())/file"), "\(page.text.prefix(300))")
            let search = try await send(app, .GET, "library?q=%E6%95%B0%E6%8E%A7", teacher)
            #expect(search.text.contains("数控加工技术") && search.text.contains("facet-kind"))
            // The review queue is the city's.
            #expect(try await send(app, .GET, "library/reviews", teacher).status == .forbidden)
            #expect(try await send(app, .GET, "library/reviews", f.token(.cityAdmin)).status == .ok)
            // A form with a mistake comes back with what was typed and the error by its field.
            let boundary = "zhijiao-test-boundary"
            var body = ""
            for (name, value) in [("kind", "video"), ("title", "我的标题"), ("language", "zh"), ("licence", "cc-by"), ("author", ""), ("programCode", "999999")] {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            body += "--\(boundary)--\r\n"
            var headers = HTTPHeaders.bearer(teacher)
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            var status = HTTPStatus.ok, html = ""
            try await app.testing().test(.POST, "library/contribute", headers: headers, body: ByteBuffer(string: body)) { res in
                status = res.status
                html = bodyString(res)
            }
            #expect(status == .unprocessableEntity)
            #expect(html.contains("value=\"我的标题\""), "typed title kept")
            #expect(html.contains("error-author") && html.contains("error-programCode") && html.contains("error-file"))
            // A summary at the top links each problem to its control; messages in one language.
            #expect(html.contains(#"id="error-summary""#) && html.contains(##"href="#lib-program""##) && html.contains(##"href="#lib-author""##))
            #expect(!html.contains(" / must"), "no second language appended")
        }
    }
}

/// The library's pure parts: tokens, byte ranges, sniffing.
@Suite("Resource library: tokens, ranges, sniffing")
struct LibraryUnitTests {
    @Test func hanTextBecomesBigramsAndWordsStayWhole() {
        #expect(LibrarySearchTokens.index("数控加工 CNC-Machining") == ["数控", "控加", "加工", "工", "cnc", "machining"])
        #expect(LibrarySearchTokens.query("数控") == [.init(token: "数控", prefix: false)])
        #expect(LibrarySearchTokens.query("数") == [.init(token: "数", prefix: true)])
        #expect(LibrarySearchTokens.query("robot 编程加工").map(\.token) == ["robot", "编程", "程加", "加工"])
        #expect(LibrarySearchTokens.query("，。!?").isEmpty)
    }

    @Test func rangesFollowRFC9110() {
        #expect(LibraryByteRange.read(nil, size: 100) == .whole)
        #expect(LibraryByteRange.read("bytes=0-9", size: 100) == .part(offset: 0, count: 10))
        #expect(LibraryByteRange.read("bytes=90-", size: 100) == .part(offset: 90, count: 10))
        #expect(LibraryByteRange.read("bytes=-10", size: 100) == .part(offset: 90, count: 10))
        #expect(LibraryByteRange.read("bytes=-1000", size: 100) == .part(offset: 0, count: 100))
        #expect(LibraryByteRange.read("bytes=95-1000", size: 100) == .part(offset: 95, count: 5))
        #expect(LibraryByteRange.read("bytes=100-", size: 100) == .unsatisfiable)
        #expect(LibraryByteRange.read("bytes=-0", size: 100) == .unsatisfiable)
        #expect(LibraryByteRange.read("bytes=0-1,5-6", size: 100) == .whole)
        #expect(LibraryByteRange.read("items=0-1", size: 100) == .whole)
        #expect(LibraryByteRange.read("bytes=9-1", size: 100) == .whole)
    }

    @Test func bytesDecideTheType() {
        #expect(LibraryContentSniffer.sniff(LibraryTests.video).contentType == "video/mp4")
        #expect(LibraryContentSniffer.sniff(LibraryTests.png).family == .image)
        #expect(LibraryContentSniffer.sniff(Array("%PDF-1.4".utf8)).family == .pdf)
        #expect(LibraryContentSniffer.sniff([0x50, 0x4B, 0x03, 0x04, 0, 0]).family == .zip)
        #expect(LibraryContentSniffer.sniff(Array("题目：数控".utf8)).family == .text)
        #expect(LibraryContentSniffer.sniff([0, 1, 2, 3, 0xFE]).family == .unknown)
        #expect(LibraryContentSniffer.servedType(declared: "image/png", sniffed: LibraryContentSniffer.sniff(LibraryTests.video)) == "video/mp4")
        #expect(LibraryContentSniffer.servedType(declared: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                                 sniffed: LibraryContentSniffer.sniff([0x50, 0x4B, 0x03, 0x04])) == "application/vnd.openxmlformats-officedocument.presentationml.presentation")
    }
}
