import { useEffect, useRef, useState } from 'react';
import type { KioskError, Result } from '../../../main/shared/errors.ts';
import type { TillDay, TillLine, TillPrint } from '../../../main/shared/till.ts';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { formatAmount, formatIsoDate } from '../format.ts';
import { DayPicker, localDay } from './day-picker.tsx';

export type TillPanelProps = {
  /** Changes whenever a payment or a refund is made (the console's orders): the figures are asked again. */
  version: string;
  /** The till of a local day, YYYY-MM-DD (never after today). */
  onLoad(day: string): Promise<Result<TillDay>>;
  onPrint(day: string): Promise<Result<TillPrint>>;
  now?: () => Date;
};

type Printed = { kind: 'printed' } | { kind: 'failed'; words: string } | { kind: 'refused'; error: KioskError };

/**
 * "Caisse du jour": what the desk took and gave back today (the kiosk's local day), by
 * means of payment and by agent, so the till can be closed; and its ticket on the thermal
 * printer. Another past day can be shown and printed again (a till closed late, a question
 * the next morning). The answer to "Imprimer" appears next to the button; the figures never
 * go away with a printer that is off.
 */
export function TillPanel({ version, onLoad, onPrint, now = () => new Date() }: TillPanelProps) {
  const { t, locale } = useT();
  const [day, setDay] = useState(() => localDay(now()));
  const [till, setTill] = useState<TillDay | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [busy, setBusy] = useState(false);
  // Asked when the panel opens and after each payment or refund, not at every render.
  const load = useRef(onLoad);
  load.current = onLoad;
  useEffect(() => {
    let current = true;
    void version;
    void load.current(day).then((r) => current && r.ok && setTill(r.value));
    return () => {
      current = false;
    };
  }, [version, day]);
  const pickDay = (next: string) => {
    setDay(next);
    setPrinted(null);
  };
  const print = () => {
    if (busy) return;
    setBusy(true);
    setPrinted(null);
    void onPrint(day).then((r) => {
      setBusy(false);
      if (!r.ok) return setPrinted({ kind: 'refused', error: r.error });
      setTill(r.value.till);
      const { job } = r.value;
      setPrinted(job.status === 'failed' ? { kind: 'failed', words: t(`print.error.${job.errorKind ?? 'other'}`) } : { kind: 'printed' });
    });
  };
  const money = (cents: number) => formatAmount(cents, locale);
  const cells = (l: TillLine) => (
    <>
      <td>
        <span className="till-amount">{money(l.paid.cents)}</span> <span className="till-count">{t('till.count', { count: l.paid.count })}</span>
      </td>
      <td>
        <span className="till-amount">{money(l.refunded.cents)}</span> <span className="till-count">{t('till.count', { count: l.refunded.count })}</span>
      </td>
      <td>
        <span className="till-amount">{money(l.netCents)}</span>
      </td>
    </>
  );
  const head = (first: MessageKey) => (
    <thead>
      <tr>
        <th scope="col">{t(first)}</th>
        <th scope="col">{t('till.col.paid')}</th>
        <th scope="col">{t('till.col.refunded')}</th>
        <th scope="col">{t('till.col.net')}</th>
      </tr>
    </thead>
  );
  return (
    <section className="panel panel-neutral till" aria-labelledby="till-title">
      {/* "Caisse du jour" only for today: a past day's figures under that heading would be read as today's. */}
      <h2 id="till-title">{day === localDay(now()) ? t('till.title') : t('till.titleOf', { day: formatIsoDate(day, locale) })}</h2>
      <DayPicker id="till-day" day={day} today={localDay(now())} onChange={pickDay} />
      {till && till.day === day && (
        <>
          <p className="lead">{t('till.day', { day: formatIsoDate(till.day, locale) })}</p>
          <table className="till-table">
            <caption>{t('till.byMethod')}</caption>
            {head('till.col.method')}
            <tbody>
              {till.byMethod.map((m) => (
                <tr key={m.method}>
                  <th scope="row">{t(`till.method.${m.method}`)}</th>
                  {cells(m)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('till.total')}</th>
                {cells(till.total)}
              </tr>
            </tfoot>
          </table>
          <table className="till-table">
            <caption>{t('till.byAgent')}</caption>
            {head('till.col.agent')}
            <tbody>
              {till.byAgent.map((a) => (
                <tr key={a.staffId}>
                  <th scope="row">{a.name}</th>
                  {cells(a)}
                </tr>
              ))}
              {till.byAgent.length === 0 && (
                <tr>
                  <td colSpan={4}>{t('till.noAgent')}</td>
                </tr>
              )}
            </tbody>
          </table>
          <p>
            {t('till.refundRule')} {till.refundedFromEarlierDays > 0 && t('till.fromEarlier', { count: till.refundedFromEarlierDays })}
          </p>
        </>
      )}
      <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={print}>
        {t('till.print')}
      </button>
      <div role="status">
        {printed?.kind === 'printed' && <p className="panel panel-success">{t('till.printed')}</p>}
        {printed?.kind === 'failed' && <p className="panel panel-warning">{t('till.printFailed', { words: printed.words })}</p>}
        {printed?.kind === 'refused' && (
          <p className="panel panel-warning">{printed.error.code === 'PRINTER_NOT_SET' ? t('till.noPrinter') : t(`error.${printed.error.code}`)}</p>
        )}
      </div>
    </section>
  );
}
