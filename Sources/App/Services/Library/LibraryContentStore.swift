import Crypto
import Foundation
import NIOCore
import Registry
import Vapor

/// A file as the content store holds it: addressed by its SHA-256, so identical files are
/// stored once (内容寻址存储).
struct StoredContent: Sendable, Equatable {
    var sha256: String
    var size: Int64
    var sniffed: LibraryContentSniffer.Sniffed
    /// False when an identical file was already stored and this upload added nothing.
    var new: Bool
}

/// Where resource files live. The disk store is the one built; an S3-compatible store (objects
/// keyed by the same SHA-256, served by a presigned redirect) would be a second conformance
/// chosen by configuration — it is not built.
protocol LibraryContentStore: Sendable {
    /// Reads `chunks` into the store, at most `maxBytes` (413 beyond), and names the stored file.
    func ingest<Chunks: AsyncSequence>(_ chunks: Chunks, maxBytes: Int) async throws -> StoredContent where Chunks.Element == ByteBuffer
    /// The local path of a stored file, nil when the store does not hold it.
    func path(of sha256: String) -> String?
}

/// The content store on disk: `<root>/objects/ab/cd/<sha256>`. An upload is written to
/// `<root>/incoming/` while it is hashed, flushed to disk, then renamed into place — so a file
/// under its hash is always complete, and a crash leaves only a stray incoming file.
struct DiskContentStore: LibraryContentStore {
    let root: URL

    init(root: URL) {
        self.root = root
    }

    static func isHash(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    func objectURL(_ sha256: String) -> URL {
        root.appendingPathComponent("objects").appendingPathComponent(String(sha256.prefix(2)))
            .appendingPathComponent(String(sha256.dropFirst(2).prefix(2))).appendingPathComponent(sha256)
    }

    func path(of sha256: String) -> String? {
        guard Self.isHash(sha256) else { return nil }
        let path = objectURL(sha256).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    func ingest<Chunks: AsyncSequence>(_ chunks: Chunks, maxBytes: Int) async throws -> StoredContent where Chunks.Element == ByteBuffer {
        // Made on first use, so that commands which never store a file leave no folder behind.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("incoming"), withIntermediateDirectories: true)
        let incoming = root.appendingPathComponent("incoming").appendingPathComponent(UUID().uuidString)
        guard FileManager.default.createFile(atPath: incoming.path, contents: nil) else { throw LibraryStoreError.storage("cannot create \(incoming.path)") }
        var keep = false
        defer { if !keep { try? FileManager.default.removeItem(at: incoming) } }
        let handle = try FileHandle(forWritingTo: incoming)
        var hasher = SHA256()
        var size: Int64 = 0
        var head: [UInt8] = []
        do {
            for try await buffer in chunks {
                size += Int64(buffer.readableBytes)
                if size > Int64(maxBytes) { throw AppError.tooLarge(maxBytes: maxBytes) }
                buffer.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
                if head.count < LibraryContentSniffer.headLength {
                    head += buffer.getBytes(at: buffer.readerIndex, length: min(buffer.readableBytes, LibraryContentSniffer.headLength - head.count)) ?? []
                }
                try handle.write(contentsOf: Data(buffer: buffer))
            }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        guard size > 0 else { throw AppError.validation([FieldError(field: "file", zh: "文件为空", en: "the file is empty")]) }
        let sha = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let target = objectURL(sha)
        let sniffed = LibraryContentSniffer.sniff(head)
        if FileManager.default.fileExists(atPath: target.path) {
            return StoredContent(sha256: sha, size: size, sniffed: sniffed, new: false)
        }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        // rename(2) is atomic; two identical uploads racing both land the same bytes.
        guard rename(incoming.path, target.path) == 0 else { throw LibraryStoreError.storage("cannot move an upload into \(target.path)") }
        keep = true
        return StoredContent(sha256: sha, size: size, sniffed: sniffed, new: true)
    }

    /// The head of a stored file, for sniffing it again.
    func head(of sha256: String) -> [UInt8] {
        guard let path = path(of: sha256), let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: LibraryContentSniffer.headLength)) ?? Data())
    }
}

/// A failure of the library's storage (not the caller's doing).
enum LibraryStoreError: Error, CustomStringConvertible {
    case storage(String)

    var description: String {
        switch self {
        case .storage(let why): "resource library storage: \(why)"
        }
    }
}

/// Where the library keeps its files and how large an upload may be.
enum LibraryFiles {
    /// A file sent to the API (streamed to disk as it arrives).
    static let maxUploadBytes = 1 << 30
    /// A file sent with the page's form (the form is read whole before it is parsed).
    static let maxFormBytes = 64 << 20

    /// `ZHIJIAO_LIBRARY_DIR`, else beside the SQLite file (`<file>.library/`) or, on
    /// PostgreSQL, `zhijiao-library/` in the working directory; a throw-away directory for tests.
    static func directory(_ app: Application) -> URL {
        if let dir = Environment.get("ZHIJIAO_LIBRARY_DIR"), !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if app.environment == .testing {
            return FileManager.default.temporaryDirectory.appendingPathComponent("zt-library-\(UUID().uuidString.prefix(12))")
        }
        switch StorageConfiguration.fromEnvironment() {
        case .sqlite(let path): return URL(fileURLWithPath: path + ".library")
        case .postgres: return URL(fileURLWithPath: "zhijiao-library")
        }
    }

    /// Opens the disk store for `app` (a test's throw-away directory is removed at shutdown).
    static func configure(_ app: Application) {
        let directory = directory(app)
        app.libraryStore = DiskContentStore(root: directory)
        if app.environment == .testing, Environment.get("ZHIJIAO_LIBRARY_DIR") == nil {
            app.lifecycle.use(RemoveOnShutdown(directory: directory))
        }
    }

    struct RemoveOnShutdown: LifecycleHandler {
        let directory: URL
        func shutdown(_ application: Application) { try? FileManager.default.removeItem(at: directory) }
    }
}

extension Application {
    private struct LibraryStoreKey: StorageKey { typealias Value = DiskContentStore }

    var libraryStore: DiskContentStore {
        get {
            guard let store = storage[LibraryStoreKey.self] else { fatalError("the library's routes have not been registered") }
            return store
        }
        set { storage[LibraryStoreKey.self] = newValue }
    }
}
