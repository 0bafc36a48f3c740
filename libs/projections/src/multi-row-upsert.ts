/**
 * Parameters a multi-row upsert binds at most: enough rows per statement that the per-statement cost is spread
 * thin (measured: past about 20 rows of 5 columns nothing more is gained), far below SQLite's parameter limit.
 */
export const PARAMETERS_PER_STATEMENT = 128;

/** Documents a multi-row upsert writes at once, for rows of `arity` parameters. */
export function rowsPerStatement(arity: number): number {
  return Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / arity));
}

/**
 * The single-row upsert `sql` (`INSERT INTO … VALUES (?, …) ON CONFLICT …`, `arity` parameters) made to write `rows`
 * rows at once: its values tuple repeated. The writer thread is sent the statement this makes (see TableWrites).
 */
export function upsertOfRows(sql: string, arity: number, rows: number): string {
  const tuple = `(${Array<string>(arity).fill('?').join(', ')})`;
  const values = `VALUES ${tuple}`;
  if (!sql.includes(values)) throw new Error(`Not a single-row upsert of ${arity} parameters: ${sql}`);
  return sql.replace(values, `VALUES ${Array<string>(rows).fill(tuple).join(', ')}`);
}
