import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.tsx';

/**
 * How long the staff screens stay open without a touch or a key. No console setting exists for
 * it (the idle settings are the artisans' visit): 5 minutes lets an agent serve at the desk and
 * come back, and is short enough that a console left open behind the desk is not left to
 * whoever passes. Tests shorten it (AppInfo.staffLockMs, KIOSK_STAFF_LOCK_MS in browser mode).
 */
export const STAFF_LOCK_MS = 5 * 60_000;

/** The warning before the lock: 30 s, or the last third of a lock shortened by a test. */
export function staffWarnMs(lockMs: number): number {
  return Math.min(30_000, Math.round(lockMs / 3));
}

export type StaffIdleLockProps = { active: boolean; lockMs: number; onLock(): void };

/**
 * Locks the console after `lockMs` without a touch or a key. Shortly before, it says so over a
 * cover (an agent typing a long answer is not locked out by surprise, and the console's names
 * are hidden from whoever passes); any touch or key keeps it open.
 */
export function StaffIdleLock({ active, lockMs, onLock }: StaffIdleLockProps) {
  const { t } = useT();
  const lock = useRef(onLock);
  lock.current = onLock;
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setSecondsLeft(null);
    if (!active) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
      setSecondsLeft(null);
    };
    const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    // Checked four times a second rather than one long timer: a touch only moves a timestamp.
    const timer = setInterval(() => {
      const idle = Date.now() - last;
      if (idle >= lockMs) {
        last = Date.now();
        setSecondsLeft(null);
        lock.current();
      } else if (idle >= lockMs - staffWarnMs(lockMs)) setSecondsLeft(Math.ceil((lockMs - idle) / 1000));
    }, 250);
    return () => {
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
      clearInterval(timer);
    };
  }, [active, lockMs]);
  const warning = secondsLeft !== null;
  useEffect(() => {
    if (warning) button.current?.focus();
  }, [warning]);
  if (!warning) return null;
  return (
    <div className="overlay overlay-cover" data-testid="staff-lock-cover">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="staff-lock-title" aria-describedby="staff-lock-body">
        <h2 id="staff-lock-title">{t('staff.lockSoon.heading')}</h2>
        <p id="staff-lock-body">{t('staff.lockSoon.body', { seconds: secondsLeft })}</p>
        <div className="actions">
          <button ref={button} type="button" className="button button-primary button-wide">
            {t('staff.lockSoon.stay')}
          </button>
        </div>
      </div>
    </div>
  );
}
