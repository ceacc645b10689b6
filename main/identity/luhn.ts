// The SIREN's check digit, a pure rule of the RM number: see main/rules/.
export { luhnCheckDigit, luhnValid } from '../rules/luhn.ts';
