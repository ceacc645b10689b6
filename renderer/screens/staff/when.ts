import type { Locale } from '../../i18n/index.tsx';
import { formatTime } from '../format.ts';

/** A day and a time as the desk reads them ("01/12/2026 14:02"). */
export function formatDateTime(iso: string, locale: Locale): string {
  return `${new Date(iso).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB')} ${formatTime(iso, locale)}`;
}
