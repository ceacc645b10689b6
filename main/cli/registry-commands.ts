import path from 'node:path';
import { parseArgs } from 'node:util';
import { openRegistryStore } from '../demo-registry/registry-store.ts';
import { startRegistryServer } from '../demo-registry/server.ts';
import { birthDateHasher } from '../identity/birth-date-hash.ts';
import { createLogger } from '../logging/logger.ts';
import { createRegistryClient } from '../registry/client.ts';
import { createSyncEngine, SYNC_MARKS } from '../registry/sync-engine.ts';
import { describeSyncFailure, describeSyncStatus, readSyncStatus } from '../registry/sync-status.ts';
import { checkBirthDateKey } from '../secrets/key-id.ts';
import { countArtisans } from '../store/artisans-repo.ts';
import { openStoreFile } from '../store/open-store.ts';
import { pendingCount } from '../store/outbox-repo.ts';
import { cliSecrets } from './cli-secrets.ts';

/** The demo registry's kiosk, for `registry-serve` and `sync` on one machine. Never for production. */
export const DEMO_KIOSK_ID = 'demo-kiosk';
const DEMO_SECRET = 'demo-kiosk-secret-for-loopback-only';

// Secrets come from the environment, never from the command line (which `ps` shows).
const secret = () => process.env.KIOSK_REGISTRY_SECRET ?? DEMO_SECRET;

export async function registryServe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: '3000' },
      db: { type: 'string' },
      'kiosk-id': { type: 'string', default: DEMO_KIOSK_ID },
      'admin-token': { type: 'string' },
      'token-ttl': { type: 'string' },
      'smtp-host': { type: 'string' },
      'smtp-port': { type: 'string', default: '587' },
      'smtp-from': { type: 'string', default: 'carte-professionnelle@localhost' },
    },
    strict: true,
  });
  if (!values.db) {
    console.error('registry-serve needs --db FILE (the registry’s own SQLite file).');
    return 2;
  }
  const log = createLogger('registry');
  const store = await openRegistryStore(values.db, log.child('store'));
  const count = Number(values.seed);
  if ((await store.count()) === 0 && count > 0) {
    console.error(`Seeding ${count} artisans…`);
    await store.seed(count);
  }
  await store.addKiosk(values['kiosk-id'], secret());
  const server = await startRegistryServer({
    store,
    log,
    port: Number(values.port),
    ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
    ...(values['token-ttl'] ? { tokenTtlMs: Number(values['token-ttl']) } : {}),
    // SMTP credentials from the environment, like every secret here.
    ...(values['smtp-host']
      ? {
          smtp: {
            host: values['smtp-host'],
            port: Number(values['smtp-port']),
            from: values['smtp-from'],
            ...(process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? '' } : {}),
          },
        }
      : {}),
  });
  if (!process.env.KIOSK_REGISTRY_SECRET) console.error(`Kiosk "${values['kiosk-id']}" uses the demo secret: set KIOSK_REGISTRY_SECRET for anything else.`);
  if (server.mailboxLink)
    console.error(
      'No SMTP server: e-mails go to the demo mailbox, one per address and account, opened only by a link the registry grants (with --admin-token: POST /v1/_admin/mailbox-link {"rmNumber","email"}).',
    );
  process.stdout.write(`Registry ready: ${server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await store.close();
  return 0;
}

export async function sync(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { registry: { type: 'string' }, db: { type: 'string' }, 'kiosk-id': { type: 'string', default: DEMO_KIOSK_ID }, 'page-size': { type: 'string' } },
    strict: true,
  });
  if (!values.registry || !values.db) {
    console.error('sync needs --registry URL and --db FILE.');
    return 2;
  }
  const log = createLogger('cli.sync', { level: 'warn' });
  const db = await openStoreFile(values.db, log);
  try {
    const secrets = await cliSecrets(path.dirname(values.db), log);
    if (!secrets) return 1;
    const key = secrets.birthDateKey;
    await checkBirthDateKey(db, key, SYNC_MARKS, log);
    const engine = createSyncEngine({
      db,
      client: createRegistryClient({ url: values.registry, kioskId: values['kiosk-id'], secret: secret() }, log),
      hashBirthDate: birthDateHasher(key),
      clock: () => new Date(),
      log,
      options: {
        ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
        onPage: ({ records, removed }) => process.stderr.write(`\rsynced ${records} artisans, ${removed} removed`),
      },
    });
    try {
      const r = await engine.syncNow();
      const older = r.older > 0 ? `, ${r.older} older than the copy skipped` : '';
      const resync = r.resynced ? ' The registry refused the saved position: the whole list was read again.' : '';
      process.stderr.write(
        `\nDone: ${r.upserted} artisans updated, ${r.removed} removed${older}, ${r.delivered} operations sent, in ${r.pages} page(s).${resync}\n`,
      );
      return 0;
    } catch {
      // The run recorded why in the status: the same sentence staff read.
      const s = await readSyncStatus(db);
      const problem = s.lastError ?? s.outboxError;
      process.stderr.write(`\nSync failed: ${problem ? describeSyncFailure(problem) : 'unknown error'}.\n`);
      return 1;
    }
  } finally {
    await db.close();
  }
}

export async function status(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  if (!values.db) {
    console.error('status needs --db FILE.');
    return 2;
  }
  const log = createLogger('cli.status', { level: 'warn' });
  const db = await openStoreFile(values.db, log);
  try {
    const outbox = await pendingCount(db);
    const s = { ...(await readSyncStatus(db)), records: await countArtisans(db), pendingOperations: outbox.pending, oldestPendingAt: outbox.oldest };
    const words = describeSyncStatus(s, new Date());
    console.log(values.json ? JSON.stringify({ ...s, summary: words.join(' ') }) : words.join('\n'));
    return 0;
  } finally {
    await db.close();
  }
}

export async function registryOpenApiCommand(): Promise<number> {
  const { registryOpenApi } = await import('../registry/openapi.ts');
  console.log(JSON.stringify(registryOpenApi(), null, 2));
  return 0;
}
