import type { PaymentMethod } from '../shared/orders.ts';
import type { TillDay, TillLine } from '../shared/till.ts';
import type { ReadDb } from './database.ts';

const METHODS: readonly PaymentMethod[] = ['cash', 'card'];

type Row = { kind: 'paid' | 'refunded'; method: PaymentMethod; staffId: number; name: string; n: number; cents: number; earlier: number };

const zero = (): TillLine => ({ paid: { count: 0, cents: 0 }, refunded: { count: 0, cents: 0 }, netCents: 0 });

function add(line: TillLine, row: Row): void {
  line[row.kind].count += row.n;
  line[row.kind].cents += row.cents;
  line.netCents = line.paid.cents - line.refunded.cents;
}

/** The instants (ISO, UTC as the store writes them) that bound a local day: [start, end). */
export function localDayBounds(day: string): { from: string; to: string } {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  // Local midnight to the next local midnight: 23 or 25 hours on the days the clocks change.
  return { from: new Date(y, m - 1, d).toISOString(), to: new Date(y, m - 1, d + 1).toISOString() };
}

/** The local day of an instant, YYYY-MM-DD. */
export function localDayOf(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/**
 * The till of one local day: payments and refunds whose own time falls in it, grouped by
 * kind, means and agent in one query; the totals are the sums of those groups.
 */
export async function tillOf(db: ReadDb, day: string): Promise<TillDay> {
  const { from, to } = localDayBounds(day);
  const rows = await db.all<Row>(
    `WITH moves AS (
       SELECT 'paid' AS kind, p.method, p.staff_id, p.amount_cents AS cents, 0 AS earlier
         FROM pvc_payments p WHERE p.at >= :from AND p.at < :to
       UNION ALL
       SELECT 'refunded', r.method, r.staff_id, r.amount_cents, coalesce(p.at < :from, 0)
         FROM pvc_refunds r LEFT JOIN pvc_payments p ON p.order_id = r.order_id WHERE r.at >= :from AND r.at < :to
     )
     SELECT m.kind, m.method, m.staff_id AS staffId, s.name, count(*) AS n, sum(m.cents) AS cents, sum(m.earlier) AS earlier
       FROM moves m JOIN staff_members s ON s.id = m.staff_id
      GROUP BY m.kind, m.method, m.staff_id
      ORDER BY s.name COLLATE NOCASE, m.staff_id`,
    { ':from': from, ':to': to },
  );
  const total = zero();
  const byMethod = METHODS.map((method) => ({ method, ...zero() }));
  const byAgent: TillDay['byAgent'] = [];
  let refundedFromEarlierDays = 0;
  for (const row of rows) {
    add(total, row);
    const means = byMethod.find((l) => l.method === row.method);
    if (means) add(means, row);
    let agent = byAgent.find((a) => a.staffId === row.staffId);
    if (!agent) {
      agent = { staffId: row.staffId, name: row.name, ...zero() };
      byAgent.push(agent);
    }
    add(agent, row);
    if (row.kind === 'refunded') refundedFromEarlierDays += row.earlier;
  }
  return { day, total, refundedFromEarlierDays, byMethod, byAgent };
}
