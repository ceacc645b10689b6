/**
 * A French mobile number as people write it: "+33612345678" -> "06 12 34 56 78",
 * "+590690123456" -> "0690 12 34 56". Pure code (the renderer shows it). Anything else is
 * returned unchanged.
 */
const OVERSEAS = ['+590', '+594', '+596', '+262'];

export function formatMobile(e164: string): string {
  if (/^\+33\d{9}$/.test(e164)) return `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  const code = OVERSEAS.find((c) => e164.startsWith(c));
  if (code && /^\d{9}$/.test(e164.slice(code.length))) {
    const national = `0${e164.slice(code.length)}`;
    return `${national.slice(0, 4)} ${national.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  }
  return e164;
}
