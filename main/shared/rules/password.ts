/**
 * Password rules of the CNIL's 2022 recommendation (délibération 2022-100), as a kiosk can
 * check them: any one of three rules is enough. Pure code, no Node: the renderer shows the
 * rules live as they are met, and the main process and the registry check them again.
 */
export type PasswordRule = 'mixed12' | 'long14' | 'passphrase7';

export type PasswordCheck = {
  /** Which rule each part of the first rule meets, for the live checklist. */
  length12: boolean;
  upper: boolean;
  lower: boolean;
  digit: boolean;
  special: boolean;
  length14: boolean;
  words7: boolean;
  /** Each rule, met or not, for the live checklist. */
  rules: Record<PasswordRule, boolean>;
  /** The rule met, if any. */
  met: PasswordRule | null;
};

export function checkPassword(password: string): PasswordCheck {
  const chars = [...password];
  const length12 = chars.length >= 12;
  const upper = /\p{Lu}/u.test(password);
  const lower = /\p{Ll}/u.test(password);
  const digit = /\p{Nd}/u.test(password);
  const special = /[^\p{L}\p{Nd}\s]/u.test(password);
  const length14 = chars.length >= 14;
  const words7 =
    password
      .trim()
      .split(/[\s\-_.]+/)
      .filter((w) => w.length >= 2).length >= 7;
  const rules = { mixed12: length12 && upper && lower && digit && special, long14: length14 && upper && lower && digit, passphrase7: words7 };
  const met = (Object.keys(rules) as PasswordRule[]).find((r) => rules[r]) ?? null;
  return { length12, upper, lower, digit, special, length14, words7, rules, met };
}
