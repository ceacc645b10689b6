import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/paths.ts';
import { createLogger } from '../logging/logger.ts';
import { verifyAudit } from '../store/audit-repo.ts';
import { openStore } from '../store/open-store.ts';

/** `audit-verify --data-dir DIR --json`: is the audit log's hash chain whole? Exit 0 or 1. */
export async function auditVerify(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  const db = await openStore(values['data-dir'] ?? defaultDataDir(), createLogger('cli.audit', { level: 'warn' }));
  try {
    const r = await verifyAudit(db);
    console.log(
      values.json
        ? JSON.stringify(r)
        : r.ok
          ? `The audit log is whole: ${r.entries} entries.`
          : `The audit log was tampered with at entry ${r.brokenAt} (${r.reason}).`,
    );
    return r.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}
