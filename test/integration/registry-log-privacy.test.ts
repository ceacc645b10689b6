import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { openRegistryStore } from '../../main/demo-registry/registry-store.ts';
import { startRegistryServer } from '../../main/demo-registry/server.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { Result } from '../../main/shared/errors.ts';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { KIOSK_ID, SECRET } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

/**
 * A mail relay that refuses every recipient the way Postfix does, quoting the address:
 * "550 5.1.1 <x@y>: Recipient address rejected: User unknown in virtual mailbox table".
 */
async function refusingRelay(): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown in virtual mailbox table`), {
        responseCode: 550,
      });
      callback(refusal);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the reference registry’s log (the embedded demo’s lines land in the kiosk’s log)', () => {
  it('a mail relay that refuses the address and a request that fails leave no e-mail address and no RM number in it', async () => {
    const relay = await refusingRelay();
    const store = await openRegistryStore(path.join(tempDir('registry-'), 'registry.sqlite'), memoryLogger('registry'));
    await store.seed(50);
    await store.addKiosk(KIOSK_ID, SECRET);
    const log = memoryLogger('demo-registry');
    const server = await startRegistryServer({ store, log, smtp: { host: '127.0.0.1', port: relay.port, from: 'carte@cma.example' } });
    const kiosk = await readyKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      syncIntervalMs: 0,
      secrets: memoryStore(),
      registry: { url: server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 5000 },
    });
    try {
      const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
      const invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;

      // A card e-mailed by staff: the relay refuses Jean-Pierre's address (operation-effect-failed).
      assert.ok((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
      assert.ok((await invoke('staff:issue-start', { rmNumber: '401234562RE067', document: 'passeport' })).ok);
      const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
      assert.ok((await invoke('staff:issue-photo', { jpeg })).ok);
      // The address is shown (masked) to the artisan before any card is e-mailed.
      assert.ok((await invoke('staff:issue-email-target', {})).ok);
      const sent = await invoke<{ status: string }>('staff:issue', { kind: 'email' });
      assert.equal(sent.ok && sent.value.status, 'queued', JSON.stringify(sent));
      assert.ok(
        log.lines.some((l) => l.includes('"operation-effect-failed"')),
        'the refused mail is in the log',
      );

      // Camille activates: the relay refuses her address while the registry answers her request.
      assert.ok((await invoke('identity:identify', { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } })).ok);
      const activated = await invoke('accounts:activate', {
        email: 'camille.durand@gmail.com',
        mobile: '0612345678',
        password: 'Pain-au-levain-2026',
        confirmation: 'Pain-au-levain-2026',
      });
      assert.equal(activated.ok, false, 'the activation mail could not leave');
      // "Renvoyer le lien": a request whose path names her RM number fails the same way.
      assert.equal((await invoke('accounts:resend', {})).ok, false, 'the link could not be sent again');
      assert.equal(log.lines.filter((l) => l.includes('"registry-request-failed"')).length, 2, 'both failed requests are in the log');

      const lines = log.lines.join('\n');
      for (const trace of ['jean-pierre.muller', 'camille.durand', 'example.com', 'gmail', '401234562', '123123127']) {
        assert.ok(!lines.includes(trace), `the registry's log mentions "${trace}":\n${lines}`);
      }
    } finally {
      await kiosk.close();
      await server.close();
      await store.close();
      await relay.close();
    }
  });
});
