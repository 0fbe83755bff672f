import Vapor

/// `zhijiao openapi`: prints the OpenAPI document (the one committed at
/// Sources/App/Resources/openapi.json must equal it; a test checks).
struct OpenAPICommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Print the OpenAPI 3.1 document" }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.output(.init(stringLiteral: try OpenAPIDocument.json()))
    }
}
