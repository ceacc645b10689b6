import { createHash } from 'node:crypto';
import type { CardKey } from '../registry/card-keys-wire.ts';

/**
 * The chamber's card verification page (GET /v): what a phone opens from a card's QR code,
 * `…/v#CMA1.<payload>.<signature>`. The token stays in the fragment, which a browser never
 * sends to a server; the page checks the Ed25519 signature itself with WebCrypto, against
 * the chamber's public keys embedded in it, so once loaded it needs no network (a scan in a
 * basement still answers). Nothing external is loaded; the only script and style are the
 * ones below, allowed by their hashes in a strict Content-Security-Policy.
 */

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45}
body{margin:0;background:#f4f4f2;color:#1b1b1b}
header{background:#12355b;color:#fff;padding:16px 20px;display:flex;justify-content:space-between;align-items:center;gap:12px}
header p{margin:0;font-size:15px;font-weight:600}
button{font:inherit;font-size:15px;min-height:44px;padding:8px 14px;border-radius:6px;border:2px solid #fff;background:transparent;color:#fff}
main{padding:20px;max-width:560px;margin:0 auto}
h1{font-size:22px;margin:0 0 16px}
.panel{border-radius:8px;padding:18px 20px;border-left:8px solid}
.ok{background:#e3f4e8;border-color:#18753c}
.ko{background:#fdecea;border-color:#b3261e}
.none{background:#fff;border-color:#666}
.panel h2{margin:0 0 10px;font-size:26px}
.ok h2{color:#18753c}.ko h2{color:#b3261e}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:6px 14px;font-size:17px}
dt{color:#444}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
p.note{font-size:14px;color:#444;margin-top:20px}
`;

const SCRIPT = `
'use strict';
const KEYS = JSON.parse(document.getElementById('keys').textContent);
const WORDS = {
  fr: {
    title: 'Vérification d’une carte professionnelle',
    chamber: 'Chambre de Métiers et de l’Artisanat',
    other: 'English',
    checking: 'Vérification…',
    valid: 'Carte valide',
    invalid: 'Carte non valide',
    empty: 'Aucune carte à vérifier',
    emptyWhy: 'Scannez le code QR au dos d’une carte professionnelle.',
    holder: 'Titulaire', rm: 'N° RM', year: 'Année', until: 'Valable jusqu’au',
    note: 'La signature de la carte est vérifiée sur ce téléphone avec les clés publiques de la chambre ; le contenu du code n’est envoyé à aucun serveur.',
    malformed: 'Ce code n’est pas celui d’une carte professionnelle.',
    'unknown-key': 'Cette carte est signée par une clé que la chambre ne connaît pas.',
    'revoked-key': 'La chambre a retiré la clé qui a signé cette carte : elle n’est plus valable.',
    'bad-signature': 'La signature ne correspond pas : la carte a été modifiée ou contrefaite.',
    expired: 'Cette carte a expiré.',
    unsupported: 'Ce navigateur ne sait pas vérifier la signature (Ed25519) : essayez un navigateur à jour.',
    locale: 'fr-FR',
  },
  en: {
    title: 'Professional card check',
    chamber: 'Chamber of Trades and Crafts (CMA)',
    other: 'Français',
    checking: 'Checking…',
    valid: 'Valid card',
    invalid: 'Card not valid',
    empty: 'No card to check',
    emptyWhy: 'Scan the QR code on the back of a professional card.',
    holder: 'Holder', rm: 'RM number', year: 'Year', until: 'Valid until',
    note: 'The card’s signature is checked on this phone with the chamber’s public keys; what the code holds is sent to no server.',
    malformed: 'This code is not a professional card’s.',
    'unknown-key': 'This card is signed with a key the chamber does not know.',
    'revoked-key': 'The chamber has withdrawn the key that signed this card: it is no longer valid.',
    'bad-signature': 'The signature does not match: the card was altered or forged.',
    expired: 'This card has expired.',
    unsupported: 'This browser cannot check the signature (Ed25519): try an up-to-date browser.',
    locale: 'en-GB',
  },
};
let lang = 'fr';
let last = null;
const $ = (id) => document.getElementById(id);
function bytes(b64u) {
  if (!/^[A-Za-z0-9_-]*$/.test(b64u)) throw new Error('not base64url');
  const s = b64u.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(s + '='.repeat((4 - (s.length % 4)) % 4)), (c) => c.charCodeAt(0));
}
function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}
async function check(fragment) {
  let token = fragment;
  try { token = decodeURIComponent(fragment); } catch (e) { /* kept as it is */ }
  token = token.trim();
  if (token === '') return { state: 'empty' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'CMA1') return { ok: false, reason: 'malformed' };
  let c, sig;
  try {
    c = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes(parts[1])));
    sig = bytes(parts[2]);
  } catch (e) { return { ok: false, reason: 'malformed' }; }
  if (!c || typeof c.k !== 'string' || typeof c.r !== 'string' || typeof c.n !== 'string' || typeof c.y !== 'number' || typeof c.e !== 'string')
    return { ok: false, reason: 'malformed' };
  const key = KEYS.find((k) => k.kid === c.k);
  if (!key) return { ok: false, reason: 'unknown-key' };
  if (key.revokedAt) return { ok: false, reason: 'revoked-key' };
  let good = false;
  try {
    const pub = await crypto.subtle.importKey('raw', bytes(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
    good = await crypto.subtle.verify({ name: 'Ed25519' }, pub, sig, new TextEncoder().encode('CMA1.' + parts[1]));
  } catch (e) {
    if (!(crypto.subtle && e && e.name === 'DataError')) return { ok: false, reason: 'unsupported' };
  }
  if (!good) return { ok: false, reason: 'bad-signature' };
  if (c.e < today()) return { ok: false, reason: 'expired' };
  return { ok: true, holder: c.n, rm: c.r, year: c.y, until: c.e };
}
function spacedRm(rm) { return rm.replace(/^(\\d{3})(\\d{3})(\\d{3})(R[ME])(.+)$/, '$1 $2 $3 $4 $5'); }
function row(dl, term, value) {
  const dt = document.createElement('dt'); dt.textContent = term;
  const dd = document.createElement('dd'); dd.textContent = value;
  dl.append(dt, dd);
}
function show() {
  const w = WORDS[lang];
  document.documentElement.lang = lang;
  document.title = w.title;
  $('chamber').textContent = w.chamber;
  $('switch').textContent = w.other;
  $('switch').lang = lang === 'fr' ? 'en' : 'fr';
  $('title').textContent = w.title;
  $('note').textContent = w.note;
  const box = $('result');
  box.replaceChildren();
  const h = document.createElement('h2');
  const r = last;
  box.className = 'panel ' + (!r ? 'none' : r.state === 'empty' ? 'none' : r.ok ? 'ok' : 'ko');
  h.textContent = !r ? w.checking : r.state === 'empty' ? w.empty : r.ok ? w.valid : w.invalid;
  box.append(h);
  if (!r) return;
  if (r.state === 'empty') { const p = document.createElement('p'); p.textContent = w.emptyWhy; box.append(p); return; }
  if (!r.ok) { const p = document.createElement('p'); p.textContent = w[r.reason]; box.append(p); return; }
  const dl = document.createElement('dl');
  row(dl, w.holder, r.holder);
  row(dl, w.rm, spacedRm(r.rm));
  row(dl, w.year, String(r.year));
  row(dl, w.until, new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(r.until + 'T00:00:00Z')));
  box.append(dl);
}
async function run() {
  last = null;
  show();
  const fragment = location.hash.slice(1);
  const result = await check(fragment);
  if (location.hash.slice(1) !== fragment) return;
  last = result;
  show();
}
$('switch').addEventListener('click', () => { lang = lang === 'fr' ? 'en' : 'fr'; show(); });
window.addEventListener('hashchange', run);
run();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page, and the headers it must go with (its CSP allows exactly its own script and style). */
export function verifyPage(keys: readonly CardKey[]): { html: string; headers: Record<string, string> } {
  // JSON inside <script>: `<` escaped so no value can close the element.
  const data = JSON.stringify(keys).replace(/</g, '\\u003c');
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Vérification d’une carte professionnelle</title>
<style>${STYLE}</style>
</head>
<body>
<header><p id="chamber">Chambre de Métiers et de l’Artisanat</p><button type="button" id="switch" lang="en">English</button></header>
<main>
<h1 id="title">Vérification d’une carte professionnelle</h1>
<section id="result" class="panel none" role="status" aria-live="polite"><h2>Vérification…</h2></section>
<p class="note" id="note"></p>
</main>
<script type="application/json" id="keys">${data}</script>
<script>${SCRIPT}</script>
</body>
</html>`;
  return {
    html,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src ${sha256(SCRIPT)}; style-src ${sha256(STYLE)}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      // A phone that loaded the page checks further cards offline; a revoked key reaches it
      // within ten minutes.
      'Cache-Control': 'public, max-age=600',
    },
  };
}
