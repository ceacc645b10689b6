import { createHmac } from 'node:crypto';
import type { IsoDate } from './birth-date.ts';

/** HMAC-SHA256 of an ISO date, hex: what the store keeps instead of the date. */
export type BirthDateHasher = (date: IsoDate) => string;

export function birthDateHasher(key: Buffer): BirthDateHasher {
  return (date) => createHmac('sha256', key).update(date, 'utf8').digest('hex');
}
