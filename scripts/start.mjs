// `npm start`: the Electron kiosk, or browser mode where Electron's binary is missing (it
// comes from outside the npm registry, which some machines cannot reach).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    // In plain Node, the electron package exports the path of its binary, and throws when
    // the binary was never downloaded.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, commandArgs) => {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
};

const binary = electronBinary();
if (binary) {
  const built = spawnSync(npm, ['run', '-s', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(binary, ['.', ...args]);
} else {
  console.log("Electron's binary is not installed on this machine, so the kiosk starts in browser mode: open the address printed below in a browser.");
  run(npm, ['run', '-s', 'start:browser', '--', ...args]);
}
