/// The city's decision on a progress report.
enum WorkReportReview: String, Codable, Sendable, CaseIterable {
    case pending, accepted, returned

    var labelZh: String {
        switch self {
        case .pending: "待审核"
        case .accepted: "已通过"
        case .returned: "已退回"
        }
    }

    var labelEn: String { rawValue }
}
