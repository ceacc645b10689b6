// The SIREN's check digit, a pure rule of the RM number: see main/shared/rules/.
export { luhnCheckDigit, luhnValid } from '../shared/rules/luhn.ts';
