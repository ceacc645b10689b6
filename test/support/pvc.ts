import { execFileSync } from 'node:child_process';
import type { ReadDb, WriteDb } from '../../main/store/database.ts';

/** The page size of each PDF the virtual printer received ("242.65 x 153.01" for CR80). */
export function pageSizes(files: string[]): string[] {
  return files.map((f) => /Page size:\s+(.+?) pts/.exec(execFileSync('pdfinfo', [f]).toString())?.[1] ?? '?');
}

/** Waits until `check` holds, asking every 200 ms; fails with `what` after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function orderState(db: ReadDb | WriteDb, id: number): Promise<string | undefined> {
  return (await db.get<{ state: string }>('SELECT state FROM pvc_orders WHERE id = ?', [id]))?.state;
}

/** Text of ESC/POS bytes as PC858 prints it, for the letters the tickets use. */
export function pc858Text(bytes: Buffer): string {
  const map: Record<number, string> = {
    130: 'é',
    138: 'è',
    135: 'ç',
    133: 'à',
    147: 'ô',
    136: 'ê',
    140: 'î',
    151: 'ù',
    215: 'Î',
    183: 'À',
    213: '€',
    248: '°',
  };
  return [...bytes].map((b) => map[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b === 0x0a ? '\n' : '')).join('');
}
