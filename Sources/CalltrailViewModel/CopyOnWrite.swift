/// A value behind one reference, copied only when it is changed while shared.
///
/// The browser's state is read through getters many times a key, and Swift
/// copies a struct to call a getter on it from a mutable place: a copy of a
/// struct of many strings, arrays and sets retains each of them. Behind this
/// box a copy is one retain; a change to a shared box copies the value once.
struct CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    // Unchecked: the box's value is changed only through `value`'s modify,
    // after the box is made unique, so no two copies ever share a changing value.
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) {
        box = Box(value)
    }

    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}
