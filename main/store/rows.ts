import { z } from 'zod';

/**
 * A row read from the store is not what its query promised: a bug or a schema that drifted
 * from the code. Thrown, never guessed around (a missing column read as `undefined` would
 * pass for "no PIN lock" or "no staff yet").
 */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
}

/**
 * Checks one row where it enters the program and returns it typed. The message names the
 * query and the fields at fault, never their values: a row may hold personal data.
 */
export function checkRow<T>(schema: z.ZodType<T>, row: unknown, what: string): T {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
  throw new RowShapeError(`${what}: the row read does not have the expected shape (${fields})`);
}

/** The row of a `SELECT count(*) AS n`. */
export const countRow = z.object({ n: z.number().int() });

/** `checkRow` for every row of a result, each named by its position. */
export function checkRows<T>(schema: z.ZodType<T>, rows: readonly unknown[], what: string): T[] {
  return rows.map((row, i) => checkRow(schema, row, `${what}, row ${i + 1}`));
}
