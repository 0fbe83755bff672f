import Analytics
import Foundation
import Spreadsheet
import Vapor

/// `zhijiao analytics evaluate|growth`: the learning-analytics layer from the command line.
/// Neither subcommand touches the database: evaluate reads a dataset in the OULAD layout, growth
/// reads a CSV of scores.
struct AnalyticsCommand: AsyncCommandGroup {
    var help: String { "Learning analytics (学情分析): judge the early-warning model on a dataset; growth percentiles" }
    var commands: [String: any AnyAsyncCommand] { ["evaluate": EvaluateCommand(), "growth": GrowthCommand()] }

    /// `zhijiao analytics evaluate --oulad DIR --train 2013J --test 2014J --days 30,60,90 [--json] [--features-out DIR]`
    struct EvaluateCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "oulad", help: "a folder with the OULAD layout's CSV files") var oulad: String?
            @Option(name: "train", help: "presentation code(s) to train on, comma-separated, e.g. 2013J") var train: String?
            @Option(name: "test", help: "presentation code(s) to predict, comma-separated, e.g. 2014J") var test: String?
            @Option(name: "days", help: "cutoff days, comma-separated, e.g. 30,60,90") var days: String?
            @Flag(name: "json", help: "print one JSON object instead of a table") var json: Bool
            @Option(name: "features-out", help: "write each cutoff's train and test feature matrices as CSV into this folder") var featuresOut: String?
        }

        var help: String { "Train the early-warning model on one presentation, measure it on another at each cutoff day" }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let folder = signature.oulad else { throw CommandFailure.Usage("--oulad DIR is required") }
            let train = try Self.codes(signature.train, "--train"), test = try Self.codes(signature.test, "--test")
            guard train.isDisjoint(with: test) else { throw CommandFailure.Usage("--train and --test must name different presentations") }
            guard let daysText = signature.days else { throw CommandFailure.Usage("--days is required, e.g. 30,60,90") }
            var days: [Int] = []
            for part in daysText.split(separator: ",") {
                guard let day = Int(part.trimmingCharacters(in: .whitespaces)) else { throw CommandFailure.Usage("--days must be whole numbers, not \(part)") }
                days.append(day)
            }
            guard !days.isEmpty else { throw CommandFailure.Usage("--days is empty") }
            let dataset: OULADDataset
            do { dataset = try OULADDataset.read(directory: folder) } catch { throw CommandFailure.Usage(error.description) }
            let present = Set(dataset.presentationCodes)
            for code in train.union(test) where !present.contains(code) {
                throw CommandFailure.Usage("presentation \(code) is not in the dataset (it has \(dataset.presentationCodes.joined(separator: ", ")))")
            }
            let evaluation = EarlyWarningEvaluation.run(dataset, train: train, test: test, cutoffs: days)
            if let out = signature.featuresOut {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                    for day in evaluation.days {
                        try Data(day.train.csv().utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("train_day\(day.cutoff).csv"))
                        try Data(day.test.csv().utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("test_day\(day.cutoff).csv"))
                    }
                } catch {
                    throw CommandFailure.Usage("cannot write the feature matrices into \(out): \(error.localizedDescription)")
                }
            }
            FileHandle.standardOutput.write(Data(((signature.json ? evaluation.json() : evaluation.table()) + "\n").utf8))
        }

        static func codes(_ text: String?, _ option: String) throws -> Set<String> {
            let codes = Set((text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            guard !codes.isEmpty else { throw CommandFailure.Usage("\(option) is required, e.g. \(option) 2013J") }
            return codes
        }
    }

    /// `zhijiao analytics growth --csv FILE [--groups]`: the file has a `learner` column, one or
    /// more `prior…` columns, a `current` column and optionally `group`; prints `learner,percentile`
    /// (or, with --groups, each group's median growth with its interval).
    struct GrowthCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "csv", help: "CSV with learner, prior…, current [, group] columns") var csv: String?
            @Flag(name: "groups", help: "print each group's median growth percentile and interval instead") var groups: Bool
        }

        var help: String { "Student growth percentiles (增值评价) by quantile regression on prior scores" }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let path = signature.csv else { throw CommandFailure.Usage("--csv FILE is required") }
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure.Usage("cannot read \(path)") }
            let table: Table
            do { table = try CSVReader.read(data) } catch { throw CommandFailure.Usage("\(path): \(error.messageEn)") }
            let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let learnerColumn = header.firstIndex(of: "learner"), let currentColumn = header.firstIndex(of: "current") else {
                throw CommandFailure.Usage("\(path): the header needs learner and current columns")
            }
            let priorColumns = header.indices.filter { header[$0].hasPrefix("prior") }
            guard !priorColumns.isEmpty else { throw CommandFailure.Usage("\(path): the header needs at least one prior… column") }
            let groupColumn = header.firstIndex(of: "group")
            var learners: [String] = [], priors: [[Double]] = [], current: [Double] = [], groups: [String] = []
            for (i, row) in table.rows.enumerated() {
                func number(_ column: Int) throws -> Double {
                    let text = column < row.count ? row[column].trimmingCharacters(in: .whitespaces) : ""
                    guard let v = Double(text), v.isFinite else { throw CommandFailure.Usage("\(path) line \(Table.spreadsheetRow(ofDataIndex: i)) column \(header[column]): '\(text)' is not a number") }
                    return v
                }
                learners.append(learnerColumn < row.count ? row[learnerColumn] : "")
                priors.append(try priorColumns.map(number))
                current.append(try number(currentColumn))
                groups.append(groupColumn.map { $0 < row.count ? row[$0] : "" } ?? "all")
            }
            let percentiles: [Int]
            do { percentiles = try GrowthPercentiles.compute(priors: priors, current: current) } catch { throw CommandFailure.Usage("\(path): \(error.description)") }
            var out: [String]
            if signature.groups {
                out = ["group,learners,median,lower,upper"]
                for g in GroupGrowth.byGroup(groups: groups, percentiles: percentiles) {
                    out.append("\(g.group),\(g.learners),\(g.median.map { String($0) } ?? ""),\(g.lower.map { String($0) } ?? ""),\(g.upper.map { String($0) } ?? "")")
                }
            } else {
                out = ["learner,percentile"] + zip(learners, percentiles).map { "\($0),\($1)" }
            }
            FileHandle.standardOutput.write(Data((out.joined(separator: "\n") + "\n").utf8))
        }
    }
}
