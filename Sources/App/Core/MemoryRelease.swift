#if canImport(Glibc)
import Glibc
#endif

/// Hands memory freed after a large piece of work (an import's table, its rows and errors)
/// back to the operating system. glibc keeps freed heap pages otherwise, so one big upload
/// would leave the server's resident size hundreds of MiB higher for good.
enum MemoryRelease {
    #if canImport(Glibc)
    /// glibc's `malloc_trim`, which the Glibc module does not export; looked up once.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif

    static func now() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
