import type { Logger } from '../logging/logger.ts';
import type { RegistryErrorKind } from '../shared/sync.ts';
import { cardLinkResponseSchema } from './accounts-wire.ts';
import { type CardKey, cardKeySchema, cardKeysSchema } from './card-keys-wire.ts';
import { cardLinkProblem } from './card-link-check.ts';
import { type ArtisanPhoto, artisanPhotoSchema } from './photo-wire.ts';
import { healthSchema, type Operation, operationsResponseSchema, tokenResponseSchema } from './wire.ts';

export type { RegistryErrorKind };

export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    readonly retryAfterMs = 0,
    /** For a 4xx: the registry's error code and what it said with it (attempts left, until). */
    readonly answer: { status: number; code: string; details: Record<string, unknown> } | null = null,
    /** No answer because the registry's host name is unknown: the address may be mistyped, not the network down. */
    readonly addressUnknown = false,
  ) {
    super(message);
  }
}

export type RegistryConfig = {
  /** e.g. https://registre.cma.example/ (the chamber's) or the embedded demo's loopback URL. */
  url: string;
  kioskId: string;
  /** The kiosk's secret, or where to read it when needed (the keychain): never kept here. */
  secret: string | (() => Promise<string | null>);
  /** Per request; a registry that does not answer in time counts as offline. */
  timeoutMs?: number;
};

export type RegistryClient = ReturnType<typeof createRegistryClient>;

