import type { CardView } from '../../main/shared/card.ts';
import type { StaffOverview } from '../../main/shared/console.ts';
import type { SecretsView, SettingsView } from '../../main/shared/kiosk.ts';
import type { PrinterStatus } from '../../main/shared/printers.ts';
import type { EmailTarget, IdDocument, IssuanceResult, SearchHit, StaffMember } from '../../main/shared/staff.ts';
import type { MessageKey } from '../i18n/fr.ts';
import type { ConsoleSection } from '../screens/staff/console-sections.ts';
import { type CallAction, IDLE, type Status } from './machine.ts';

/**
 * The staff console as its own state machine, keyed by screen: the PIN, the console and its
 * sections, "Délivrer une carte" (search, photo, card) and the card check. It shares nothing
 * with the artisans' visit (visit-state.ts): entering the console starts from `consoleAt`, and
 * leaving it starts a clean visit (kiosk-machine.ts).
 */

/** What the signed-in console shows, read after the PIN; each part null until its first answer arrives. */
export type Desk = {
  member: { id: number; name: string };
  /** The section on show survives refreshes, actions and a trip to "Délivrer une carte"; a new login starts on the orders. */
  section: ConsoleSection;
  overview: StaffOverview | null;
  printers: PrinterStatus[] | null;
  secrets: SecretsView | null;
  members: StaffMember[] | null;
  settings: SettingsView | null;
};

/** "Délivrer une carte" in progress: the search, the artisan chosen and the document seen. */
export type Issuance = {
  query: string;
  hits: SearchHit[] | null;
  selected: string | null;
  document: IdDocument | null;
  /** The PVC order taken in this issuance: its payment buttons do not come back. */
  ordered: string | null;
};
export type IssuancePatch = Partial<Pick<Issuance, 'query' | 'selected' | 'document'>>;

/** The card about to be issued, with the answer to the last action on it (replaced by the next, never stacked). */
export type IssueCard = {
  card: CardView;
  result: IssuanceResult | null;
  /** Where an e-mailed card would go, shown before staff send it. */
  emailTarget: EmailTarget | null;
};

export type ConsoleScreen =
  | { screen: 'staff-pin'; configured: boolean }
  | { screen: 'staff-console'; desk: Desk }
  | { screen: 'staff-issue'; desk: Desk; issuance: Issuance }
  | { screen: 'staff-issue-photo'; desk: Desk; issuance: Issuance }
  | { screen: 'staff-issue-card'; desk: Desk; issuance: Issuance; issue: IssueCard }
  /** "Vérifier une carte", opened from the console: "Retour" goes back to it. */
  | { screen: 'verify'; desk: Desk };
export type ConsoleScreenName = ConsoleScreen['screen'];

export type ConsoleState = ConsoleScreen & Status;
export type ConsoleOn<S extends ConsoleScreenName> = Extract<ConsoleScreen, { screen: S }> & Status;

export type ConsoleAction =
  | CallAction
  /** The PIN screen answered without a member in (the first member not yet set up). */
  | { type: 'pin-asked'; configured: boolean }
  | { type: 'signed-in'; member: { id: number; name: string } }
  /** Left idle: everything of the console goes and the PIN is asked again. */
  | { type: 'locked' }
  | { type: 'chose-section'; section: ConsoleSection }
  /** `quiet`: read again on the kiosk's event, no one waits for it; what the screen says stays. */
  | { type: 'overview'; overview: StaffOverview; quiet?: boolean }
  | { type: 'printers'; printers: PrinterStatus[]; notices?: MessageKey[]; quiet?: boolean }
  | { type: 'secrets'; secrets: SecretsView; notices?: MessageKey[] }
  | { type: 'members'; members: StaffMember[]; notices?: MessageKey[] }
  | { type: 'settings'; settings: SettingsView; notices?: MessageKey[] }
  /** An action of the console done, said by its notices (PIN changed, kiosk stopped, test page sent). */
  | { type: 'done'; notices: MessageKey[] }
  | { type: 'chose-issue' }
  | { type: 'issue-edit'; patch: IssuancePatch }
  | { type: 'found-artisans'; hits: SearchHit[] }
  /** The artisan has no photo at the registry: the camera first. */
  | { type: 'needs-photo' }
  | { type: 'retake-photo' }
  | { type: 'card-ready'; card: CardView }
  | { type: 'issued'; result: IssuanceResult }
  | { type: 'email-target'; target: EmailTarget }
  /** "Terminer" of the issuance (or "Retour" from its search): back to the console. */
  | { type: 'issue-ended' }
  /** "Retour" from the camera: back to the search, as it was. */
  | { type: 'previous' }
  | { type: 'chose-verify' }
  | { type: 'back' };

export const EMPTY_ISSUANCE: Issuance = { query: '', hits: null, selected: null, document: null, ordered: null };

/** A console session starting on the PIN screen, nothing of any earlier one in it. */
export function consoleAt(configured: boolean, notices: MessageKey[] = []): ConsoleState {
  return { screen: 'staff-pin', configured, ...IDLE, notices };
}
