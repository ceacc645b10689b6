import os from 'node:os';
import path from 'node:path';

export const APP_ID = 'cma-card-kiosk';

/**
 * The kiosk's own data directory, the same for Electron, browser mode and the CLI, so that
 * `npm run cli -- <command>` without --data-dir works on the kiosk's real data.
 * KIOSK_DATA_DIR overrides it (chamber IT, tests).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KIOSK_DATA_DIR) return path.resolve(env.KIOSK_DATA_DIR);
  const home = env.HOME ?? os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_ID);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_ID);
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), APP_ID);
}
