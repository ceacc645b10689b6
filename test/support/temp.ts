import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();
let hooked = false;

/**
 * A fresh directory under the system's temp dir, removed when the test process exits. (Not
 * with node:test's after(): called inside a before() hook, that runs as soon as the hook
 * ends, and the directory would vanish under the browser or kiosk still using it.)
 */
export function tempDir(prefix = 'kiosk-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const d of made) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}
