import Vapor

/// Every command of `zhijiao`, in one list: `configure` registers the platform's own, and the
/// entry point refuses an unknown name before the database is opened.
public enum CommandCatalogue {
    /// The platform's commands, by the name they are run with.
    static var appCommands: [(String, any AnyAsyncCommand)] {
        [
            ("import", ImportCommand()), ("demo", DemoCommand()), ("create-user", CreateUserCommand()),
            ("match-internships", MatchInternshipsCommand()), ("credentials", CredentialsCommand()), ("backup", BackupCommand()),
            ("audit", AuditCommand()), ("lrs", LearningRecordsCommand()),
            ("analytics", AnalyticsCommand()),
            ("timetable", TimetableCommand()),
        ]
    }

    /// Vapor's own (`serve`, `routes`, `migrate`), the standalone ones the entry point runs
    /// without the app (`match`, `openapi`), and the platform's.
    public static var names: Set<String> {
        Set(["serve", "routes", "migrate", "match", "openapi"] + appCommands.map(\.0))
    }
}
