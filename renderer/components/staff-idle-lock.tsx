import { useEffect, useRef } from 'react';

/**
 * How long the staff screens stay open without a touch or a key. No console setting exists for
 * it (the idle settings are the artisans' visit): 5 minutes lets an agent serve at the desk and
 * come back, and is short enough that a console left open behind the desk is not left to
 * whoever passes. Tests shorten it (AppInfo.staffLockMs, KIOSK_STAFF_LOCK_MS in browser mode).
 */
export const STAFF_LOCK_MS = 5 * 60_000;

export type StaffIdleLockProps = { active: boolean; lockMs: number; onLock(): void };

/** Locks the console after `lockMs` without a touch or a key: it draws nothing, it only watches. */
export function StaffIdleLock({ active, lockMs, onLock }: StaffIdleLockProps) {
  const lock = useRef(onLock);
  lock.current = onLock;
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    // Checked every second rather than one long timer: a touch only moves a timestamp.
    const timer = setInterval(() => {
      if (Date.now() - last < lockMs) return;
      last = Date.now();
      lock.current();
    }, 1000);
    return () => {
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
      clearInterval(timer);
    };
  }, [active, lockMs]);
  return null;
}
