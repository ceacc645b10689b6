import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { CardView } from '../../main/shared/card.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { IssuanceResult } from '../../main/shared/staff.ts';
import { pendingCount } from '../../main/store/outbox-repo.ts';
import { ROOT } from '../support/browser-mode.ts';
import { photoAreaColour as areaColour, type Colour, isGrey, isSkin } from '../support/card-photo.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const MULLER = '401234562RE067'; // active account: the card can go by e-mail
const DURAND = '123123127RM078';
const PORTRAIT = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
const dir = tempDir('photo-keeps-');

/** A second, different ID photo: a plain blue 35:45 JPEG (pdf-lib draws it, poppler encodes it). */
async function bluePhoto(): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([70, 90]);
  page.drawRectangle({ x: 0, y: 0, width: 70, height: 90, color: rgb(0.1, 0.25, 0.85) });
  const file = path.join(dir, 'blue.pdf');
  writeFileSync(file, await doc.save());
  execFileSync('pdftoppm', ['-jpeg', '-r', '144', '-singlefile', file, path.join(dir, 'blue')]);
  return readFileSync(path.join(dir, 'blue.jpg')).toString('base64');
}

const skin = isSkin;
const grey = isGrey;
const blue = (c: Colour) => c.b - c.r > 80;
const photoAreaColour = (pdf: Uint8Array, name: string) => areaColour(pdf, dir, name);

