import type { Locale } from '../i18n/index.tsx';

/** "2024-12-31" -> "31/12/2024" (fr) or "31 December 2024" (en), without time-zone drift. */
export function formatIsoDate(iso: string, locale: Locale): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: locale === 'fr' ? 'short' : 'long', timeZone: 'UTC' }).format(date);
}

/** A lock's end, as a time of day in the kiosk's zone: "15:42" (fr "15 h 42" reads less well on screen). */
export function formatTime(isoInstant: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(isoInstant));
}

/** An instant's day in the kiosk's zone, "31/12/2024" (fr) or "31 December 2024" (en); null when it is today. */
export function formatDayUnlessToday(isoInstant: string, locale: Locale, now: Date = new Date()): string | null {
  const day = (d: Date) => new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: locale === 'fr' ? 'short' : 'long' }).format(d);
  const at = new Date(isoInstant);
  return day(at) === day(now) ? null : day(at);
}

/** "123123127RM078" -> "123 123 127 RM 078": easier to check against a document. */
export function spacedRmNumber(rm: string): string {
  const m = /^(\d{3})(\d{3})(\d{3})(R[ME])(.{3})$/.exec(rm);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]}` : rm;
}

/** 500 -> "5,00 €" (fr) or "€5.00" (en). */
export function formatAmount(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
