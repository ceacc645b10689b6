// The RM number is a pure rule the identify screen runs too: it lives in main/shared/rules/.
export { parseRmNumber, type RmNumber, type RmParse, type RmRefusal } from '../shared/rules/rm-number.ts';
