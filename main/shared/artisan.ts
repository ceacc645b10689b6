/** Where an artisan's online account stands. */
export const ACCOUNT_STATUSES = ['none', 'pending', 'active'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const QUALIFICATIONS = ['artisan', 'maitre-artisan', 'artisan-art', 'maitre-artisan-art', 'conjoint-collaborateur', 'none'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];
export type Activity = { code: string; label: string; main: boolean };
export type Address = { line1: string; line2?: string; postalCode: string; city: string };

/** What the person may see once identified: no date of birth, no address. */
export type IdentifiedArtisan = {
  rmNumber: string;
  firstName: string;
  lastName: string;
  companyName: string | null;
  qualification: Qualification;
  chamber: string;
  accountStatus: AccountStatus;
};

export type IdentifyOutcome =
  | { kind: 'found'; artisan: IdentifiedArtisan }
  | { kind: 'not-found'; rmNumber: string }
  | { kind: 'wrong-date'; rmNumber: string; triesLeft: number }
  | { kind: 'locked'; rmNumber: string; until: string }
  | { kind: 'radiated'; rmNumber: string; chamber: string; radiatedOn: string }
  /**
   * Not in the local copy yet, which is still being loaded: "not found" would be a guess.
   * `unreachable`: the copy is empty and the registry did not answer its last call (down, or a
   * wrong address): nothing is loading, and waiting will not help; the desk must.
   */
  | { kind: 'loading'; rmNumber: string; percent: number | null; unreachable?: true }
  /** Too many wrong dates on this kiosk: identification waits for the desk. */
  | { kind: 'paused' };

/** The account as the registry has it: its state, and the address the confirmation went to (or the account's). */
export type AccountStatusView = { status: AccountStatus; email: string | null };

/** An address a PVC card may be sent to. */
export type DeliveryAddress = { line1: string; line2: string | null; postalCode: string; city: string };

/** What the artisan's space shows: registry-owned facts (read-only) and contact details. */
export type MyInformation = {
  registry: {
    rmNumber: string;
    birthName: string;
    usageName: string | null;
    firstNames: string;
    companyName: string | null;
    tradeName: string | null;
    activities: Activity[];
    qualification: Qualification;
    chamber: string;
    address: Address;
  };
  contact: {
    email: string;
    /** A new address waiting for its confirmation link, if any. */
    pendingEmail: string | null;
    mobile: string | null;
    deliveryAddress: DeliveryAddress | null;
  };
};
