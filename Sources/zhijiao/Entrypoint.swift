import App
import Logging
import Foundation
import Vapor

/// The `zhijiao` executable. Every failure ends as one line on standard error and exit code 1
/// (2 for a usage error); nothing is rethrown to the runtime, so no trap and no backtrace.
@main
enum Entrypoint {
    static func main() async {
        exit(await run(Array(CommandLine.arguments.dropFirst())))
    }

    static func run(_ arguments: [String]) async -> Int32 {
        // Commands that need neither the server nor a database, nor a data key.
        if MatchSolveCommand.matches(arguments) { return MatchSolveCommand.run(arguments) }
        if TimetableCommand.matches(arguments) { return TimetableCommand.run(arguments) }
        if OpenAPICommand.matches(arguments) { return OpenAPICommand.run(arguments) }
        if HelpCommand.matches(arguments) { return HelpCommand.run(arguments) }
        // An unknown command is a usage error before any database or key file is touched.
        if let command = arguments.first, !command.hasPrefix("-"), !CommandCatalogue.names.contains(command) {
            return CommandFailure.report(CommandFailure.Usage("unknown command '\(command)'; commands: \(CommandCatalogue.names.sorted().joined(separator: ", "))"))
        }
        var env: Environment
        do { env = try Deployment.environment(arguments: CommandLine.arguments) } catch {
            return CommandFailure.report(error)
        }
        // Logs go to standard error so that commands print clean output; a production server
        // logs one JSON object per line. Commands other than `serve` log errors only (their
        // output and their one-line failure say the rest), unless LOG_LEVEL or --log asks.
        let json = env == .production
        let serving = arguments.isEmpty || arguments.first == "serve" || arguments.first?.hasPrefix("-") == true
        let quiet = !serving && ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil && !arguments.contains("--log")
        do {
            try LoggingSystem.bootstrap(from: &env) { level in
                { label in
                    let level = quiet ? Logger.Level.error : level
                    if json { return JSONLogHandler(label: label, level: level) }
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = level
                    return handler
                }
            }
        } catch {
            return CommandFailure.report(error)
        }
        let app: Application
        do { app = try await Application.make(env) } catch { return CommandFailure.report(error) }
        var code: Int32 = 0
        do {
            try await configure(app)
            try await app.execute()
        } catch {
            code = CommandFailure.report(error)
        }
        try? await app.asyncShutdown()
        return code
    }
}
