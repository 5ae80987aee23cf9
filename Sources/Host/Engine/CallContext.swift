import PlinthJSON

/// The `plinth_context` of one request, event or flow: its accountability
/// (and, once the data layer is involved, its transaction).
///
/// Retained for as long as the request runs; plugins get an unretained
/// handle valid for that time.
public final class CallContext: @unchecked Sendable {
    public let accountability: Accountability

    public init(accountability: Accountability) {
        self.accountability = accountability
    }

    var handle: OpaquePointer { OpaquePointer(Unmanaged.passUnretained(self).toOpaque()) }

    static func from(_ handle: OpaquePointer?) -> CallContext? {
        guard let handle else { return nil }
        return Unmanaged<CallContext>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }
}
