/// One figure on a role's home (首页指标): a number or short state read from the platform's own
/// services, and the page that shows what is behind it.
struct HomeFigure: Sendable, Equatable {
    var zh: String
    var en: String
    /// The figure as shown: a count, credits, a status.
    var value: String
    /// The page behind the figure; every figure links somewhere the caller may open.
    var path: String
    /// A note under the figure (a name, a date), in both languages.
    var detailZh: String? = nil
    var detailEn: String? = nil
    /// Marked when the figure asks for attention (targets at risk, overdue tasks).
    var attention = false
}

/// A group of figures under one heading (计划执行、本校数据 …).
struct HomeSection: Sendable, Equatable {
    var zh: String
    var en: String
    var figures: [HomeFigure]
}
