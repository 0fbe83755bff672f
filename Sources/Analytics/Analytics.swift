/// 学情分析: the pure learning-analytics domain. Foundation only; no Vapor, no Fluent.
///
/// Each concept lives in its own folder: features known by a cutoff day, the early-warning
/// model, its measured quality, and growth percentiles.
public enum Analytics {}
