/// The Swift toolchain a plugin was compiled with, as recorded in its descriptor.
///
/// Swift has no stable ABI on Linux, so the host refuses a Swift plugin built
/// with another toolchain. The value is fixed at compile time.
public enum Toolchain {
    /// "swift-MAJOR.MINOR.PATCH" of the compiler that built this module.
    public static let current: String = {
        #if compiler(>=6.5)
        return "swift-6.5+"
        #elseif compiler(>=6.4)
        return "swift-6.4"
        #elseif compiler(>=6.3.3)
        return "swift-6.3.3"
        #elseif compiler(>=6.3.2)
        return "swift-6.3.2"
        #elseif compiler(>=6.3.1)
        return "swift-6.3.1"
        #elseif compiler(>=6.3)
        return "swift-6.3.0"
        #elseif compiler(>=6.2)
        return "swift-6.2"
        #else
        return "swift-6.1-or-older"
        #endif
    }()
}
