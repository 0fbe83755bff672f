/// Why a dataset in the OULAD layout could not be read (数据集读取错误): the file, the line (1 is
/// the header) and the column, so a person can open the file at the spot.
public struct DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: String
    public var problemZh: String
    public var problemEn: String

    public init(file: String, line: Int, column: String, zh: String, en: String) {
        self.file = file
        self.line = line
        self.column = column
        problemZh = zh
        problemEn = en
    }

    public var description: String {
        // Line 0 is the file as a whole (missing, unreadable, not CSV).
        let place = line == 0 ? file : column.isEmpty ? "\(file) line \(line)" : "\(file) line \(line) column \(column)"
        let placeZh = line == 0 ? file : column.isEmpty ? "\(file) 第 \(line) 行" : "\(file) 第 \(line) 行 \(column) 列"
        return "\(placeZh)：\(problemZh) / \(place): \(problemEn)"
    }
}
