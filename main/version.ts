import { readFileSync } from 'node:fs';

/** The kiosk's version, from package.json (read once, when asked). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
