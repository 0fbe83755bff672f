import App
import Logging
import Foundation
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The solver's file interface needs neither the server nor a database.
        if MatchSolveCommand.matches(arguments) { exit(MatchSolveCommand.run(arguments)) }
        var env = try Environment.detect()
        // `zhijiao match internships …` is the command registered as `match-internships`.
        if arguments.count >= 2, arguments[0] == "match", arguments[1] == "internships" {
            env.arguments = [CommandLine.arguments[0], "match-internships"] + arguments.dropFirst(2)
        }
        // Logs go to standard error so that commands such as `zhijiao openapi` print clean output.
        try LoggingSystem.bootstrap(from: &env) { level in
            { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        let app = try await Application.make(env)
        do {
            try await configure(app)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
