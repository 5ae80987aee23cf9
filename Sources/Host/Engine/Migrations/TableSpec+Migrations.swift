import PlinthJSON
import SQLPlan

/// Pieces of the final table specs that migrations reuse, so a migrated database ends exactly where a fresh install starts.
extension TableSpec {
    /// The column called `name`; the specs are static, so a missing name is a programming error.
    func column(_ name: String) -> ColumnSpec {
        guard let column = columns.first(where: { $0.name == name }) else { preconditionFailure("\(self.name) has no column \(name)") }
        return column
    }

    /// The foreign key on `column`.
    func foreignKey(on column: String) -> ForeignKeySpec {
        guard let key = foreignKeys.first(where: { $0.column == column }) else { preconditionFailure("\(name).\(column) has no foreign key") }
        return key
    }

    /// This table without `names`, their keys and their indexes: its shape before a later migration added them.
    func without(_ names: Set<String>) -> TableSpec {
        TableSpec(name: name, columns: columns.filter { !names.contains($0.name) },
                  foreignKeys: foreignKeys.filter { !names.contains($0.column) },
                  indexes: indexes.filter { names.isDisjoint(with: $0.columns) })
    }

    /// `addColumn` for each of `names` with its final definition, followed by its foreign key when it has one.
    func adding(_ names: String...) -> [SchemaChange] {
        names.flatMap { name -> [SchemaChange] in
            var changes: [SchemaChange] = [.addColumn(table: self.name, column: column(name))]
            if let key = foreignKeys.first(where: { $0.column == name }) { changes.append(.addForeignKey(table: self.name, key: key)) }
            return changes
        }
    }

    /// `alterColumn` for each of `names` to its final definition.
    func altering(_ names: String...) -> [SchemaChange] {
        names.map { .alterColumn(table: name, column: column($0)) }
    }
}
