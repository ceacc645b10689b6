// Electron's own postinstall downloads its binary from outside the npm registry. It is
// denied in package.json ("allowScripts") so that `npm ci` succeeds on machines that cannot
// reach that host; here we try the download ourselves and tolerate failure, so a chamber's
// machine with internet still gets a runnable Electron while a closed one falls back to
// browser mode (see scripts/start.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  process.exit(0);
}

let installer;
try {
  installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  // electron is a dev dependency: absent in a production install, nothing to do.
  process.exit(0);
}
if (!existsSync(installer)) process.exit(0);

const result = spawnSync(process.execPath, [installer], {
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 180_000,
  encoding: 'utf8',
});
if (result.status === 0) {
  console.log('Electron binary installed.');
} else {
  const reason = (result.stderr ?? '').split('\n').find((l) => /Error|ENOTFOUND|EAI_AGAIN/.test(l)) ?? 'download failed';
  console.log(`Electron's binary could not be downloaded (${reason.trim().slice(0, 120)}); \`npm start\` will run the kiosk in browser mode instead.`);
}
