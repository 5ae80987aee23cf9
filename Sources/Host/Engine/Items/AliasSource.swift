/// Hands out table aliases ("t0", "t1", …) unique within one plan, so correlated subqueries never clash.
final class AliasSource {
    private var next = 0

    func make() -> String {
        defer { next += 1 }
        return "t\(next)"
    }
}
