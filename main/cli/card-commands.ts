import { createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { trustOf } from '../cards/card-keyring.ts';
import { buildCard } from '../cards/card-model.ts';
import { type CardLayout, renderCardPdf } from '../cards/card-pdf.ts';
import { verifyCardToken } from '../cards/card-token.ts';
import { defaultDataDir } from '../config/paths.ts';
import { localIsoDate } from '../identity/birth-date.ts';
import { parseRmNumber } from '../identity/rm-number.ts';
import { createLogger, errorKind } from '../logging/logger.ts';
import { CARD_PUBLIC_KEY_FILE, keyIdOf } from '../secrets/card-signing-key.ts';
import { readSettings } from '../settings/kiosk-settings.ts';
import { findByRmNumber } from '../store/artisans-repo.ts';
import { listCardKeys } from '../store/card-keys-repo.ts';
import { openStore, STORE_FILE } from '../store/open-store.ts';
import { cliSecrets } from './cli-secrets.ts';

export async function cardRender(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      rm: { type: 'string' },
      out: { type: 'string' },
      layout: { type: 'string', default: 'card' },
      photo: { type: 'string' },
      'verify-url': { type: 'string' },
    },
    strict: true,
  });
  const layout = values.layout as CardLayout;
  if (!values.rm || !values.out || (layout !== 'card' && layout !== 'paper')) {
    console.error('card-render needs --rm <RM number> --out FILE.pdf, and --layout card or paper.');
    return 2;
  }
  const rm = parseRmNumber(values.rm);
  if (!rm.ok) {
    console.error(`This RM number is refused (${rm.reason}).`);
    return 1;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const log = createLogger('cli.card-render', { level: 'warn' });
  const db = await openStore(dataDir, log);
  try {
    const artisan = await findByRmNumber(db, rm.value.rmNumber);
    if (!artisan) {
      console.error(`No artisan ${rm.value.rmNumber} in the local copy at ${dataDir} (synced yet?).`);
      return 1;
    }
    const photo = values.photo ? new Uint8Array(await readFile(values.photo)) : null;
    const secrets = await cliSecrets(dataDir, log);
    if (!secrets) return 1;
    // The QR points to the chamber's verification page: the one asked for, else the configured registry's.
    const registryUrl = (await readSettings(db)).registryUrl;
    const verifyUrl = values['verify-url'] ?? (registryUrl ? `${registryUrl.replace(/\/+$/, '')}/v` : null);
    if (!verifyUrl) console.error('No registry is configured: the QR code holds the bare token (pass --verify-url URL for a link a phone can open).');
    const built = buildCard(artisan, photo, localIsoDate(new Date()), { ...secrets.cardKeys, verifyUrl });
    if (!built.ok) {
      console.error('This business is struck off the register: no card can be issued. The chamber can say more.');
      return 1;
    }
    const pdf = await renderCardPdf(built.card, layout);
    await writeFile(values.out, pdf);
    console.log(`${values.out}: ${layout} layout, ${pdf.length} bytes.`);
    return 0;
  } finally {
    await db.close();
  }
}

/**
 * card-verify URL-or-token: checks a card as "Vérifier une carte" does, against the issuing
 * kiosk's own public key and the chamber's keys its store has synced (revoked ones refused);
 * or, with --public-key, against that one key only.
 */
export async function cardVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, 'public-key': { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const scanned = positionals[0];
  if (!scanned) {
    console.error('card-verify needs what the card’s QR code holds: the verification URL, or the bare token.');
    return 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const file = values['public-key'] ?? path.join(dataDir, CARD_PUBLIC_KEY_FILE);
  let own: { kid: string; publicKey: ReturnType<typeof createPublicKey> } | null = null;
  try {
    const publicKey = createPublicKey(await readFile(file, 'utf8'));
    own = { kid: keyIdOf(publicKey), publicKey };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (values['public-key']) {
      console.error(missing ? `No public key at ${file}.` : `The public key at ${file} cannot be read (${errorKind(error)}).`);
      return 2;
    }
    // None at the default place is expected (a store that never signed a card): the chamber's
    // keys only. One there that cannot be read is said, not taken for none.
    if (!missing) console.error(`The kiosk's public key at ${file} cannot be read (${errorKind(error)}): checking with the chamber's keys only.`);
  }
  // The chamber's keys as this kiosk last synced them (none with --public-key, or no store).
  let chamber: Awaited<ReturnType<typeof listCardKeys>> = [];
  if (!values['public-key'] && existsSync(path.join(dataDir, STORE_FILE))) {
    const db = await openStore(dataDir, createLogger('cli.card-verify', { level: 'warn' }));
    try {
      chamber = await listCardKeys(db);
    } finally {
      await db.close();
    }
  }
  if (!own && chamber.length === 0) {
    console.error(`No key to verify with at ${dataDir}: pass --public-key FILE or --data-dir of a kiosk of the chamber.`);
    return 2;
  }
  const trust = trustOf(own, chamber);
  const result = verifyCardToken(scanned, trust.keys, localIsoDate(new Date()), trust.revoked);
  const words = result.ok
    ? `Valid card: ${result.holder}, ${result.rmNumber}, year ${result.year}, until ${result.validUntil}.`
    : {
        malformed: 'Not a card token.',
        'unknown-key': 'Signed by a key this verifier does not know.',
        'revoked-key': 'Signed by a key the chamber has revoked: the card is no longer valid.',
        'bad-signature': 'The signature does not match: the card was altered or forged.',
        expired: 'The card has expired.',
      }[result.reason];
  console.log(values.json ? JSON.stringify(result) : words);
  return result.ok ? 0 : 1;
}
