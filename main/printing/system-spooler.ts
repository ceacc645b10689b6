import { cupsSpooler, type Spooler } from './spooler.ts';
import { windowsSpooler } from './windows-spooler.ts';

/**
 * The spooler of the machine the kiosk runs on. Apart from spooler.ts, which only names the
 * port and its CUPS implementation, so that windows-spooler.ts and spooler.ts do not import
 * each other.
 */
export function systemSpooler(platform: NodeJS.Platform = process.platform): Spooler {
  return platform === 'win32' ? windowsSpooler : cupsSpooler;
}
