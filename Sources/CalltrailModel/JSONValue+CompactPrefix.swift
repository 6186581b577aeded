extension JSONValue {
    /// The start of `compactJSON`, about `maximumUTF8` bytes of it, and whether
    /// that is all of it. Stops as soon as the budget is spent, so a 10 MB value
    /// costs no more than the prefix asked for (for a screen that shows only that).
    public func compactJSONPrefix(maximumUTF8: Int) -> (text: String, isComplete: Bool) {
        var out = ""
        var budget = maximumUTF8
        let complete = writePrefix(to: &out, budget: &budget)
        return (out, complete)
    }

    /// Appends while `budget` lasts; false once something was left out.
    private func writePrefix(to out: inout String, budget: inout Int) -> Bool {
        func append(_ text: String) -> Bool {
            guard budget > 0 else { return false }
            out += text
            budget -= text.utf8.count
            return true
        }
        switch self {
        case .string(let text):
            guard budget > 0 else { return false }
            // Quoting at most doubles or sextuples a scalar; a prefix of the
            // scalars within the budget is enough to fill it.
            let scalars = text.unicodeScalars
            var end = scalars.startIndex
            var taken = 0
            while end != scalars.endIndex, taken < budget {
                taken += UTF8.width(scalars[end])
                end = scalars.index(after: end)
            }
            let before = out.utf8.count
            JSONValue.writeQuoted(String(scalars[..<end]), to: &out)
            budget -= out.utf8.count - before
            if end != scalars.endIndex {
                out.removeLast()  // the closing quote: the string goes on
                return false
            }
            return true
        case .array(let items):
            guard append("[") else { return false }
            for (index, item) in items.enumerated() {
                if index > 0, !append(",") { return false }
                if !item.writePrefix(to: &out, budget: &budget) { return false }
            }
            out += "]"  // closing what was opened never counts against the budget
            return true
        case .object(let fields):
            guard append("{") else { return false }
            for (index, field) in fields.enumerated() {
                if index > 0, !append(",") { return false }
                if !JSONValue.string(field.key).writePrefix(to: &out, budget: &budget) { return false }
                if !append(":") { return false }
                if !field.value.writePrefix(to: &out, budget: &budget) { return false }
            }
            out += "}"
            return true
        default:
            return append(compactJSON)
        }
    }
}
