import Foundation

/// `zhijiao openapi`: prints the OpenAPI document (the one committed at
/// Sources/App/Resources/openapi.json must equal it; a test checks). Needs no database and
/// no data key: the entry point runs it before anything is configured.
public enum OpenAPICommand {
    public static func matches(_ arguments: [String]) -> Bool { arguments.first == "openapi" }

    public static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1 else {
            if arguments.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }) {
                print("usage: zhijiao openapi   # prints the OpenAPI 3.1 document")
                return 0
            }
            return CommandFailure.report(CommandFailure.Usage("openapi takes no arguments; usage: zhijiao openapi"))
        }
        do {
            print(try OpenAPIDocument.json())
            return 0
        } catch {
            return CommandFailure.report(error)
        }
    }
}
