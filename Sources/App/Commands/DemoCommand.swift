import Foundation
import Vapor

/// `zhijiao demo --scale small|city|national [--seed N]`: generates a synthetic city and
/// writes it through the registry's bulk path, with a progress bar.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "small (12 schools) | city (300 schools, 500,000 students) | national (3,000 schools, 5,000,000 students)")
        var scale: String?
        @Option(name: "seed", help: "random seed; the same seed gives the same city")
        var seed: Int?
    }

    var help: String { "Generate and load a synthetic city" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard !context.application.deployment.isProduction else {
            throw ImportCommandError(description: "the demo city and its accounts (published password) are never loaded in production / 生产环境不加载演示数据")
        }
        guard let scale = DemoCity.Scale(rawValue: signature.scale ?? "small") else {
            throw ImportCommandError(description: "--scale must be small, city or national")
        }
        let started = Date()
        try await DemoSeeder.load(context.application, scale: scale, seed: UInt64(signature.seed ?? 2020), progress: ConsoleProgress.reporter) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        try await DemoSeeder.createAccounts(context.application)
        context.console.print("demo city (\(scale.rawValue)) loaded in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
