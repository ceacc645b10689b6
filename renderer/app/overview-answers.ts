import type { Dispatch } from 'react';
import type { StaffOverview } from '../../main/shared/console.ts';
import type { ConsoleAction } from './console-state.ts';

/**
 * Overviews come from the console's refresh on the kiosk's events and from the staff's own actions, and an
 * answer asked earlier may arrive later. Only the newest asked is shown, or an order just paid
 * would show "to pay" again. An action whose answer arrives late is still over: its wait ends
 * (a stale answer once left the console's buttons disabled for good, and the agent could not
 * hand a printed card over).
 */
export function overviewAnswers(dispatch: Dispatch<ConsoleAction>) {
  let asked = 0;
  let shown = 0;
  /** Marks a request as asked now; `quiet` for the refresh on an event, which no one waits for. */
  return function fresh(quiet = false) {
    const n = ++asked;
    return (overview: StaffOverview) => {
      if (n >= shown) {
        shown = n;
        dispatch({ type: 'overview', overview, ...(quiet ? { quiet } : {}) });
      } else if (!quiet) dispatch({ type: 'settled' });
    };
  };
}
