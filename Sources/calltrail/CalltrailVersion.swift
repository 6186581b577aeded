/// What `calltrail --version` prints.
enum CalltrailVersion {
    static let current = "0.10.0"
}
