import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildCard } from '../../main/cards/card-model.ts';
import { renderCardPdf } from '../../main/cards/card-pdf.ts';
import { signCardToken, verifyCardToken } from '../../main/cards/card-token.ts';
import { keyIdOf } from '../../main/secrets/card-signing-key.ts';
import type { ArtisanRow } from '../../main/store/artisans-repo.ts';
import { ROOT } from '../support/browser-mode.ts';
import { inkIn, rasterise, wordsOf } from '../support/glyph-ink.ts';
import { secretsOf } from '../support/secrets.ts';
import { tempDir } from '../support/temp.ts';

const TODAY = '2026-11-27';
const PHOTO = new Uint8Array(readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')));

/** An artisan whose names need every letter a plain font lacks. */
const ZOE: ArtisanRow = {
  rmNumber: '123123127RM078',
  siren: '123123127',
  register: 'RM',
  department: '078',
  birthName: 'ØSTERGÅRD-ÇELİK',
  usageName: null,
  firstNames: 'Zoé Łucja Ñuria',
  birthDateHmac: 'x',
  companyName: 'Façonnage des sœurs Wałęsa, Straße, Dağ, Muñoz & Søn',
  tradeName: null,
  activities: [{ code: '2341ZA', label: 'Fabrication de céramique (poterie)', main: true }],
  qualification: 'maitre-artisan-art',
  chamber: 'CMA Île-de-France',
  address: { line1: '1 rue', postalCode: '78000', city: 'Versailles' },
  registeredOn: '2010-01-01',
  radiatedOn: null,
  accountStatus: 'active',
  version: 1,
};

function pdfFacts(pdf: Uint8Array, dir: string, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file]).toString();
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  return { file, size: /Page size:\s+(.+?) pts/.exec(info)?.[1] ?? '', pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), text };
}

