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
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), { ...dict, Filter: 'FlateDecode' });
}
