import type { App } from 'electron';
import type { Logger } from '../logging/logger.ts';

/**
 * Quitting waits for the kiosk core to close: Electron ends the process as soon as the
 * 'will-quit' listeners return, which would cut the store's last writes, a print job being
 * recorded and the embedded registry mid-flight. So the first 'will-quit' is held back, the
 * core closed, then app.exit(), which emits no 'will-quit' again. A quit asked while the core
 * closes (a second "Arrêter la borne", the window closed meanwhile) is held back too: the
 * exit comes once, when the close is done.
 */
export function closeBeforeQuit(app: Pick<App, 'on' | 'exit'>, close: () => Promise<void>, log: Logger): void {
  let closing = false;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    void close().then(
      () => {
        log.info('kiosk-closed');
        app.exit(0);
      },
      (error: unknown) => {
        log.error('close-failed', { error: String(error) });
        app.exit(1);
      },
    );
  });
}
