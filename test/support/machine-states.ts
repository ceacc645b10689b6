import type { MyInformation } from '../../main/shared/artisan.ts';
import type { CardView } from '../../main/shared/card.ts';
import type { OrderTicket } from '../../main/shared/orders.ts';
import { consoleReducer } from '../../renderer/app/console-machine.ts';
import { type ConsoleAction, type ConsoleState, consoleAt } from '../../renderer/app/console-state.ts';
import { visitReducer } from '../../renderer/app/visit-machine.ts';
import type { Found, VisitAction, VisitState } from '../../renderer/app/visit-state.ts';
import { initialVisit } from '../../renderer/app/visit-state.ts';

/** The answers the machines' tests feed them: an artisan found, what "Mon espace" reads, a card. */
export const FOUND: Found = {
  kind: 'found',
  artisan: {
    rmNumber: '123123127RM078',
    firstName: 'Camille',
    lastName: 'DURAND',
    companyName: 'Boulangerie Durand',
    qualification: 'maitre-artisan',
    chamber: 'CMA Île-de-France',
    accountStatus: 'none',
  },
};
export const INFO = {
  registry: { rmNumber: '123123127RM078' },
  contact: { email: 'camille@gmail.com', mobile: '+33612345678', deliveryAddress: { line1: '3 rue du Four', line2: '', postalCode: '75006', city: 'Paris' } },
} as unknown as MyInformation;
export const CARD = { rmNumber: '123123127RM078', year: 2026, photo: 'data:image/jpeg;base64,/9j/' } as unknown as CardView;
export const ORDER = { number: 'P261201-001' } as unknown as OrderTicket;

export const visitAfter = (actions: VisitAction[], from: VisitState = initialVisit): VisitState => actions.reduce(visitReducer, from);
export const consoleAfter = (actions: ConsoleAction[], from: ConsoleState): ConsoleState => actions.reduce(consoleReducer, from);

/** The visit on each screen of the path, reached by the person's own steps. */
export const ON = {
  identify: () => visitAfter([{ type: 'start' }]),
  outcome: () => visitAfter([{ type: 'start' }, { type: 'identified', outcome: FOUND }]),
  activate: () => visitAfter([{ type: 'chose-activate' }], ON.outcome()),
  checkMail: () => visitAfter([{ type: 'mail-sent', email: 'camille@gmail.com' }], ON.activate()),
  changeEmail: () => visitAfter([{ type: 'chose-not-mine', email: 'camille@gmail.com' }], ON.checkMail()),
  login: () => visitAfter([{ type: 'chose-login' }], ON.outcome()),
  forgot: () => visitAfter([{ type: 'chose-forgot' }], ON.login()),
  space: () => visitAfter([{ type: 'logged-in', info: INFO }], ON.login()),
  photo: () => visitAfter([{ type: 'opened-photo' }], ON.space()),
  card: () => visitAfter([{ type: 'opened-card', card: CARD }], ON.space()),
  pvcOrder: () => visitAfter([{ type: 'asked-pvc' }], ON.card()),
  faq: () => visitAfter([{ type: 'help', screen: 'faq' }], ON.identify()),
};

/** The console on each of its screens, reached by the staff's own steps. */
export const DESK = {
  pin: () => consoleAt(true),
  console: () => consoleAfter([{ type: 'signed-in', member: { id: 7, name: 'Agent Martin' } }], consoleAt(true)),
  issue: () => consoleAfter([{ type: 'chose-issue' }], DESK.console()),
  issuePhoto: () => consoleAfter([{ type: 'needs-photo' }], DESK.issue()),
  issueCard: () => consoleAfter([{ type: 'card-ready', card: CARD }], DESK.issue()),
  verify: () => consoleAfter([{ type: 'chose-verify' }], DESK.console()),
};
