/// The settings of gradient boosting (梯度提升参数). The defaults are general-purpose values of the
/// kind LightGBM ships with, chosen before looking at any test figure.
public struct BoostingParameters: Sendable, Equatable {
    public var trees = 200
    public var learningRate = 0.05
    public var maxLeaves = 31
    public var maxDepth = 8
    public var minDataInLeaf = 20
    public var minHessianInLeaf = 1e-3
    public var l2 = 1.0
    public var maxBins = 255

    public init() {}

    public init(trees: Int, learningRate: Double, maxLeaves: Int, maxDepth: Int, minDataInLeaf: Int) {
        self.trees = trees
        self.learningRate = learningRate
        self.maxLeaves = maxLeaves
        self.maxDepth = maxDepth
        self.minDataInLeaf = minDataInLeaf
    }
}
