import CalltrailModel

/// The call records a listing printed as "unreadable call" rows, said once on
/// stderr when it ends: stdout holds them, but a script should hear of them too.
struct UnreadableRecords {
    private(set) var count = 0

    mutating func note(_ call: Call) {
        if call.unreadable != nil { count += 1 }
    }

    func report() {
        guard count > 0 else { return }
        StandardError.write("calltrail: \(count) call record\(count == 1 ? "" : "s") could not be read; "
            + "printed as unreadable call\(count == 1 ? "" : "s") with the raw JSON")
    }
}
