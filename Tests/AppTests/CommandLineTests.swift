import Foundation
import Testing

/// Runs the `zhijiao` executable as a user would: a failing command prints its error in one
/// line and exits 1 (2 for a usage error) — never a trap, a backtrace or a register dump.
@Suite("Command line", .serialized)
struct CommandLineTests {
    /// `.build/debug/zhijiao` (or the build folder this test bundle was built into).
    static var executable: URL {
        let bundle = Bundle.main.bundleURL
        let beside = bundle.deletingLastPathComponent().appendingPathComponent("zhijiao")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/zhijiao")
    }

    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["ZHIJIAO_DATA_KEY"] = nil
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zt_cli_\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func noTrap(_ run: Run) {
        for marker in ["Fatal error", "backtrace", "Backtrace", "Illegal instruction", "Crash", "rax"] {
            #expect(!run.err.contains(marker), "stderr shows \(marker): \(run.err.prefix(400))")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build the zhijiao product first (swift build)"))
    func commandsFailInOneLineWithExitCodes() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["ZHIJIAO_SQLITE_PATH": dir.appendingPathComponent("cli.sqlite").path, "ZHIJIAO_DEMO": "0"]

        // An import of a file with bad rows: the row errors, then one line, exit 1.
        let csv = dir.appendingPathComponent("bad.csv")
        try Data("机构代码,学校名称,院校类型,办学性质,所在区\nX-1,,nonsense,public,999999\n".utf8).write(to: csv)
        let rejected = try run(["import", "institutions", csv.path], in: dir, environment: env)
        #expect(rejected.status == 1)
        #expect(rejected.err.contains("第2行"))
        #expect(rejected.err.contains("zhijiao: import rejected (3 errors)"))
        noTrap(rejected)

        // A missing file.
        let missing = try run(["import", "students", dir.appendingPathComponent("nope.csv").path], in: dir, environment: env)
        #expect(missing.status == 1)
        #expect(missing.err.split(separator: "\n").count == 1)
        noTrap(missing)

        // An invalid credential.
        let garbage = dir.appendingPathComponent("garbage.jwt")
        try Data("eyJhbGciOiJFZERTQSJ9.not.valid".utf8).write(to: garbage)
        let verify = try run(["credentials", "verify", garbage.path], in: dir, environment: env)
        #expect(verify.status == 1)
        noTrap(verify)

        // A password that is not given.
        let user = try run(["create-user", "someone", "--role", "city_admin"], in: dir, environment: env)
        #expect(user.status == 1)
        #expect(user.err.contains("ZHIJIAO_NEW_PASSWORD"))
        noTrap(user)

        // Usage errors exit 2.
        let unknown = try run(["no-such-command"], in: dir, environment: env)
        #expect(unknown.status == 2)
        noTrap(unknown)
        let args = try run(["import"], in: dir, environment: env)
        #expect(args.status == 2)
        noTrap(args)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build the zhijiao product first (swift build)"))
    func openapiNeedsNoDatabaseAndWritesNoKey() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try run(["openapi"], in: dir, environment: ["ZHIJIAO_SQLITE_PATH": dir.appendingPathComponent("x.sqlite").path])
        #expect(result.status == 0)
        #expect(result.out.contains("\"openapi\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build the zhijiao product first (swift build)"))
    func helpNeedsNoDatabaseAndWritesNoKey() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["ZHIJIAO_SQLITE_PATH": dir.appendingPathComponent("x.sqlite").path]
        let overview = try run(["--help"], in: dir, environment: env)
        #expect(overview.status == 0)
        for name in ["serve", "import", "backup", "lrs", "openapi"] {
            #expect(overview.out.contains("  \(name) "), "the overview lists \(name)")
        }
        let command = try run(["import", "--help"], in: dir, environment: env)
        #expect(command.status == 0)
        #expect(command.out.contains("Usage: zhijiao import"))
        let group = try run(["help", "lrs", "client", "create"], in: dir, environment: env)
        #expect(group.status == 0)
        #expect(group.out.contains("zhijiao lrs client create"))
        let serve = try run(["serve", "-h"], in: dir, environment: env)
        #expect(serve.out.contains("--port"))
        let unknown = try run(["help", "nonsense"], in: dir, environment: env)
        #expect(unknown.status == 2)
        #expect(unknown.err.split(separator: "\n").count == 1)
        for result in [overview, command, group, serve, unknown] { noTrap(result) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "asking for help created files")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build the zhijiao product first (swift build)"))
    func productionRefusesToStartWithoutAPublicAddressOrAKey() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("prod.sqlite").path
        let noURL = try run(["serve", "--env", "production"], in: dir, environment: ["ZHIJIAO_SQLITE_PATH": db, "ZHIJIAO_PUBLIC_URL": ""])
        #expect(noURL.status == 1)
        #expect(noURL.err.contains("ZHIJIAO_PUBLIC_URL"))
        noTrap(noURL)
        let noKey = try run(["serve"], in: dir, environment: ["ZHIJIAO_SQLITE_PATH": db, "ZHIJIAO_ENV": "production", "ZHIJIAO_PUBLIC_URL": "https://zhijiao.example.cn"])
        #expect(noKey.status == 1)
        #expect(noKey.err.contains("ZHIJIAO_DATA_KEY"))
        #expect(!FileManager.default.fileExists(atPath: db + ".key"))
        noTrap(noKey)
    }
}
