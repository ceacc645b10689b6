import { deflateSync } from 'node:zlib';
import type { PDFDocument } from 'pdf-lib';

/**
 * Has a document compress its embedded font programs, their ToUnicode maps and embedded
 * pages with node:zlib instead of pdf-lib's pako, which took about a fifth of a card's time
 * (test/bench, --cpu-prof): the same FlateDecode streams, about ten times faster. pdf-lib
 * reads `flateStream` from the document's context at each call, so replacing it on this one
 * context changes nothing elsewhere. (Page content streams still go through pako: they are
 * small.)
 */
export function compressWithZlib(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) => context.stream(deflated(contents), { ...dict, Filter: 'FlateDecode' });
}

/**
 * The same bytes are compressed once: a font subset that is the same from card to card is
 * the same array (pdf-fontkit.ts keeps it), and its compressed form is kept as long as it is.
 */
const compressed = new WeakMap<Uint8Array, Uint8Array>();

function deflated(contents: string | Uint8Array): Uint8Array {
  if (typeof contents === 'string') return deflateSync(Buffer.from(contents, 'latin1'));
  let bytes = compressed.get(contents);
  if (!bytes) {
    bytes = deflateSync(contents);
    compressed.set(contents, bytes);
  }
  return bytes;
}
