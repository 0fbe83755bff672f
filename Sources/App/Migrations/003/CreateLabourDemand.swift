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
        // One covering index per gap dimension: each dimension's yearly totals are one
        // streaming GROUP BY over its index, with no sort and no table access.
        try await database.createIndex("labour_demands_by_occupation", on: "labour_demands", ["demand_year", "occupation_group", "headcount"])
        try await database.createIndex("labour_demands_by_district", on: "labour_demands", ["demand_year", "district_code", "headcount"])
        try await database.createIndex("labour_demands_by_cluster", on: "labour_demands", ["demand_year", "industry_cluster", "headcount"])
        try await database.createIndex("labour_demands_enterprise", on: "labour_demands", ["enterprise_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("labour_demands").delete()
    }
}
