import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * Browser mode sends the renderer's text files compressed when the browser says it can read
 * them so (the entry chunk is ~360 KB raw, ~110 KB gzip). Each file is compressed once and
 * kept in memory next to the bytes it came from: a rebuilt renderer (new bytes at the same
 * path) is compressed again, never served stale.
 */

export type Encoding = 'br' | 'gzip';

// Images and fonts are compressed already; only text gains.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

export function isCompressible(file: string): boolean {
  return COMPRESSIBLE.has(path.extname(file).toLowerCase());
}

/**
 * The encoding to answer with, from an `Accept-Encoding` header: brotli before gzip, an
 * encoding with `q=0` refused, `*` read as gzip; null means the plain bytes.
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name.trim() !== '') accepted.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const wants = (name: Encoding) => (accepted.get(name) ?? (name === 'gzip' ? (accepted.get('*') ?? 0) : 0)) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return null;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function compress(content: Buffer, encoding: Encoding): Promise<Buffer> {
  // Brotli quality 5: nearly all of quality 11's gain for a fiftieth of its time (11 takes
  // seconds on the entry chunk, and the first page load would wait for it).
  if (encoding === 'br')
    return brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
  return gzip(content, { level: 9 });
}

export type CompressionCache = (file: string, content: Buffer, encoding: Encoding) => Promise<Buffer>;

/** A cache of compressed files for one server; concurrent requests share one compression. */
export function compressionCache(): CompressionCache {
  const entries = new Map<string, { source: Buffer; compressed: Promise<Buffer> }>();
  return (file, content, encoding) => {
    const key = `${encoding}:${file}`;
    const hit = entries.get(key);
    if (hit?.source.equals(content)) return hit.compressed;
    const compressed = compress(content, encoding);
    entries.set(key, { source: content, compressed });
    // A failed compression is not kept: the next request tries again.
    compressed.catch(() => {
      if (entries.get(key)?.compressed === compressed) entries.delete(key);
    });
    return compressed;
  };
}
