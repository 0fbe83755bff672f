/// The audit log (审计日志).
extension AccessPolicy {
    /// Whether `caller` may read the audit log: it names every actor and record in the city,
    /// so it is the city's alone.
    public static func canReadAuditLog(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` may have the audit chain recomputed and checked (审计链校验).
    public static func canVerifyAuditChain(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }
}
