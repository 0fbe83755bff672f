import Fluent

struct CreateLabourDemand: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("labour_demands")
            .registryColumns()
            .field("enterprise_code", .string, .required)
            .field("title", .string, .required)
            .field("occupation_code", .string, .required)
            .field("occupation_name", .string, .required)
            // The 小类 and the year the gap table groups by, kept beside the row so that the
            // city-wide aggregate is one indexed GROUP BY.
            .field("occupation_group", .string, .required)
            .field("demand_year", .int64, .required)
            .field("skills", .string)
            .field("education_level", .string, .required)
            .field("headcount", .int64, .required)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("salary_min", .int64)
            .field("salary_max", .int64)
            .field("industry_cluster", .string)
            .foreignKey("enterprise_id", references: "enterprises", "id", onDelete: .restrict)
            .unique(on: "enterprise_code", "title", "occupation_code", "period_start")
            .create()
        // Covering index: the gap table reads nothing but these columns.
        try await database.createIndex("labour_demands_gap", on: "labour_demands", ["demand_year", "occupation_group", "district_code", "industry_cluster", "headcount"])
        try await database.createIndex("labour_demands_enterprise", on: "labour_demands", ["enterprise_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("labour_demands").delete()
    }
}
