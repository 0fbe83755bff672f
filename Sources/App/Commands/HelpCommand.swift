import ConsoleKit
import Fluent
import Vapor

/// `zhijiao --help`, `zhijiao help [COMMAND…]` and `zhijiao COMMAND … --help`: usage printed
/// without starting the application, so asking for help opens no database and writes no key
/// file (Vapor's own help runs after `configure`, which does both).
public enum HelpCommand {
    static let flags: Set<String> = ["--help", "-h"]

    /// Whether these command-line arguments ask for help that this command can give.
    public static func matches(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        if flags.contains(first) || first == "help" { return true }
        return CommandCatalogue.names.contains(first) && arguments.dropFirst().contains(where: flags.contains)
    }

    /// Prints the usage asked for; 0, or 2 when it names no known command.
    public static func run(_ arguments: [String]) -> Int32 {
        var words = arguments.filter { !flags.contains($0) }
        if words.first == "help" { words.removeFirst() }
        guard let name = words.first else {
            print(overview())
            return 0
        }
        let console = Terminal()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["zhijiao"] + words))
        context.input.executablePath.append(context.input.arguments.removeFirst())
        do {
            switch name {
            case "serve", "routes", "migrate":
                console.output("Usage: zhijiao \(name) ", newLine: false)
                let help = builtIn.first { $0.0 == name }?.1 ?? ""
                switch name {
                case "serve": ServeCommand.Signature().outputHelp(help: help, using: &context)
                case "routes": RoutesCommand.Signature().outputHelp(help: help, using: &context)
                default: MigrateCommand.Signature().outputHelp(help: help, using: &context)
                }
            case "match":
                print("usage: zhijiao match solve --input FILE|- [--optimal student|enterprise]")
            case "openapi":
                print("usage: zhijiao openapi   # prints the OpenAPI 3.1 document")
            default:
                guard let command = CommandCatalogue.appCommands.first(where: { $0.0 == name })?.1 else {
                    return CommandFailure.report(CommandFailure.Usage("unknown command '\(name)'; commands: \(CommandCatalogue.names.sorted().joined(separator: ", "))"))
                }
                try command.outputHelp(using: &context)
            }
            return 0
        } catch {
            return CommandFailure.report(CommandFailure.Usage("\(error)"))
        }
    }

    /// Vapor's commands and those the entry point runs without the app, with their one-line help.
    static let builtIn: [(String, String)] = [
        ("serve", "Serves the platform over HTTP. Development (the default): SQLite and the demo city; --env production: no demo data, ZHIJIAO_PUBLIC_URL and the data key required"),
        ("routes", "Lists every route the server answers"),
        ("migrate", "Brings the database's schema up to date (the server also does this at start)"),
        ("match", "Solves a stable-matching problem file (zhijiao match solve --input FILE)"),
        ("openapi", "Prints the OpenAPI 3.1 document (needs no database)"),
    ]

    /// Every command with its one-line description.
    static func overview() -> String {
        var lines = [
            "usage: zhijiao [COMMAND] [OPTIONS]   (no command: serve)",
            "       zhijiao COMMAND --help        (that command's options)",
            "",
            "commands:",
        ]
        let all = builtIn + CommandCatalogue.appCommands.map { ($0.0, $0.1.help) }
        let width = all.map(\.0.count).max() ?? 0
        for (name, help) in all.sorted(by: { $0.0 < $1.0 }) {
            lines.append("  " + name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + help)
        }
        return lines.joined(separator: "\n")
    }
}