describe('the photo is the artisan’s until replaced (kiosk + reference registry)', () => {
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let kiosk: Kiosk;
  const log = memoryLogger();

  /** A visit: identified and logged in (what the accounts screens do before "Ma carte"). */
  const visit = (rmNumber: string) => {
    kiosk.session.end();
    kiosk.session.identified(rmNumber);
    kiosk.session.update({ loggedIn: true });
  };
  const registryPhoto = async (rmNumber: string) =>
    (await registry.store.db.get<{ jpeg: Buffer }>('SELECT jpeg FROM artisan_photos WHERE rm_number = ?', [rmNumber]))?.jpeg;
  const photoOnCard = async () => {
    const v = await kiosk.cards.view();
    assert.ok(v.ok);
    return v.value.photo?.replace('data:image/jpeg;base64,', '') ?? null;
  };

  before(async () => {
    registry = await startTestRegistry(200);
    kiosk = await readyKiosk({
      dataDir: tempDir(),
      log,
      syncIntervalMs: 0,
      registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 },
    });
  });
  after(async () => {
    await kiosk.close();
    await registry.close();
  });

  it('no photo at all: "Ma carte" shows no photo, and the e-mail, phone and PVC paths refuse in words (PHOTO_REQUIRED)', async () => {
    visit(MULLER);
    assert.equal(await photoOnCard(), null);
    const refusals = [await kiosk.cards.sendByEmail(), await kiosk.cards.phoneLink(), await kiosk.cards.forPrinting()];
    assert.deepEqual(
      refusals.map((r) => !r.ok && r.error.code),
      ['PHOTO_REQUIRED', 'PHOTO_REQUIRED', 'PHOTO_REQUIRED'],
    );
    assert.equal((await pendingCount(kiosk.db)).pending, 0, 'nothing was issued');
    const { fr } = await import('../../renderer/i18n/fr.ts');
    const { en } = await import('../../renderer/i18n/en.ts');
    assert.match(fr['error.PHOTO_REQUIRED'], /photo/);
    assert.match(en['error.PHOTO_REQUIRED'], /photo/);
  });

  it('a photo taken, the visit ended, the artisan back: the photo is there, on the card and in its PDF (not the grey silhouette)', async () => {
    visit(MULLER);
    const set = await kiosk.cards.setPhoto(PORTRAIT);
    assert.deepEqual(set.ok && set.value.delivered, true);
    assert.equal((await registryPhoto(MULLER))?.toString('base64'), PORTRAIT, 'the registry keeps it');
    kiosk.session.end();
    assert.equal(kiosk.session.get().photo, null, 'the visit’s photo is gone with it');

    visit(MULLER);
    assert.equal(await photoOnCard(), PORTRAIT);
    const printed = await kiosk.cards.forPrinting();
    assert.ok(printed.ok);
    const colour = photoAreaColour(printed.value.pdf, 'with-photo');
    assert.ok(skin(colour), `the card's photo area is the portrait's face: ${JSON.stringify(colour)}`);
    assert.deepEqual(await kiosk.cards.sendByEmail(), { ok: true, value: { delivered: true } });
    const profile = await registry.server.accounts.profile(MULLER);
    assert.ok(profile && registry.server.mailboxLink);
    const mailbox = await registry.server.mailboxLink(MULLER, profile.email);
    const mail = await (await fetch(mailbox)).text();
    assert.match(mail, /Pièce jointe : carte-professionnelle-20\d\d\.pdf/);
    const attachment = /href="(\/demo\/mailbox\/[^"]+\/attachment\/\d+)"/.exec(mail)?.[1];
    assert.ok(attachment);
    const attached = new Uint8Array(await (await fetch(new URL(attachment, mailbox))).arrayBuffer());
    assert.ok(skin(photoAreaColour(attached, 'emailed')), 'the e-mailed card shows the photo');

    // What the silhouette looks like, measured the same way: the test tells the two apart.
    const { buildCard } = await import('../../main/cards/card-model.ts');
    const { renderCardPdf } = await import('../../main/cards/card-pdf.ts');
    const { findByRmNumber } = await import('../../main/store/artisans-repo.ts');
    const { secretsOf } = await import('../support/secrets.ts');
    const artisan = await findByRmNumber(kiosk.db, MULLER);
    assert.ok(artisan);
    const bare = buildCard(artisan, null, '2026-12-01', (await secretsOf(tempDir())).cardKeys);
    assert.ok(bare.ok);
    assert.ok(grey(photoAreaColour(await renderCardPdf(bare.card, 'card'), 'placeholder')), 'the placeholder is grey');

    // No photo bytes in the kiosk's logs.
    assert.ok(!log.lines.join('\n').includes(PORTRAIT.slice(400, 460)));
  });

  it('a second photo replaces the first, at the registry and on the card', async () => {
    const second = await bluePhoto();
    visit(MULLER);
    assert.equal(await photoOnCard(), PORTRAIT);
    assert.ok((await kiosk.cards.setPhoto(second)).ok);
    assert.equal(await photoOnCard(), second, 'at once in this visit');
    assert.equal((await registryPhoto(MULLER))?.toString('base64'), second, 'at the registry');
    visit(MULLER);
    assert.equal(await photoOnCard(), second, 'and at the next visit');
    const printed = await kiosk.cards.forPrinting();
    assert.ok(printed.ok && blue(photoAreaColour(printed.value.pdf, 'second')));
  });

  it('the registry down when the photo is taken: the outbox keeps it, the next visit shows it, it wins over the older one at the registry, and it arrives later', async () => {
    visit(MULLER);
    registry.server.faults.resetRate = 1;
    try {
      const set = await kiosk.cards.setPhoto(PORTRAIT);
      assert.deepEqual(set.ok && set.value.delivered, false, 'not delivered');
      assert.equal((await pendingCount(kiosk.db)).pending, 1, 'the outbox keeps it');
      visit(MULLER);
      assert.equal(await photoOnCard(), PORTRAIT, 'the registry cannot be asked: the outbox’s photo');
    } finally {
      registry.server.faults.resetRate = 0;
    }
    // The registry answers again with the blue photo (older): the one still waiting here is newer and wins.
    assert.notEqual((await registryPhoto(MULLER))?.toString('base64'), PORTRAIT);
    visit(MULLER);
    assert.equal(await photoOnCard(), PORTRAIT);
    await kiosk.sync.syncNow();
    assert.equal((await pendingCount(kiosk.db)).pending, 0);
    assert.equal((await registryPhoto(MULLER))?.toString('base64'), PORTRAIT, 'delivered once the registry is back');
  });

  it('staff issuance for an artisan whose photo another kiosk gave the registry: the card has it at once; without one it is refused', async () => {
    const other = await readyKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      syncIntervalMs: 0,
      secrets: memoryStore(),
      registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 },
    });
    other.session.identified(DURAND);
    other.session.update({ loggedIn: true });
    assert.ok((await other.cards.setPhoto(PORTRAIT)).ok);
    await other.close();

    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    const invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;
    assert.ok((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
    const started = await invoke<CardView>('staff:issue-start', { rmNumber: DURAND, document: 'passeport' });
    assert.equal(started.ok && started.value.photo, `data:image/jpeg;base64,${PORTRAIT}`);

    // Someone the registry has no photo of: staff must take one before any card leaves.
    const nobody = (
      await kiosk.db.get<{ rm: string }>('SELECT rm_number AS rm FROM artisans WHERE radiated_on IS NULL AND rm_number NOT IN (?, ?) LIMIT 1', [MULLER, DURAND])
    )?.rm;
    assert.ok(nobody);
    const bare = await invoke<CardView>('staff:issue-start', { rmNumber: nobody, document: 'passeport' });
    assert.equal(bare.ok && bare.value.photo, null);
    const refused = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
    assert.equal(!refused.ok && refused.error.code, 'PHOTO_REQUIRED');
    assert.ok((await invoke('staff:issue-end', {})).ok);
  });
});
