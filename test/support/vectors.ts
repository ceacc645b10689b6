import { readFileSync } from 'node:fs';
import type { RmRefusal } from '../../main/identity/rm-number.ts';

export type RmVectors = {
  valid: { input: string; rmNumber: string; siren: string; register: string; department: string }[];
  invalid: { input: string; reason: RmRefusal; note?: string }[];
};

/** The RM number test vectors of the domain reference (test/fixtures/rm-vectors.json). */
export const RM_VECTORS = JSON.parse(readFileSync(new URL('../fixtures/rm-vectors.json', import.meta.url), 'utf8')) as RmVectors;
