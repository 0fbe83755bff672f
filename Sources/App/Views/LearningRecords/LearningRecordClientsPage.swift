import Foundation
import Plot
import Registry

/// 学习记录接入客户端: the LMS, MOOC and VR-lab credentials that may send statements, with
/// their scope; a new client's secret is shown here once.
struct LearningRecordClientsPage {
    let layout: PageLayout
    let clients: [StoredLearningRecordClient]
    /// Institution names by id, for the city's view.
    let schools: [UUID: String]
    /// Scopes this caller may grant.
    let grantable: [LearningRecordClientScope]
    /// The city chooses a school (or none, city-wide); a school's administrator creates its own.
    let choosesSchool: Bool
    /// `KEY:SECRET` of a client just created.
    let created: String?
    let endpoint: String

    static func label(_ scope: LearningRecordClientScope, _ l: Language) -> String {
        switch scope {
        case .write: l.t("只写（报送）", "write only")
        case .readOwn: l.t("读取本客户端报送的记录", "read what it sent")
        case .readSchool: l.t("读取本校学习者的记录", "read the school's learners")
        case .all: l.t("读取全市记录", "read the whole city")
        }
    }

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .p(.text(safe: l.t("学校的学习平台、线上课程和虚拟仿真实训用这里发放的 HTTP Basic 凭据向 \(endpoint) 报送 xAPI 学习记录（支持 1.0.x 与 2.0）。",
                               "Schools' learning platforms, online courses and simulations send xAPI statements (1.0.x and 2.0) to \(endpoint) with the HTTP Basic credentials issued here."))),
            .unwrap(created) { secret in
                .div(.id("new-client"), .p(.strong(.text(safe: l.t("新凭据（只显示这一次，请复制保存）：", "New credentials (shown this once; copy them now):")))),
                     .p(.class("secret"), .text(safe: secret)))
            },
            .h2(.text(safe: l.t("新建客户端", "New client"))),
            .form(.method(.post), .action("/learning-records/clients"),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .label(.for("client-name"), .text(safe: l.t("名称", "Name"))),
                  .input(.type(.text), .id("client-name"), .name("name"), .attribute(named: "required", value: "required"), .placeholder(safe: l.t("例：本校 Moodle", "e.g. our Moodle"))),
                  .label(.for("client-scope"), .text(safe: l.t("权限范围", "Scope"))),
                  .select(.id("client-scope"), .attribute(named: "name", value: "scope"),
                          .forEach(grantable) { s in .option(.value(safe: s.rawValue), .label(safe: Self.label(s, l))) }),
                  .if(choosesSchool, .group(
                      .label(.for("client-school"), .text(safe: l.t("学校（空为全市）", "School (empty: city-wide)"))),
                      .select(.id("client-school"), .attribute(named: "name", value: "institution"),
                              .option(.value(""), .label(safe: l.t("全市", "City-wide"))),
                              .forEach(schools.sorted { $0.value < $1.value }) { id, name in .option(.value(safe: id.uuidString.lowercased()), .label(safe: name)) })
                  )),
                  .button(.type(.submit), .id("create-client"), .text(safe: l.t("生成凭据", "Issue credentials")))),
            .h2(.text(safe: l.t("已发放的客户端", "Issued clients"))),
            .div(.class("table-scroll"), .table(.id("clients"),
                .thead(.tr(.th(.text(safe: l.t("名称", "Name"))), .th(.text(safe: l.t("密钥", "Key"))), .th(.text(safe: l.t("学校", "School"))),
                           .th(.text(safe: l.t("权限范围", "Scope"))), .th(.text(safe: l.t("状态", "State"))), .th())),
                .tbody(.forEach(clients) { c in
                    .tr(.td(.text(safe: c.name)), .td(.code(.text(safe: c.apiKey))),
                        .td(.text(safe: c.institutionID.flatMap { schools[$0] } ?? l.t("全市", "City-wide"))),
                        .td(.text(safe: Self.label(c.scope, l))),
                        .td(.text(safe: c.revokedAt == nil ? l.t("有效", "active") : l.t("已吊销", "revoked"))),
                        .td(.if(c.revokedAt == nil, .form(.class("inline"), .method(.post), .action(safe: "/learning-records/clients/\(c.apiKey)/revoke"),
                                                          .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                                                          .button(.type(.submit), .text(safe: l.t("吊销", "Revoke")))))))
                })))
        ))
    }
}