/** Retry-After is obeyed up to this: a registry asking for an hour must not stall a desk that long. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** A changes page larger than this is refused before it is read whole (memory of a 2-core desk PC). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

// The connection was closed under a request that had not been answered: typically a kept-alive
// connection the registry closed while it sat idle. Nothing was processed, or the call is
// idempotent anyway, so one new try on a fresh connection is safe.
const RESET_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

// The host name is not known to the DNS: a mistyped address as often as a network down.
const ADDRESS_UNKNOWN = new Set(['ENOTFOUND', 'EAI_AGAIN']);

export function createRegistryClient({ url, kioskId, secret, timeoutMs = 20_000 }: RegistryConfig, log: Logger) {
  const base = url.replace(/\/+$/, '');
  let token: string | null = null;
  // Aborts what is in flight when the kiosk closes: a hung registry must not hold the stop.
  const closing = new AbortController();

  /** `idempotent`: safe to send twice (GET, the token, operations with their keys). */
  async function send(path: string, init: RequestInit, idempotent = init.method === undefined || init.method === 'GET'): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(`${base}${path}`, { ...init, signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), closing.signal]) });
      } catch (error) {
        const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.name) : 'unknown';
        if (idempotent && attempt === 0 && RESET_CODES.has(cause)) {
          log.info('registry-connection-reset-retried', { cause });
          continue;
        }
        throw new RegistryError('offline', `no answer from the registry (${cause})`, 0, null, ADDRESS_UNKNOWN.has(cause));
      }
    }
  }

  async function authenticate(): Promise<string> {
    const current = typeof secret === 'function' ? await secret() : secret;
    if (!current) throw new RegistryError('credentials', 'no registry secret is set for this kiosk');
    const res = await send(
      '/v1/auth/token',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kioskId, secret: current }) },
      true,
    );
    if (res.status === 401 || res.status === 403) throw new RegistryError('credentials', 'the registry refused this kiosk’s credentials');
    await throwIfFailed(res);
    const parsed = tokenResponseSchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new RegistryError('malformed', 'the token answer does not match the API');
    log.info('registry-authenticated');
    return parsed.data.accessToken;
  }

  /** A call with the access token; a 401 gets one new token and one more try. */
  async function authorized(path: string, init: RequestInit = {}, idempotent?: boolean): Promise<Response> {
    for (let attempt = 0; attempt < 2; attempt++) {
      token ??= await authenticate();
      const res = await send(path, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` } }, idempotent);
      if (res.status !== 401) {
        await throwIfFailed(res);
        return res;
      }
      await res.body?.cancel();
      token = null;
    }
    throw new RegistryError('credentials', 'the registry refused a fresh access token');
  }

  /**
   * One page of the changes feed as its bytes, refused past MAX_PAGE_BYTES. The sync reads it
   * (readChangesPage) and hands the bytes themselves to SQLite, which reads the rows from them.
   */
  async function changesBytes(after: string | null, limit: number): Promise<Buffer> {
    const query = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
    const res = await authorized(`/v1/artisans/changes?${query}`);
    const bytes = await readCapped(res, MAX_PAGE_BYTES);
    if (bytes === null) throw new RegistryError('malformed', `a changes page is larger than ${MAX_PAGE_BYTES / 2 ** 20} MB; it was refused unread`);
    return bytes;
  }

  return {
    /** The kiosk closes: calls in flight end now (as offline), and so do later ones. */
    abort(): void {
      closing.abort();
    },
    /** A new secret was set: the next call authenticates with it. */
    forgetToken(): void {
      token = null;
    },

    changesBytes,

    async postOperations(operations: readonly Operation[]): Promise<{ idempotencyKey: string; status: 'applied' | 'duplicate' }[]> {
      // Each operation carries its idempotency key: sending the batch twice applies it once.
      const res = await authorized(
        '/v1/operations',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ operations }) },
        true,
      );
      const parsed = operationsResponseSchema.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success) throw new RegistryError('malformed', 'the operations answer does not match the API');
      return parsed.data.results;
    },

    /** The accounts API: online only, no retry here (a person is waiting for the answer). */
    async accounts<T>(method: 'GET' | 'POST', path: string, schema: { parse(v: unknown): T }, body?: unknown): Promise<T> {
      const res = await authorized(`/v1/accounts/${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      });
      try {
        return schema.parse(await res.json());
      } catch {
        throw new RegistryError('malformed', `the answer to ${path.split('/')[0]} does not match the API`);
      }
    },

    /** A one-time link for a phone to download a card PDF (online only); 'malformed' when it is not to be shown (card-link-check.ts). */
    async cardLink(rmNumber: string, pdfBase64: string): Promise<{ url: string; expiresAt: string }> {
      const res = await authorized('/v1/cards/links', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rmNumber, pdf: pdfBase64 }),
      });
      const parsed = cardLinkResponseSchema.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success) throw new RegistryError('malformed', 'the card link answer does not match the API');
      const problem = cardLinkProblem(parsed.data, base, new Date());
      if (problem) throw new RegistryError('malformed', problem);
      return parsed.data;
    },

    /** The artisan's ID photo as the registry keeps it, or null when it has none (online only). */
    async photo(rmNumber: string): Promise<ArtisanPhoto | null> {
      let res: Response;
      try {
        res = await authorized(`/v1/artisans/${encodeURIComponent(rmNumber)}/photo`);
      } catch (error) {
        if (error instanceof RegistryError && error.answer?.status === 404) return null;
        throw error;
      }
      const parsed = artisanPhotoSchema.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success || parsed.data.rmNumber !== rmNumber) throw new RegistryError('malformed', 'the photo answer does not match the API');
      return parsed.data;
    },

    /** The chamber's card-signing public keys (open to all: no token sent). */
    async cardKeys(): Promise<CardKey[]> {
      const res = await send('/v1/card-keys', {});
      await throwIfFailed(res);
      const parsed = cardKeysSchema.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success) throw new RegistryError('malformed', 'the card keys answer does not match the API');
      return parsed.data.keys;
    },

    /** Registers this kiosk's card-signing public key with the chamber (the same key again changes nothing). */
    async registerCardKey(kid: string, publicKey: string): Promise<CardKey> {
      const res = await authorized(
        `/v1/card-keys/${kid}`,
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ publicKey }) },
        true,
      );
      const parsed = cardKeySchema.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success) throw new RegistryError('malformed', 'the card key answer does not match the API');
      return parsed.data;
    },

    /** How many artisans the registry holds (its health answer): the progress of a first load. */
    async recordCount(): Promise<number | null> {
      const res = await send('/v1/health', {});
      if (!res.ok) {
        await res.body?.cancel();
        return null;
      }
      const parsed = healthSchema.safeParse(await res.json().catch(() => undefined));
      return parsed.success ? parsed.data.records : null;
    },
  };
}

/** The body's bytes, or null past `max` bytes (the rest is not read: the stream is cancelled). */
async function readCapped(res: Response, max: number): Promise<Buffer | null> {
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Retry-After in seconds or as an HTTP date, capped; 5 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === '') return 5000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(MAX_RETRY_AFTER_MS, ms) : 5000;
}

async function throwIfFailed(res: Response): Promise<void> {
  if (res.ok) return;
  // A body cut off or unreadable: the status alone says what failed.
  const detail = await res.text().catch(() => '');
  if (res.status === 429) throw new RegistryError('throttled', 'the registry asks to slow down (429)', retryAfterMs(res.headers.get('retry-after')));
  if (res.status >= 500) throw new RegistryError('server', `the registry failed (${res.status})`);
  let error: Record<string, unknown> = {};
  try {
    error = ((JSON.parse(detail) as { error?: Record<string, unknown> }).error ?? {}) as Record<string, unknown>;
  } catch {
    // Not JSON: the status alone will have to do.
  }
  const code = typeof error.code === 'string' ? error.code : `HTTP_${res.status}`;
  throw new RegistryError('rejected', `the registry rejected the request (${res.status} ${code})`, 0, { status: res.status, code, details: error });
}