/** The QR code's content, read from a 300 dpi picture of the card's back. */
function qrOf(file: string, page: number, dir: string): string {
  const prefix = path.join(dir, `qr-${page}`);
  execFileSync('pdftoppm', ['-png', '-r', '300', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return execFileSync('zbarimg', ['-q', '--raw', `${prefix}.png`], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
}

describe('the professional card PDF', async () => {
  const dir = tempDir('cards-');
  const keys = (await secretsOf(dir)).cardKeys;
  const trusted = { [keys.kid]: keys.publicKey };
  const built = buildCard(ZOE, PHOTO, TODAY, keys);
  assert.ok(built.ok);
  const card = built.card;

  it('card layout: two CR80 pages (242.65 x 153.01 pt) with every field, accents and all', async () => {
    const f = pdfFacts(await renderCardPdf(card, 'card'), dir, 'card');
    assert.equal(f.size, '242.65 x 153.01');
    assert.equal(f.pages, 2);
    for (const s of [
      'CMA Île-de-France',
      'Carte professionnelle 2026',
      'MAÎTRE ARTISAN EN MÉTIER D’ART',
      'Zoé Łucja Ñuria',
      'ØSTERGÅRD-ÇELİK',
      'Fabrication de céramique (poterie)',
      '123 123 127 RM 078',
      '28/02/2027',
    ]) {
      assert.ok(f.text.replace(/\s+/g, ' ').includes(s), `"${s}" in:\n${f.text}`);
    }
    // The long company name shrinks to fit: every word is there, and every letter of the list.
    const flat = f.text.replace(/\s+/g, ' ');
    for (const word of ['Façonnage', 'sœurs', 'Wałęsa,', 'Straße,', 'Dağ,', 'Muñoz', 'Søn']) assert.ok(flat.includes(word), `"${word}" in:\n${f.text}`);
    for (const letter of ['é', 'ç', 'œ', 'ß', 'ł', 'ğ', 'ñ', 'ø']) assert.ok(f.text.includes(letter), letter);
    execFileSync('pdftoppm', ['-png', '-r', '150', f.file, path.join(ROOT, 'test-output', 'card-zoe')]);
  });

  it('every word printed on both faces draws ink, the RM number and the accented names included', async () => {
    // pdftotext reads the text layer, which stays perfect under a font that prints nothing:
    // look at the printed page instead (card-glyphs.test.ts checks each glyph of the fonts).
    const f = pdfFacts(await renderCardPdf(card, 'card'), dir, 'ink');
    const words = [1, 2].flatMap((page) => {
      const raster = rasterise(f.file, page, 300);
      return wordsOf(f.file, page).map((w) => ({ page, text: w.text, ink: inkIn(raster, w) }));
    });
    for (const expected of ['Zoé', 'Łucja', 'Ñuria', 'ØSTERGÅRD-ÇELİK', 'sœurs', 'Wałęsa,', 'Straße,', 'Dağ,', 'Søn', '123', '127', 'RM', '078', 'Vérifier'])
      assert.ok(
        words.some((w) => w.text === expected),
        `"${expected}" among ${words.map((w) => w.text).join(' ')}`,
      );
    assert.deepEqual(
      words.filter((w) => w.ink < 8),
      [],
      'words without ink',
    );
  });

  it('paper layout: one A4 sheet with both faces', async () => {
    const f = pdfFacts(await renderCardPdf(card, 'paper'), dir, 'paper');
    assert.match(f.size, /^595\.2\d? x 841\.8\d?/);
    assert.equal(f.pages, 1);
    assert.ok(f.text.includes('Vérifier cette carte') && f.text.includes('ØSTERGÅRD-ÇELİK'));
    execFileSync('pdftoppm', ['-png', '-r', '60', f.file, path.join(ROOT, 'test-output', 'card-paper')]);
  });

  it('the QR code decodes to a token that verifies; one changed byte or an unknown key fails', async () => {
    const f = pdfFacts(await renderCardPdf(card, 'card'), dir, 'qr');
    const token = qrOf(f.file, 2, dir);
    assert.equal(token, card.token);
    assert.deepEqual(verifyCardToken(token, trusted, TODAY), {
      ok: true,
      holder: 'Zoé Łucja Ñuria ØSTERGÅRD-ÇELİK',
      rmNumber: '123123127RM078',
      year: 2026,
      validUntil: '2027-02-28',
      kid: keys.kid,
    });
    // One byte changed in the payload (the year), or in the signature.
    const [head, payload = '', sig = ''] = token.split('.');
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('2026', '2027')).toString('base64url');
    assert.deepEqual(verifyCardToken(`${head}.${forged}.${sig}`, trusted, TODAY), { ok: false, reason: 'bad-signature' });
    const flipped = sig.startsWith('A') ? `B${sig.slice(1)}` : `A${sig.slice(1)}`;
    assert.deepEqual(verifyCardToken(`${head}.${payload}.${flipped}`, trusted, TODAY), { ok: false, reason: 'bad-signature' });
    // Signed by a key nobody trusts, even one claiming the same id.
    const stranger = generateKeyPairSync('ed25519');
    const strangerToken = signCardToken({ k: keyIdOf(stranger.publicKey), r: 'x', n: 'x', y: 2026, e: '2027-02-28' }, stranger.privateKey);
    assert.deepEqual(verifyCardToken(strangerToken, trusted, TODAY), { ok: false, reason: 'unknown-key' });
    const impostor = signCardToken({ k: keys.kid, r: 'x', n: 'x', y: 2026, e: '2027-02-28' }, stranger.privateKey);
    assert.deepEqual(verifyCardToken(impostor, trusted, TODAY), { ok: false, reason: 'bad-signature' });
    assert.deepEqual(verifyCardToken(token, trusted, '2027-03-01'), { ok: false, reason: 'expired' });
    assert.deepEqual(verifyCardToken('hello', trusted, TODAY), { ok: false, reason: 'malformed' });
  });

  it('card-verify on the command line says the same', () => {
    const run = (t: string) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'card-verify', t, '--json', '--data-dir', dir], {
            cwd: ROOT,
          }).toString(),
        };
      } catch (e) {
        const err = e as { status: number; stdout: Buffer };
        return { code: err.status, out: err.stdout.toString() };
      }
    };
    assert.deepEqual(JSON.parse(run(card.token).out), {
      ok: true,
      holder: 'Zoé Łucja Ñuria ØSTERGÅRD-ÇELİK',
      rmNumber: '123123127RM078',
      year: 2026,
      validUntil: '2027-02-28',
      kid: keys.kid,
    });
    // The first character of the signature changed (the last ones carry padding bits that a
    // change may not touch: the test would then pass a token that is still genuine).
    const [head, payload, sig = ''] = card.token.split('.');
    const bad = run(`${head}.${payload}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`);
    assert.deepEqual([bad.code, JSON.parse(bad.out)], [1, { ok: false, reason: 'bad-signature' }]);
  });

  it('a missing photo gets a placeholder, a radiated artisan a refusal, a very long name wraps instead of being cut', async () => {
    const noPhoto = buildCard(ZOE, null, TODAY, keys);
    assert.ok(noPhoto.ok);
    assert.ok(pdfFacts(await renderCardPdf(noPhoto.card, 'card'), dir, 'nophoto').text.includes('Photo'));
    assert.deepEqual(buildCard({ ...ZOE, radiatedOn: '2024-12-31' }, PHOTO, TODAY, keys), { ok: false, reason: 'radiated' });
    const long = buildCard(
      { ...ZOE, firstNames: 'Marie-Anne-Charlotte-Élisabeth Bénédicte', birthName: 'DE LA ROCHEFOUCAULD-MONTMORENCY-LAVAL DE SAINT-ÉTIENNE' },
      PHOTO,
      TODAY,
      keys,
    );
    assert.ok(long.ok);
    const f = pdfFacts(await renderCardPdf(long.card, 'card'), dir, 'long');
    const flat = f.text.replace(/\s+/g, ' ');
    for (const word of ['Marie-Anne-Charlotte-Élisabeth', 'Bénédicte', 'ROCHEFOUCAULD-MONTMORENCY-LAVAL', 'SAINT-ÉTIENNE'])
      assert.ok(flat.includes(word), `"${word}" in ${flat}`);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', f.file, path.join(ROOT, 'test-output', 'card-long-name')]);
  });
});
