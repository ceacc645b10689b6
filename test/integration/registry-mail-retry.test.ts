import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { IssuanceResult } from '../../main/shared/staff.ts';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { eventually } from '../support/pvc.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { startSmtpCapture } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

describe('a card e-mail the mail server refused is sent once it is back, never lost as a "duplicate"', () => {
  it('the registry does not keep an operation whose mail failed; the kiosk says "en attente" and the retry sends it', async () => {
    // A mail server that is down: its port, with nothing listening.
    const probe = await startSmtpCapture();
    const port = probe.port;
    await probe.close();
    const registry = await startTestRegistry(50, { smtp: { host: '127.0.0.1', port, from: 'carte@cma.example' } });
    const kiosk = await readyKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      syncIntervalMs: 0,
      secrets: memoryStore(),
      registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 5000 },
    });
    let smtp: Awaited<ReturnType<typeof startSmtpCapture>> | undefined;
    try {
      const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
      const invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;
      assert.ok((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
      assert.ok((await invoke('staff:issue-start', { rmNumber: '401234562RE067', document: 'passeport' })).ok);
      const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
      assert.ok((await invoke('staff:issue-photo', { jpeg })).ok);
      // The address is shown (masked) to the artisan before any card is e-mailed.
      assert.ok((await invoke('staff:issue-email-target', {})).ok);

      const sent = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
      // Not "envoyée": the registry could not send it.
      assert.equal(sent.ok && sent.value.status, 'queued', JSON.stringify(sent));
      const pending = () => kiosk.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE type = 'card-issuance'").then((r) => r?.n);
      assert.equal(await pending(), 1, 'the card waits on the kiosk, to be sent again');

      // The mail server is back: the next delivery sends the card, once.
      smtp = await startSmtpCapture(port);
      const mail = smtp.next();
      await kiosk.sync.syncNow({ asked: true }).catch(() => undefined);
      // Without the registry's fix the retry is a "duplicate" and no mail ever comes: fail, do not hang.
      const received = await Promise.race([mail, new Promise<never>((_, no) => setTimeout(() => no(new Error('no mail after 20 s')), 20_000))]);
      assert.deepEqual(received.to, ['jean-pierre.muller@example.com']);
      assert.match(received.raw, /carte-professionnelle-\d{4}\.pdf/);
      await eventually(
        async () => (await kiosk.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE type = 'card-issuance'"))?.n === 0,
        'the outbox empty',
      );
      assert.equal(smtp.mails.length, 1);
    } finally {
      await kiosk.close();
      await registry.close();
      await smtp?.close();
    }
  });
});
