import { useEffect, useRef, useState } from 'react';

/** The outputs every machine lists whether or not headphones are plugged in. */
const BUILT_IN = new Set(['default', 'communications', '']);

async function outputs(): Promise<string[]> {
  try {
    const devices = (await navigator.mediaDevices?.enumerateDevices()) ?? [];
    return devices.filter((d) => d.kind === 'audiooutput' && !BUILT_IN.has(d.deviceId)).map((d) => d.deviceId);
  } catch {
    return [];
  }
}

/**
 * The headphones' output id once plugged in (a new audio output appears), null otherwise.
 * Plugging them in starts audio mode: a blind artisan needs no other way to switch it on.
 */
export function useHeadphones(onPlugged: () => void): string | null {
  const [sink, setSink] = useState<string | null>(null);
  const plugged = useRef(onPlugged);
  plugged.current = onPlugged;
  useEffect(() => {
    const devices = navigator.mediaDevices;
    if (!devices) return;
    let known: string[] | null = null;
    let alive = true;
    const look = async () => {
      const now = await outputs();
      if (!alive) return;
      const fresh = known === null ? [] : now.filter((id) => !known?.includes(id));
      known = now;
      setSink((current) => {
        if (fresh[0] !== undefined) return fresh[0];
        return current !== null && now.includes(current) ? current : null;
      });
      if (fresh.length > 0) plugged.current();
    };
    void look();
    devices.addEventListener('devicechange', look);
    return () => {
      alive = false;
      devices.removeEventListener('devicechange', look);
    };
  }, []);
  return sink;
}
