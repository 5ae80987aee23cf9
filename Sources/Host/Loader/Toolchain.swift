/// The Swift toolchain the host was compiled with, in the form Swift plugins record.
///
/// Mirrors `PluginKit.Toolchain`: the host does not link PluginKit, so that
/// plugins' own copies of it never bind to the executable's symbols.
enum HostToolchain {
    static let current: String = {
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
