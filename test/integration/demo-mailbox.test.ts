import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openRegistryStore, type RegistryStore } from '../../main/demo-registry/registry-store.ts';
import { type RegistryServer, startRegistryServer } from '../../main/demo-registry/server.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { KIOSK_ID, SECRET } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

/**
 * The demo registry's mailbox, over real HTTP: one mailbox per address and account, opened only
 * by the unguessable, expiring link the registry grants; no page lists everyone's mail.
 */

const CAMILLE = { rmNumber: '123123127RM078', email: 'camille.durand@example.com' };
const MULLER = { rmNumber: '401234562RE067', email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' };
const PASSWORD = 'Un-mot-de-passe-solide-2026';
const PDF = Buffer.from('%PDF-1.4\n% carte de test\n%%EOF\n');
const REFUSED_FR = 'Ce lien de boîte mail n’est pas valable';
const REFUSED_EN = 'This mailbox link is not valid';

type Running = { store: RegistryStore; server: RegistryServer };

describe('the demo mailbox: one per recipient, reached only by its own link', () => {
  const file = path.join(tempDir('demo-mailbox-'), 'registry.sqlite');
  let r: Running;
  /** An artisan without an account (the second to activate). */
  let other: { rmNumber: string; email: string };

  async function start(): Promise<Running> {
    const store = await openRegistryStore(file, memoryLogger('registry'));
    if ((await store.count()) === 0) await store.seed(300);
    await store.addKiosk(KIOSK_ID, SECRET);
    return { store, server: await startRegistryServer({ store, log: memoryLogger('server') }) };
  }
  async function stop(): Promise<void> {
    await r.server.close();
    await r.store.close();
  }
  async function api(method: string, p: string, body?: unknown): Promise<Response> {
    const auth = (await (
      await fetch(`${r.server.url}/v1/auth/token`, { method: 'POST', body: JSON.stringify({ kioskId: KIOSK_ID, secret: SECRET }) })
    ).json()) as { accessToken: string };
    return fetch(`${r.server.url}${p}`, {
      method,
      headers: { Authorization: `Bearer ${auth.accessToken}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
  const activate = async (who: { rmNumber: string; email: string }) =>
    assert.equal((await api('POST', '/v1/accounts/activate', { ...who, mobile: null, password: PASSWORD })).status, 201);
  const link = async (who: { rmNumber: string; email: string }) => {
    assert.ok(r.server.mailboxLink, 'no SMTP: mail goes to the demo mailbox');
    return r.server.mailboxLink(who.rmNumber, who.email);
  };
  /** A page as a phone gets it: status, the headers that matter, the text. */
  async function open(url: string) {
    const res = await fetch(url);
    return { status: res.status, headers: res.headers, html: await res.text() };
  }
  const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&#38;/g, '&'));

  before(async () => {
    r = await start();
    const row = await r.store.db.get<{ rm: string }>(
      "SELECT rm_number AS rm FROM artisans WHERE deleted = 0 AND data->>'$[16]' = 'none' AND data->>'$[15]' IS NULL AND rm_number NOT LIKE '123123127%' LIMIT 1",
    );
    assert.ok(row);
    other = { rmNumber: row.rm, email: 'deuxieme.artisan@example.com' };
  });
  after(() => stop());

  it('two artisans activate one after the other: each link opens only that artisan’s mail; the old all-mail page is gone', async () => {
    await activate(CAMILLE);
    const first = await link(CAMILLE);
    await activate(other);
    const second = await link(other);

    const mine = await open(second);
    assert.equal(mine.status, 200);
    assert.match(mine.html, /Vos e-mails de démonstration/);
    assert.match(mine.html, /Your demo e-mails/);
    assert.ok(mine.html.includes(`À : ${other.email}`), 'the second artisan’s confirmation is there');
    // Dated for a person, in French on Paris time, not as a machine's ISO timestamp.
    const shown = mine.html.replace(/<[^>]*>/g, '');
    assert.doesNotMatch(shown, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'no raw timestamp on the page');
    const sent = /envoyé le (\d{1,2} \p{L}+ \d{4}) à (\d{2}:\d{2})/u.exec(shown);
    assert.ok(sent, shown);
    const paris = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', ...options }).format(new Date());
    assert.equal(sent[1], paris({ day: 'numeric', month: 'long', year: 'numeric' }), 'today in Paris, in French');
    assert.ok(!mine.html.includes(CAMILLE.email), 'nothing of the first artisan');
    const [confirm] = links(mine.html).filter((l) => l.includes('/confirm?token='));
    assert.ok(confirm);
    assert.equal(links(mine.html).filter((l) => l.includes('/confirm?token=')).length, 1, 'one mail: the second’s own');

    const theirs = await open(first);
    assert.ok(theirs.html.includes(`À : ${CAMILLE.email}`));
    assert.ok(!theirs.html.includes(other.email));
    assert.ok(!links(theirs.html).includes(confirm), 'the second’s link is not in the first’s mailbox');

    // The second's link activates the second's account, not the first's.
    assert.match(await (await fetch(confirm)).text(), /Votre compte est activé/);
    const status = async (rm: string) => ((await (await api('GET', `/v1/accounts/${rm}/status`)).json()) as { status: string }).status;
    assert.equal(await status(other.rmNumber), 'active');
    assert.equal(await status(CAMILLE.rmNumber), 'pending');

    // What used to list everything, and the old attachment address: the refusal, nothing of any mail.
    for (const old of ['/demo/mailbox', '/demo/mailbox/', '/demo/mailbox/attachment?id=1', '/demo/mailbox?all=1']) {
      const page = await open(`${r.server.url}${old}`);
      assert.equal(page.status, 404, old);
      assert.match(page.html, new RegExp(REFUSED_FR), old);
      assert.ok(!page.html.includes('@'), `${old}: no address`);
    }
  });

  it('a guessed, tampered, truncated, expired or absent token: the same page in French and English, which says nothing more', async () => {
    const good = await link(CAMILLE);
    const token = good.split('/').pop() ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{43}$/, '256 random bits');
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    const tampered = `${token.slice(0, 10)}${flip(token[10] ?? '')}${token.slice(11)}`;
    const base = `${r.server.url}/demo/mailbox/`;
    const bad = [
      `${base}${tampered}`,
      `${base}${token.slice(0, -1)}`,
      `${base}${token}x`,
      `${base}${'A'.repeat(43)}`,
      `${base}${encodeURIComponent(CAMILLE.email)}`,
      `${base}`,
      `${base}${token.toLowerCase()}`,
      `${base}..%2F..%2Fv1%2Fhealth`,
    ];
    const pages = await Promise.all(bad.map(open));
    for (const [i, page] of pages.entries()) {
      assert.equal(page.status, 404, bad[i]);
      assert.match(page.html, new RegExp(REFUSED_FR));
      assert.match(page.html, new RegExp(REFUSED_EN));
      assert.match(page.html, /lang="en"/);
      assert.equal(page.html, pages[0]?.html, 'one answer for every way a link is wrong');
      assert.ok(!page.html.includes('@') && !page.html.includes(CAMILLE.rmNumber));
      assert.equal(page.headers.get('cache-control'), 'no-store, private');
    }

    // Expired: its grant aged past its hour in the registry's file; the page is the same refusal.
    assert.equal((await open(good)).status, 200);
    await r.store.db.transaction((tx) => tx.run('UPDATE mailbox_access SET expires_at = expires_at - 3600001'));
    const expired = await open(good);
    assert.equal(expired.status, 404);
    assert.equal(expired.html, pages[0]?.html);
  });

  it('the mailbox page is not cached, not indexed, not framed, sends no Referer, and its address holds no e-mail address; the file keeps no working link', async () => {
    const url = await link(CAMILLE);
    const page = await open(url);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-store, private');
    assert.equal(page.headers.get('pragma'), 'no-cache');
    assert.match(page.headers.get('x-robots-tag') ?? '', /noindex/);
    assert.match(page.headers.get('x-robots-tag') ?? '', /nofollow/);
    assert.match(page.html, /<meta name="robots" content="noindex/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    for (const form of [CAMILLE.email, encodeURIComponent(CAMILLE.email), Buffer.from(CAMILLE.email).toString('base64url'), 'camille', CAMILLE.rmNumber])
      assert.ok(!url.toLowerCase().includes(form.toLowerCase()), `the link does not carry ${form}`);
    // The registry's file holds a hash of the link, not the link.
    await r.store.db.checkpoint();
    const bytes = await readFile(file);
    assert.equal(bytes.indexOf(url.split('/').pop() ?? ''), -1, 'the token is not in the database file');
  });

  it('a reset link and a card of one artisan never reach another’s mailbox, even one granted for the same address', async () => {
    // Jean-Pierre (active account) asks for a reset, and gets his card by e-mail.
    assert.equal((await api('POST', '/v1/accounts/password-reset', { email: MULLER.email })).status, 202);
    const op = {
      idempotencyKey: randomUUID(),
      type: 'card-issuance',
      at: new Date().toISOString(),
      payload: { rmNumber: MULLER.rmNumber, year: 2026, delivery: 'email', pdf: PDF.toString('base64') },
    };
    assert.equal((await api('POST', '/v1/operations', { operations: [op] })).status, 200);

    const his = await open(await link(MULLER));
    const reset = links(his.html).find((l) => l.includes('/reset?token='));
    const card = links(his.html).find((l) => l.includes('/attachment/'));
    assert.ok(reset && card, 'his own mailbox has both');
    const cardUrl = new URL(card, r.server.url).href;
    const cardId: string = /\/attachment\/(\d+)$/.exec(card)?.[1] ?? '';
    assert.notEqual(cardId, '');
    assert.deepEqual(Buffer.from(await (await fetch(cardUrl)).arrayBuffer()), PDF);

    // Camille's mailbox, and even one granted to Camille's account for his address: neither.
    for (const url of [await link(CAMILLE), await link({ rmNumber: CAMILLE.rmNumber, email: MULLER.email })]) {
      const page = await open(url);
      assert.equal(page.status, 200);
      assert.ok(!page.html.includes('/reset?token='), 'no reset link of his');
      assert.ok(!page.html.includes('/attachment/'), 'no card of his');
      // His card's number under her link: refused.
      const stolen: Response = await fetch(`${url}/attachment/${cardId}`);
      assert.equal(stolen.status, 404);
      assert.match(await stolen.text(), new RegExp(REFUSED_FR));
    }

    // The page a mail's link opens is not indexed either, and its token goes nowhere in a Referer.
    const resetPage = await fetch(reset);
    assert.match(resetPage.headers.get('x-robots-tag') ?? '', /noindex/);
    assert.equal(resetPage.headers.get('referrer-policy'), 'no-referrer');
    // His reset link changes his password, and no one else's.
    const chosen = 'Un-autre-mot-de-passe-2026!';
    const done = await fetch(reset, { method: 'POST', body: new URLSearchParams({ password: chosen }) });
    assert.match(await done.text(), /Votre mot de passe est changé/);
    const login = async (email: string, password: string) => (await api('POST', '/v1/accounts/login', { email, password })).status;
    assert.equal(await login(MULLER.email, chosen), 200);
    assert.equal(await login(other.email, PASSWORD), 200, 'the other artisan’s password is untouched');
    // A reset link is not a confirmation link either.
    assert.match(await (await fetch(reset.replace('/reset?', '/confirm?'))).text(), /Ce lien n’est plus valable/);
  });

  it('after a restart of the registry: a live link still opens only its own mailbox, an expired one stays refused, still no all-mail page', async () => {
    const live = await link(other);
    const old = await link(CAMILLE);
    const hash = createHash('sha256')
      .update(old.split('/').pop() ?? '')
      .digest('hex');
    await r.store.db.transaction((tx) => tx.run('UPDATE mailbox_access SET expires_at = 0 WHERE token_hash = ?', [hash]));
    const before = await open(live);
    assert.equal(before.status, 200);
    await stop();

    r = await start();
    // The port is new: the same link on the new registry.
    const moved = (u: string) => `${r.server.url}${new URL(u).pathname}`;
    const after = await open(moved(live));
    assert.equal(after.status, 200);
    assert.ok(after.html.includes(`À : ${other.email}`));
    assert.ok(!after.html.includes(CAMILLE.email) && !after.html.includes(MULLER.email));
    assert.equal((await open(moved(old))).status, 404, 'expired before the restart, refused after it');
    assert.equal((await open(`${r.server.url}/demo/mailbox`)).status, 404);

    // New mail after the restart lands in its own mailbox only.
    assert.equal((await api('POST', `/v1/accounts/${CAMILLE.rmNumber}/resend`)).status, 200);
    assert.ok(!(await open(moved(live))).html.includes(CAMILLE.email));
    const hers = await open(await link(CAMILLE));
    assert.equal(links(hers.html).filter((l) => l.includes('/confirm?token=')).length, 2, 'her first mail and the one sent again');
  });
});
