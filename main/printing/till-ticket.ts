import { CharacterSet, type ThermalPrinter } from 'node-thermal-printer';
import type { TillDay, TillLine } from '../shared/till.ts';
import { formatEuros, frenchDateTime, printable } from './receipt.ts';

/** What the till's ticket prints besides the day's figures. */
export type TillTicket = { till: TillDay; chamber: string; at: Date; printedBy: string };

/** "5,00 €", "-5,00 €": a net can be below zero on a day of refunds. */
export function signedEuros(cents: number): string {
  return cents < 0 ? `-${formatEuros(-cents)}` : formatEuros(cents);
}

// French puts 0 and 1 in the singular.
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

/** "01/12/2026" from "2026-12-01". */
function frenchDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The ticket the desk closes its till with: the same figures as the console's "Caisse du
 * jour" (paid, refunded, net; by means of payment; by agent), in French as the desk's
 * records are kept, and the rule for refunds, so that whoever reads it later knows which
 * day a refund of an older order counts in.
 */
export function composeTillTicket(p: ThermalPrinter, { till, chamber, at, printedBy }: TillTicket): void {
  const line = (text: string) => p.println(printable(text));
  const pair = (left: string, right: string) => p.leftRight(printable(left), printable(right));
  const figures = (l: TillLine) => {
    pair(`  Encaissé (${plural(l.paid.count, 'commande', 'commandes')})`, formatEuros(l.paid.cents));
    pair(`  Remboursé (${plural(l.refunded.count, 'commande', 'commandes')})`, signedEuros(-l.refunded.cents));
    pair('  Net', signedEuros(l.netCents));
  };
  p.clear();
  p.append(Buffer.from([0x1b, 0x40]));
  p.setCharacterSet(CharacterSet.PC858_EURO);
  p.alignCenter();
  p.bold(true);
  line(chamber);
  p.bold(false);
  line(frenchDateTime(at));
  p.drawLine();
  p.setTextDoubleHeight();
  line('Caisse du jour');
  p.setTextNormal();
  line(`Journée du ${frenchDay(till.day)}`);
  p.alignLeft();
  p.drawLine();
  p.bold(true);
  line('Total');
  p.bold(false);
  figures(till.total);
  p.drawLine();
  for (const m of till.byMethod) {
    p.bold(true);
    line(m.method === 'cash' ? 'Espèces' : 'Carte bancaire');
    p.bold(false);
    figures(m);
  }
  p.drawLine();
  p.bold(true);
  line('Par agent');
  p.bold(false);
  if (till.byAgent.length === 0) line('  Aucun encaissement ni remboursement.');
  for (const a of till.byAgent) {
    line(a.name);
    figures(a);
  }
  p.drawLine();
  line('Un remboursement compte le jour où il est fait, même pour une commande payée un autre jour.');
  if (till.refundedFromEarlierDays > 0) line(`Dont ${plural(till.refundedFromEarlierDays, 'commande payée', 'commandes payées')} un jour précédent.`);
  line(`Imprimé par ${printedBy}`);
  p.cut();
}
