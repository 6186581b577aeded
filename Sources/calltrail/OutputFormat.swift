import ArgumentParser

/// `--format`: a table for people, JSON (one object per line) or CSV for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
