/// One run of a module (课程开设), e.g. module "AAA" in presentation "2013J". Codes are data read
/// from the files, never constants.
public struct Presentation: Hashable, Sendable, Comparable {
    public var module: String
    public var code: String

    public init(module: String, code: String) {
        self.module = module
        self.code = code
    }

    public static func < (a: Presentation, b: Presentation) -> Bool { (a.module, a.code) < (b.module, b.code) }
}

/// A presentation and its length in days (课程周期), from `courses.csv`.
public struct Course: Sendable, Equatable {
    public var presentation: Presentation
    public var lengthDays: Int

    public init(presentation: Presentation, lengthDays: Int) {
        self.presentation = presentation
        self.lengthDays = lengthDays
    }
}
