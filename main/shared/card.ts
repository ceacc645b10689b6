/** What "Ma carte" shows: the card's printed fields, and its photo as a data: URL (or null). */
export type CardView = {
  chamber: string;
  title: string;
  firstNames: string;
  lastName: string;
  company: string | null;
  activity: string | null;
  rmNumber: string;
  year: number;
  validUntil: string;
  /** What the QR code holds: the verification page's URL with the token in its fragment, or the bare token. */
  qr: string;
  photo: string | null;
};

/** A card's QR code checked: whose card, for which year, signed by which key; or why not. */
export type VerifyResult =
  | { ok: true; holder: string; rmNumber: string; year: number; validUntil: string; kid: string }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'revoked-key' | 'bad-signature' | 'expired' };
