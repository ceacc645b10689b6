import { createPublicKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCard } from '../cards/card-model.ts';
import { type CardLayout, renderCardPdf } from '../cards/card-pdf.ts';
import { type TrustedKeys, verifyCardToken } from '../cards/card-token.ts';
import { defaultDataDir } from '../config/paths.ts';
import { localIsoDate } from '../identity/birth-date.ts';
import { parseRmNumber } from '../identity/rm-number.ts';
import { createLogger } from '../logging/logger.ts';
import { CARD_PUBLIC_KEY_FILE, keyIdOf } from '../secrets/card-signing-key.ts';
import { findByRmNumber } from '../store/artisans-repo.ts';
import { openStore } from '../store/open-store.ts';
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
    const built = buildCard(artisan, photo, localIsoDate(new Date()), secrets.cardKeys);
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

export async function cardVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, 'public-key': { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const token = positionals[0];
  if (!token) {
    console.error('card-verify needs the token read from the card’s QR code.');
    return 2;
  }
  const file = values['public-key'] ?? path.join(values['data-dir'] ?? defaultDataDir(), CARD_PUBLIC_KEY_FILE);
  const keys: TrustedKeys = {};
  try {
    const pem = await readFile(file, 'utf8');
    keys[keyIdOf(createPublicKey(pem))] = pem;
  } catch {
    console.error(`No public key at ${file}: pass --public-key FILE or --data-dir of the issuing kiosk.`);
    return 2;
  }
  const result = verifyCardToken(token, keys, localIsoDate(new Date()));
  const words = result.ok
    ? `Valid card: ${result.holder}, ${result.rmNumber}, year ${result.year}, until ${result.validUntil}.`
    : {
        malformed: 'Not a card token.',
        'unknown-key': 'Signed by a key this verifier does not know.',
        'bad-signature': 'The signature does not match: the card was altered or forged.',
        expired: 'The card has expired.',
      }[result.reason];
  console.log(values.json ? JSON.stringify(result) : words);
  return result.ok ? 0 : 1;
}
