import Foundation
import Registry

/// The kinds of resource the library holds (资源类型), and which sniffed file families each takes.
enum LibraryResourceKind: String, LabelledChoice {
    /// 视频
    case video
    /// 文档
    case document
    /// 演示文稿
    case slides
    /// 图片
    case picture
    /// 题库
    case questionSet = "question_set"
    /// cmi5 课程包
    case cmi5Package = "cmi5_package"
    /// LTI 工具链接 (VR/AR/虚拟仿真): a link, no file.
    case ltiLink = "lti_link"

    var labelZh: String {
        switch self {
        case .video: "视频"
        case .document: "文档"
        case .slides: "演示文稿"
        case .picture: "图片"
        case .questionSet: "题库"
        case .cmi5Package: "cmi5 课程包"
        case .ltiLink: "LTI 工具链接"
        }
    }

    var labelEn: String {
        switch self {
        case .video: "Video"
        case .document: "Document"
        case .slides: "Slides"
        case .picture: "Picture"
        case .questionSet: "Question set"
        case .cmi5Package: "cmi5 package"
        case .ltiLink: "LTI tool link"
        }
    }

    static let listName = "资源类型 resource kind"

    /// The file families a resource of this kind may carry (none for a link).
    var families: Set<LibraryContentSniffer.Family> {
        switch self {
        case .video: [.video]
        case .document: [.pdf, .zip, .ole, .text]
        case .slides: [.pdf, .zip, .ole]
        case .picture: [.image]
        case .questionSet: [.text, .zip]
        case .cmi5Package: [.zip]
        case .ltiLink: []
        }
    }
}

/// Licences a resource is offered under (许可协议): Creative Commons 4.0, or school-only.
enum LibraryLicence: String, LabelledChoice {
    case ccBy = "cc-by"
    case ccBySa = "cc-by-sa"
    case ccByNc = "cc-by-nc"
    case ccByNcSa = "cc-by-nc-sa"
    case ccByNd = "cc-by-nd"
    case ccByNcNd = "cc-by-nc-nd"
    case cc0 = "cc0"
    /// 校内: only its own school (or enterprise) sees it, even once reviewed.
    case schoolOnly = "school-only"

    var labelZh: String {
        switch self {
        case .schoolOnly: "校内使用"
        case .cc0: "CC0 公共领域"
        default: "知识共享 " + labelEn
        }
    }

    var labelEn: String {
        switch self {
        case .ccBy: "CC BY 4.0"
        case .ccBySa: "CC BY-SA 4.0"
        case .ccByNc: "CC BY-NC 4.0"
        case .ccByNcSa: "CC BY-NC-SA 4.0"
        case .ccByNd: "CC BY-ND 4.0"
        case .ccByNcNd: "CC BY-NC-ND 4.0"
        case .cc0: "CC0 1.0"
        case .schoolOnly: "School only"
        }
    }

    static let listName = "许可协议 licence"
}

/// Languages a resource may be in (授课语言).
enum LibraryLanguage {
    static let codes: [(code: String, zh: String, en: String)] = [
        ("zh", "中文", "Chinese"), ("en", "英文", "English"), ("zh-en", "中英双语", "Chinese and English"), ("yue", "粤语", "Cantonese"),
    ]
}
