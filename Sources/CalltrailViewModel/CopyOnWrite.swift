/// A value behind one reference, copied only when it is changed while shared.
///
/// The browser's state is read through getters many times a key, and Swift
/// copies a struct to call a getter on it from a mutable place: a copy of a
/// struct of many strings, arrays and sets retains each of them. Behind this
/// box a copy is one retain; a change to a shared box copies the value once.
///
/// Forward a member with `_read` and `_modify`, except a member whose layout the
/// compiler does not know (one holding a `ContinuousClock.Instant`, whose layout
/// the standard library keeps free to change): a `_read` of such a member copies
/// the whole value first, and a `get` copies the member, so address it instead
/// (`address(of:)`, with the member from `member(_:)`).
struct CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    // Unchecked: the value is changed only through `value`'s mutable addressor,
    // after the box is made unique, so no two copies ever share a changing value.
    private var box: ManagedBuffer<Value, Void>

    init(_ value: Value) {
        box = ManagedBuffer<Value, Void>.create(minimumCapacity: 0) { _ in value }
    }

    /// Addressed, not read through a coroutine or a class property: a member of the
    /// value is reached in place, without a copy of the whole value and without the
    /// runtime's exclusivity bookkeeping that every access to a class's `var` costs.
    /// The header lives inside the box, which `self` keeps alive for the access.
    var value: Value {
        unsafeAddress { UnsafePointer(box.withUnsafeMutablePointerToHeader { $0 }) }
        unsafeMutableAddress {
            makeUnique()
            return box.withUnsafeMutablePointerToHeader { $0 }
        }
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) {
            let copy = box.header
            box = ManagedBuffer<Value, Void>.create(minimumCapacity: 0) { _ in copy }
        }
    }

    /// A stored member of the value: where it lies and what it is, so an address is
    /// always read as the type of the member it points to.
    struct Member<Type>: Sendable {
        fileprivate let offset: Int
    }

    /// The member at `path`, for `address(of:)`.
    static func member<Type>(_ path: KeyPath<Value, Type>) -> Member<Type> {
        guard let offset = MemoryLayout<Value>.offset(of: path) else { preconditionFailure("\(path) is not a stored member") }
        return Member(offset: offset)
    }

    /// `member`, reached in place.
    func address<Type>(of member: Member<Type>) -> UnsafePointer<Type> {
        UnsafeRawPointer(box.withUnsafeMutablePointerToHeader { $0 }).advanced(by: member.offset).assumingMemoryBound(to: Type.self)
    }

    /// `member`, to change in place (the value is made unique first).
    mutating func mutableAddress<Type>(of member: Member<Type>) -> UnsafeMutablePointer<Type> {
        makeUnique()
        return UnsafeMutableRawPointer(box.withUnsafeMutablePointerToHeader { $0 }).advanced(by: member.offset).assumingMemoryBound(to: Type.self)
    }
}
