/// How long and with which seed the engine searches. The result is a pure function of the
/// problem, the seed and `maxIterations`; a time limit stops earlier on a slower machine, so
/// only a run bounded by iterations alone is reproducible everywhere.
public struct SolverOptions: Hashable, Sendable {
    public var seed: UInt64
    public var timeLimit: Double
    public var maxIterations: Int

    public init(seed: UInt64 = 1, timeLimit: Double = 10, maxIterations: Int = .max) {
        self.seed = seed
        self.timeLimit = timeLimit
        self.maxIterations = maxIterations
    }
}
