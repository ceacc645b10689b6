import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/paths.ts';
import { printersFromEnv } from '../config/printer-env.ts';
import { registryFromEnv } from '../config/registry-env.ts';
import { createKiosk } from '../kiosk.ts';
import { fileSink, teeSink } from '../logging/file-sink.ts';
import { createLogger } from '../logging/logger.ts';
import { KeychainUnavailable } from '../secrets/secret-store.ts';
import { KEYCHAIN_ADVICE } from '../shared/rules/keychain-advice.ts';
import { packageVersion } from '../version.ts';
import { startBridge } from './bridge.ts';
import { keepDigest, previousDigest } from './token-handoff.ts';

/**
 * Browser mode: the whole kiosk, served to a browser on 127.0.0.1. Prints `Kiosk ready: <url>`
 * on stdout as soon as it serves (from the copy of the registry it has, whatever the
 * registry does), then `Registry copy complete` once that copy has been read to the end at
 * least once (at once if it already was); logs go to stderr.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
  },
  strict: true,
});

const dataDir = values['data-dir'] ?? defaultDataDir();
const log = createLogger('browser-mode', { sink: teeSink((l) => process.stderr.write(`${l}\n`), fileSink(path.join(dataDir, 'logs'))) });
const staticDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
if (!existsSync(`${staticDir}/index.html`)) {
  console.error(`The renderer is not built (${staticDir} is empty): run \`npm run build:renderer\` first.`);
  process.exit(1);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

let registry: ReturnType<typeof registryFromEnv>;
try {
  registry = registryFromEnv();
  // Read once, then out of the environment: child processes (lp, SumatraPDF) do not inherit it.
  delete process.env.KIOSK_REGISTRY_SECRET;
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
// Shorter idle delays for tests and demonstrations; otherwise the console's settings.
const idle =
  process.env.KIOSK_IDLE_WARN_MS && process.env.KIOSK_IDLE_END_MS
    ? { idleWarnMs: Number(process.env.KIOSK_IDLE_WARN_MS), idleEndMs: Number(process.env.KIOSK_IDLE_END_MS) }
    : undefined;
// A shorter lock of the staff console, for the test that waits for it.
const staffLockMs = Number(process.env.KIOSK_STAFF_LOCK_MS) || undefined;
// Test hook, for end-to-end tests that follow a visit by ear: each sentence audio mode
// speaks, one JSON line each. Never set at a desk (what is spoken may name the artisan).
const transcriptFile = process.env.KIOSK_TEST_SPEECH_TRANSCRIPT;
// Test hook: how often the background sync runs (0: at start and on demand only), for a test
// that counts what an idle screen asks and must not meet a scheduled sync (and its event) meanwhile.
const syncEvery = process.env.KIOSK_SYNC_INTERVAL_MS === undefined ? undefined : Number(process.env.KIOSK_SYNC_INTERVAL_MS);
const kiosk = await createKiosk({
  dataDir,
  log,
  version: packageVersion(),
  ...(transcriptFile ? { speechTranscript: (lang, text) => appendFileSync(transcriptFile, `${JSON.stringify({ lang, text })}\n`) } : {}),
  ...(idle ? { idle } : {}),
  ...(syncEvery !== undefined && Number.isInteger(syncEvery) && syncEvery >= 0 ? { syncIntervalMs: syncEvery } : {}),
  ...(staffLockMs ? { staffLockMs } : {}),
  printers: printersFromEnv(),
  onStop: () => void stop(),
  ...(registry ? { registry } : {}),
}).catch((error: unknown) => {
  // A chamber's kiosk without a keychain has nowhere safe for its secrets: it says what to do.
  // In English, as the rest of this terminal: IT reads it (the kiosk's screen speaks French).
  if (!(error instanceof KeychainUnavailable)) throw error;
  console.error(KEYCHAIN_ADVICE.en[error.problem]);
  process.exit(1);
});
const bridge = await startBridge({
  port,
  staticDir,
  dispatcherFor: (origins) => kiosk.dispatcher('browser', origins),
  events: kiosk.events.subscribe,
  log: log.child('bridge'),
  // A page still open from the previous launch carries on with this one's token.
  previousTokenDigest: previousDigest(dataDir, log),
});
keepDigest(dataDir, bridge.token, log);
process.stdout.write(`Kiosk ready: ${bridge.url}\n`);
let announced = false;
const announce = (complete: boolean) => {
  if (!complete || announced) return;
  announced = true;
  process.stdout.write('Registry copy complete\n');
};
kiosk.sync.onStatus((s) => announce(s.replicaComplete));
announce((await kiosk.sync.replica()).complete);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await bridge.close();
  await kiosk.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
