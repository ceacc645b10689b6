// The RM number is a pure rule the identify screen runs too: it lives in main/rules/.
export { parseRmNumber, type RmNumber, type RmParse, type RmRefusal } from '../rules/rm-number.ts';
