/// A value behind one reference. A struct copied whole by many a getter (the
/// timeline is) retains every string and array it holds on each copy; a large,
/// rarely changed member boxed costs one retain instead.
final class Boxed<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
