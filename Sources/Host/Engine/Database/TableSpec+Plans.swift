import PlinthJSON
import SQLPlan

/// Row changes on one table as plans (not yet run), with values typed from its spec, to put in a batch.
extension TableSpec {
    /// `INSERT` of one row.
    func insertPlan(_ values: JSONObject) -> Plan {
        .insert(Insert(table: name, columns: values.keys, rows: [values.keys.map { .value(values[$0]!, type: type(of: $0)) }]))
    }

    /// `UPDATE … SET values WHERE equals` (every row when `equals` is empty).
    func updatePlan(set values: JSONObject, where equals: JSONObject = [:]) -> Plan {
        .update(Update(table: name, alias: "t", set: values.keys.map { ($0, .value(values[$0]!, type: type(of: $0))) },
                       filter: condition(equals, alias: "t")))
    }

    /// `UPDATE … SET target = source` on every row: copies one column into another.
    func copyPlan(from source: String, to target: String) -> Plan {
        .update(Update(table: name, alias: "t", set: [(target, .column(table: "t", name: source, type: type(of: source)))], filter: nil))
    }

    /// `DELETE … WHERE equals` (every row when `equals` is empty).
    func deletePlan(where equals: JSONObject = [:]) -> Plan {
        .delete(Delete(table: name, alias: "t", filter: condition(equals, alias: "t")))
    }
}
