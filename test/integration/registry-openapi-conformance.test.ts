import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Answer, openApiChecker } from '../support/openapi-conformance.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';

type Registry = Awaited<ReturnType<typeof startTestRegistry>>;
type Page = { fields: string[]; items: unknown[][]; removed: string[]; cursor: string; hasMore: boolean };

const DURAND = '123123127RM078'; // no account yet
const MULLER = '401234562RE067'; // active account
const MULLER_LOGIN = { email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' };
const SANTONI = '552032534RM02A'; // radiated
const NOBODY = '999999999RM075'; // well formed, in no registry
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

/**
 * The reference server answers as main/registry/openapi.json says, call by call: every status
 * it gives is documented for that operation, with the documented headers, media type and
 * body schema. An answer the document does not describe fails the test, whichever is wrong.
 */
describe('the reference registry answers as its OpenAPI document says', () => {
  const checker = openApiChecker(new URL('../../main/registry/openapi.json', import.meta.url));
  const called = new Set<string>();
  let registry: Registry;
  let token = '';

  /** One real call, checked against the document; returns the answer for the test to use. */
  async function call(
    method: string,
    path: string,
    opts: { auth?: string | null; json?: unknown; form?: Record<string, string>; expect?: number } = {},
  ): Promise<Answer & { json: () => unknown }> {
    const headers: Record<string, string> = {};
    const auth = opts.auth === undefined ? token : opts.auth;
    if (auth) headers.Authorization = `Bearer ${auth}`;
    let body: string | undefined;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    }
    const res = await fetch(`${registry.server.url}${path}`, { method, headers, body, redirect: 'manual' });
    const answer: Answer = {
      status: res.status,
      contentType: res.headers.get('content-type'),
      headers: res.headers,
      body: Buffer.from(await res.arrayBuffer()),
    };
    const { operationId, problems } = checker.check(method, new URL(path, 'http://x').pathname, answer);
    if (operationId) called.add(operationId);
    assert.deepEqual(problems, [], `${method} ${path}: the answer is not what the document says:\n${problems.join('\n')}`);
    if (opts.expect !== undefined) assert.equal(answer.status, opts.expect, `${method} ${path}: ${answer.body.toString('utf8', 0, 300)}`);
    return { ...answer, json: () => JSON.parse(answer.body.toString('utf8')) as unknown };
  }

  const errorCode = (a: { json: () => unknown }) => (a.json() as { error: { code: string } }).error.code;
  /** One address's demo mailbox, for one account's mail, as its holder's phone reads it. */
  const mailboxOf = async (rm: string, email: string) => {
    const link = registry.server.mailboxLink;
    assert.ok(link, 'the test registry keeps its mail in the demo mailbox');
    return (await fetch(await link(rm, email))).text();
  };
  /** The path of the newest confirmation link the demo mailbox holds for this address. */
  const linkTo = (email: string, mailbox: string) => {
    const m = new RegExp(`À : ${email.replace(/[.]/g, '\\.')} — (?:[^<]|</?time[^>]*>)*<br><a href="[^"]*(/confirm\\?token=[A-Za-z0-9_-]+)"`).exec(mailbox);
    assert.ok(m?.[1], `a confirmation link to ${email} in the demo mailbox`);
    return m[1];
  };

  before(async () => {
    registry = await startTestRegistry(400);
  });
  after(() => registry.close());

  it('health and the token exchange, which need no token', async () => {
    assert.equal((await call('GET', '/v1/health', { auth: null, expect: 200 }).then((a) => a.json() as { status: string })).status, 'ok');
    assert.equal(errorCode(await call('POST', '/v1/auth/token', { auth: null, json: { kioskId: KIOSK_ID }, expect: 400 })), 'BAD_REQUEST');
    const wrong = { kioskId: KIOSK_ID, secret: 'not-the-secret-0123456789' };
    assert.equal(errorCode(await call('POST', '/v1/auth/token', { auth: null, json: wrong, expect: 401 })), 'BAD_CREDENTIALS');
    const ok = await call('POST', '/v1/auth/token', { auth: null, json: { kioskId: KIOSK_ID, secret: SECRET }, expect: 200 });
    token = (ok.json() as { accessToken: string }).accessToken;
  });

  it('a call without a token, or with a revoked one, is answered 401 UNAUTHENTICATED', async () => {
    assert.equal(errorCode(await call('GET', '/v1/artisans/changes', { auth: null, expect: 401 })), 'UNAUTHENTICATED');
    assert.equal(errorCode(await call('POST', '/v1/operations', { auth: 'not-a-token-at-all', json: { operations: [] }, expect: 401 })), 'UNAUTHENTICATED');
  });

  it('the changes feed: pages, the next page, tombstones, and a cursor of another registry (400 BAD_CURSOR)', async () => {
    const first = (await call('GET', '/v1/artisans/changes?limit=150', { expect: 200 })).json() as Page;
    assert.equal(first.hasMore, true);
    const next = (await call('GET', `/v1/artisans/changes?limit=150&after=${encodeURIComponent(first.cursor)}`, { expect: 200 })).json() as Page;
    assert.notEqual(next.cursor, first.cursor, 'the cursor advances while hasMore is true');
    for (const page of [first, next]) {
      assert.ok(page.items.length + page.removed.length <= 150, 'no more rows than asked for');
      const rms = [...page.items.map((row) => row[0]), ...page.removed];
      assert.equal(new Set(rms).size, rms.length, 'each RM number at most once per page');
    }
    let rest = next;
    while (rest.hasMore) rest = (await call('GET', `/v1/artisans/changes?limit=150&after=${encodeURIComponent(rest.cursor)}`, { expect: 200 })).json() as Page;
    const gone = String(first.items[5]?.[0]);
    assert.ok(await registry.store.remove(gone));
    const tombstone = (await call('GET', `/v1/artisans/changes?after=${encodeURIComponent(rest.cursor)}`, { expect: 200 })).json() as Page;
    assert.deepEqual([tombstone.items, tombstone.removed, tombstone.hasMore], [[], [gone], false]);

    const foreign = Buffer.from('v9:not-ours').toString('base64url');
    assert.equal(errorCode(await call('GET', `/v1/artisans/changes?after=${foreign}`, { expect: 400 })), 'BAD_CURSOR');
  });

  it('one artisan by RM number, and 404 NOT_FOUND for a number the registry does not hold', async () => {
    assert.equal((await call('GET', `/v1/artisans/${DURAND}`, { expect: 200 }).then((a) => a.json() as { nom: string })).nom, 'DURAND');
    assert.equal(errorCode(await call('GET', `/v1/artisans/${NOBODY}`, { expect: 404 })), 'NOT_FOUND');
  });

  it('the artisan’s photo: 404 NO_PHOTO before any, the newest by `at` once delivered (an older one late replaces nothing), 404 NOT_FOUND for no artisan', async () => {
    assert.equal(errorCode(await call('GET', `/v1/artisans/${DURAND}/photo`, { expect: 404 })), 'NO_PHOTO');
    assert.equal(errorCode(await call('GET', `/v1/artisans/${NOBODY}/photo`, { expect: 404 })), 'NOT_FOUND');
    const jpeg = (marker: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, marker, 0, 0, 0, 0xff, 0xd9]).toString('base64');
    const photo = (key: string, at: string, marker: number) => ({
      idempotencyKey: `conformance-photo-${key}`,
      type: 'photo',
      at,
      payload: { rmNumber: DURAND, jpeg: jpeg(marker) },
    });
    await call('POST', '/v1/operations', { json: { operations: [photo('0001', '2026-11-30T10:00:00.000Z', 1)] }, expect: 200 });
    await call('POST', '/v1/operations', { json: { operations: [photo('0002', '2026-11-30T11:00:00.000Z', 2)] }, expect: 200 });
    await call('POST', '/v1/operations', { json: { operations: [photo('0003', '2026-11-30T10:30:00.000Z', 3)] }, expect: 200 });
    const got = (await call('GET', `/v1/artisans/${DURAND}/photo`, { expect: 200 })).json() as { rmNumber: string; jpeg: string; takenAt: string };
    assert.deepEqual(got, { rmNumber: DURAND, jpeg: jpeg(2), takenAt: '2026-11-30T11:00:00.000Z' });
  });

  it('operations: applied, then duplicate, and 400 for a request off the schema', async () => {
    const op = { idempotencyKey: 'conformance-0000000001', type: 'audit-event', at: new Date().toISOString(), payload: { event: 'test' } };
    const first = (await call('POST', '/v1/operations', { json: { operations: [op] }, expect: 200 })).json();
    const again = (await call('POST', '/v1/operations', { json: { operations: [op] }, expect: 200 })).json();
    assert.deepEqual(
      [first, again],
      [{ results: [{ idempotencyKey: op.idempotencyKey, status: 'applied' }] }, { results: [{ idempotencyKey: op.idempotencyKey, status: 'duplicate' }] }],
    );
    assert.equal(errorCode(await call('POST', '/v1/operations', { json: { operations: [{ ...op, type: 'nonsense' }] }, expect: 400 })), 'BAD_REQUEST');
  });

  it('accounts: status, profile, activation and its e-mail link, resend, login and its lock, password reset', async () => {
    assert.equal((await call('GET', `/v1/accounts/${MULLER}/status`, { expect: 200 }).then((a) => a.json() as { status: string })).status, 'active');
    assert.equal((await call('GET', `/v1/accounts/${NOBODY}/status`, { expect: 200 }).then((a) => a.json() as { status: string })).status, 'none');
    await call('GET', `/v1/accounts/${MULLER}/profile`, { expect: 200 });
    assert.equal(errorCode(await call('GET', `/v1/accounts/${DURAND}/profile`, { expect: 404 })), 'NOT_FOUND');
    assert.equal(errorCode(await call('POST', `/v1/accounts/${MULLER}/resend`, { expect: 409 })), 'NOT_PENDING');

    const activate = { rmNumber: DURAND, email: 'camille.durand@example.com', mobile: null, password: 'Boulangerie-Durand-1980!' };
    assert.equal(errorCode(await call('POST', '/v1/accounts/activate', { json: { rmNumber: DURAND }, expect: 400 })), 'BAD_REQUEST');
    assert.equal(errorCode(await call('POST', '/v1/accounts/activate', { json: { ...activate, password: 'court' }, expect: 400 })), 'PASSWORD_WEAK');
    assert.equal(errorCode(await call('POST', '/v1/accounts/activate', { json: { ...activate, rmNumber: NOBODY }, expect: 404 })), 'NOT_FOUND');
    assert.equal(errorCode(await call('POST', '/v1/accounts/activate', { json: { ...activate, rmNumber: MULLER }, expect: 409 })), 'ACCOUNT_EXISTS');
    await call('POST', '/v1/accounts/activate', { json: activate, expect: 201 });
    await call('POST', `/v1/accounts/${DURAND}/resend`, { expect: 200 });

    const mailbox = await mailboxOf(DURAND, activate.email);
    const link = /\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mailbox)?.[1];
    assert.ok(link, 'the confirmation e-mail holds a link');
    await call('GET', `/confirm?token=${link}`, { auth: null, expect: 200 });
    await call('GET', `/confirm?token=${link}`, { auth: null, expect: 400 });

    await call('POST', '/v1/accounts/login', { json: MULLER_LOGIN, expect: 200 });
    assert.equal(errorCode(await call('POST', '/v1/accounts/login', { json: { email: 'x' }, expect: 400 })), 'BAD_REQUEST');
    const wrong = { ...MULLER_LOGIN, password: 'not-the-password' };
    assert.equal(errorCode(await call('POST', '/v1/accounts/login', { json: wrong, expect: 422 })), 'LOGIN_FAILED');
    let last = 422;
    for (let i = 0; i < 5 && last === 422; i++) last = (await call('POST', '/v1/accounts/login', { json: wrong })).status;
    assert.equal(last, 423, 'five failures lock the account');

    await call('POST', '/v1/accounts/password-reset', { json: { email: MULLER_LOGIN.email }, expect: 202 });
    await call('POST', '/v1/accounts/password-reset', { json: {}, expect: 400 });
    await call('GET', '/reset?token=unknown', { auth: null, expect: 200 });
    await call('POST', '/reset?token=unknown', { auth: null, form: { password: 'Un-mot-de-passe-solide-2026' }, expect: 400 });
  });

  it('a pending activation’s link sent to another address: refusals, then 200; the old link is refused, the new one activates', async () => {
    const pending = await registry.store.db.get<{ rm: string; born: string }>(
      "SELECT rm_number AS rm, data->>'$[7]' AS born FROM artisans WHERE deleted = 0 AND data->>'$[16]' = 'none' AND data->>'$[15]' IS NULL AND rm_number NOT LIKE '123123127%' LIMIT 1",
    );
    const idle = await registry.store.db.get<{ rm: string; born: string }>(
      "SELECT rm_number AS rm, data->>'$[7]' AS born FROM artisans WHERE deleted = 0 AND data->>'$[16]' = 'none' AND data->>'$[15]' IS NULL AND rm_number NOT LIKE '123123127%' LIMIT 1 OFFSET 1",
    );
    assert.ok(pending && idle);
    const typo = 'artisan.conformance@gmial.com';
    const right = 'artisan.conformance@gmail.com';
    await call('POST', '/v1/accounts/activate', {
      json: { rmNumber: pending.rm, email: typo, mobile: null, password: 'Un-mot-de-passe-solide-2026' },
      expect: 201,
    });
    const oldLink = linkTo(typo, await mailboxOf(pending.rm, typo));
    const path = `/v1/accounts/${pending.rm}/activation-email`;
    const change = (rm: string, body: unknown, expect: number) => call('POST', path.replace(pending.rm, rm), { json: body, expect });
    assert.equal(errorCode(await change(pending.rm, { email: right }, 400)), 'BAD_REQUEST');
    assert.equal(errorCode(await change(pending.rm, { email: right, birthDate: '1901-01-01' }, 403)), 'IDENTITY_MISMATCH');
    assert.equal(errorCode(await change(pending.rm, { email: 'artisan@', birthDate: pending.born }, 400)), 'EMAIL_INVALID');
    assert.equal(errorCode(await change(pending.rm, { email: typo.toUpperCase(), birthDate: pending.born }, 409)), 'EMAIL_UNCHANGED');
    assert.equal(errorCode(await change(pending.rm, { email: MULLER_LOGIN.email, birthDate: pending.born }, 409)), 'EMAIL_TAKEN');
    assert.equal(errorCode(await change(NOBODY, { email: right, birthDate: '1980-01-01' }, 404)), 'NOT_FOUND');
    assert.equal(errorCode(await change(MULLER, { email: right, birthDate: '1975-03-02' }, 409)), 'ACCOUNT_EXISTS');
    assert.equal(errorCode(await change(idle.rm, { email: right, birthDate: idle.born }, 409)), 'NOT_PENDING');
    assert.deepEqual((await change(pending.rm, { email: right, birthDate: pending.born }, 200)).json(), { email: right });

    const newLink = linkTo(right, await mailboxOf(pending.rm, right));
    assert.match((await call('GET', oldLink, { auth: null, expect: 400 })).body.toString(), /Ce lien n’est plus valable/);
    assert.match((await call('GET', newLink, { auth: null, expect: 200 })).body.toString(), /Votre compte est activé/);
    assert.equal((await call('GET', `/v1/accounts/${pending.rm}/status`, { expect: 200 }).then((a) => a.json() as { email: string })).email, right);
  });

  it('radiated artisans get no account (410 RADIATED)', async () => {
    const activate = { rmNumber: SANTONI, email: 'marie-ange.santoni@example.com', mobile: null, password: 'Un-mot-de-passe-solide-2026' };
    assert.equal(errorCode(await call('POST', '/v1/accounts/activate', { json: activate, expect: 410 })), 'RADIATED');
  });

  it('card links: made once, served once as a PDF, then gone (410)', async () => {
    assert.equal(errorCode(await call('POST', '/v1/cards/links', { json: { rmNumber: MULLER }, expect: 400 })), 'BAD_REQUEST');
    const { url } = (await call('POST', '/v1/cards/links', { json: { rmNumber: MULLER, pdf: PDF }, expect: 201 })).json() as { url: string };
    const path = new URL(url).pathname + new URL(url).search;
    await call('GET', path, { auth: null, expect: 200 });
    await call('GET', path, { auth: null, expect: 410 });
  });

  it('card keys: a kiosk registers its key (201, then 200), anyone lists them, a key under another id is refused; the verification page', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { rawPublicKey } = await import('../../main/cards/card-keyring.ts');
    const { keyIdOf } = await import('../../main/secrets/card-signing-key.ts');
    const { publicKey } = generateKeyPairSync('ed25519');
    const kid = keyIdOf(publicKey);
    const json = { publicKey: rawPublicKey(publicKey) };
    await call('PUT', `/v1/card-keys/${kid}`, { json, expect: 201 });
    await call('PUT', `/v1/card-keys/${kid}`, { json, expect: 200 });
    assert.equal(errorCode(await call('PUT', '/v1/card-keys/0123456789abcdef', { json, expect: 400 })), 'KEY_ID_MISMATCH');
    assert.equal(errorCode(await call('PUT', `/v1/card-keys/${kid}`, { json: { publicKey: 'short' }, expect: 400 })), 'BAD_REQUEST');
    await call('PUT', `/v1/card-keys/${kid}`, { auth: null, json, expect: 401 });
    const { keys } = (await call('GET', '/v1/card-keys', { auth: null, expect: 200 })).json() as { keys: { kid: string }[] };
    assert.ok(keys.some((k) => k.kid === kid));
    await call('GET', '/v', { auth: null, expect: 200 });
  });

  it('a throttled registry answers 429 with Retry-After, and a failing one 500, on every call with a token', async () => {
    registry.server.faults.throttleRate = 1;
    try {
      for (const [method, path, json] of [
        ['GET', '/v1/artisans/changes', undefined],
        ['GET', `/v1/artisans/${DURAND}`, undefined],
        ['GET', `/v1/artisans/${DURAND}/photo`, undefined],
        ['POST', '/v1/operations', { operations: [] }],
        ['GET', `/v1/accounts/${DURAND}/status`, undefined],
      ] as const) {
        const a = await call(method, path, { json, expect: 429 });
        assert.equal(errorCode(a), 'TOO_MANY_REQUESTS');
      }
    } finally {
      registry.server.faults.throttleRate = 0;
    }
    registry.server.faults.errorRate = 1;
    try {
      const op = { idempotencyKey: 'conformance-0000000002', type: 'audit-event', at: new Date().toISOString(), payload: {} };
      for (let i = 0; i < 4; i++) assert.equal(errorCode(await call('POST', '/v1/operations', { json: { operations: [op] }, expect: 500 })), 'INTERNAL');
      assert.equal(errorCode(await call('GET', '/v1/artisans/changes', { expect: 500 })), 'INTERNAL');
    } finally {
      registry.server.faults.errorRate = 0;
    }
  });

  it('every documented operation was called above', () => {
    const missing = checker.operationIds.filter((id) => !called.has(id));
    assert.deepEqual(missing, [], `operations of the document no test call reached: ${missing.join(', ')}`);
  });
});
