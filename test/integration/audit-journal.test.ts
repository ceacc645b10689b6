import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import type { Spooler } from '../../main/printing/spooler.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { StaffOverview } from '../../main/shared/console.ts';
import type { Result } from '../../main/shared/errors.ts';
import { verifyAudit } from '../../main/store/audit-repo.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { auditSentence } from '../../renderer/screens/staff/audit-journal.tsx';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { eventually } from '../support/pvc.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

// A card printer that takes every job and prints it: this test is about what the journal
// says, not about printing (test/integration/pvc-orders.test.ts drives a real CUPS queue).
const deskPrinter: Spooler = {
  findsByTag: true,
  submit: async () => 'job-1',
  findByTag: async () => null,
  jobState: async () => 'completed',
  queueState: async () => 'ready',
};

describe('the console’s journal, as the desk reads it', () => {
  it('a payment and an issuance read as sentences naming the agent, the order and the artisan (RM masked), in French and in English', async () => {
    const registry = await startTestRegistry(200);
    const kiosk = await readyKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      syncIntervalMs: 0,
      secrets: memoryStore(),
      spooler: deskPrinter,
      registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 },
    });
    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    const invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;
    assert.equal((await invoke('staff:setup', { name: 'Sophie Martin', pin: '482913', confirmation: '482913' })).ok, true);
    assert.ok((await invoke('staff:printer-set', { role: 'card', printer: 'Cartes' })).ok);
    assert.ok((await invoke('staff:issue-start', { rmNumber: '123123127RM078', document: 'passeport' })).ok);
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
    assert.ok((await invoke('staff:issue-photo', { jpeg })).ok);
    const issued = await invoke<{ orderNumber?: string }>('staff:issue', { kind: 'pvc', method: 'cash' });
    assert.ok(issued.ok && issued.value.orderNumber, JSON.stringify(issued));
    const order = issued.value.orderNumber;

    await eventually(() => kiosk.db.get("SELECT seq FROM audit_log WHERE action = 'pvc-printed'"), 'the card printed');
    const overview = await invoke<StaffOverview>('staff:overview', {});
    assert.ok(overview.ok);
    const lines = (locale: 'fr' | 'en') => overview.value.audit.map((l) => auditSentence(l, (k, p) => translate(locale, k, p), locale));
    const fr = lines('fr');
    assert.ok(fr.includes(`Sophie Martin a encaissé 5,00\u00a0€ (espèces), commande ${order}, Camille DURAND (…127 RM 078)`), fr.join('\n'));
    assert.ok(
      fr.includes(`Sophie Martin a délivré la carte ${new Date().getFullYear()} (en carte PVC) à Camille DURAND (…127 RM 078), commande ${order}`),
      fr.join('\n'),
    );
    assert.ok(fr.includes('Sophie Martin a vérifié la pièce d’identité (Passeport) de Camille DURAND (…127 RM 078)'), fr.join('\n'));
    assert.ok(fr.includes('Sophie Martin a mis la borne en service (premier agent)'), fr.join('\n'));
    assert.ok(fr.includes(`La borne a imprimé la carte PVC, commande ${order}, Camille DURAND (…127 RM 078)`), fr.join('\n'));
    assert.ok(fr.includes('Sophie Martin a réglé l’imprimante « Cartes » (Imprimante à cartes PVC)'), fr.join('\n'));
    const en = lines('en');
    assert.ok(en.includes(`Sophie Martin took €5.00 (cash), order ${order}, Camille DURAND (…127 RM 078)`), en.join('\n'));
    assert.ok(en.includes('Sophie Martin checked the identity document (Passport) of Camille DURAND (…127 RM 078)'), en.join('\n'));
    // Nothing of the codes or of the whole RM number reaches the screen.
    const all = [...fr, ...en].join('\n');
    assert.doesNotMatch(all, /staff:1|pvc-paid|card-issued|123123127/);
    assert.doesNotMatch(JSON.stringify(overview.value.audit), /123123127/, 'the whole RM number never leaves the core');
    assert.equal((await verifyAudit(kiosk.db)).ok, true, 'the chain still holds');
    await kiosk.close();
    await registry.close();
  });
});
