/// One tree of the boosted ensemble (回归树): internal nodes send a value ≤ threshold left.
/// Every node keeps the output it would give as a leaf, so a prediction can be split into each
/// feature's contribution along its path (the path-attribution method).
public struct RegressionTree: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        /// The feature split on; -1 for a leaf.
        public var feature: Int
        public var threshold: Double
        public var left: Int
        public var right: Int
        /// The node's output (already shrunk by the learning rate).
        public var value: Double
    }

    public var nodes: [Node]

    public func predict(_ x: [Double]) -> Double {
        var i = 0
        while nodes[i].feature >= 0 { i = x[nodes[i].feature] <= nodes[i].threshold ? nodes[i].left : nodes[i].right }
        return nodes[i].value
    }

    /// Adds each feature's share of this tree's output (less the root's) to `contributions`.
    public func addContributions(_ x: [Double], to contributions: inout [Double]) {
        var i = 0
        while nodes[i].feature >= 0 {
            let next = x[nodes[i].feature] <= nodes[i].threshold ? nodes[i].left : nodes[i].right
            contributions[nodes[i].feature] += nodes[next].value - nodes[i].value
            i = next
        }
    }
}
