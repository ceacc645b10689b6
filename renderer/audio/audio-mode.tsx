import { useEffect, useRef, useState } from 'react';
import { type Locale, useT } from '../i18n/index.tsx';
import { KEYPAD, runCommand, whereAmI } from './audio-keys.ts';
import { describeControl, describeScreen, sentences, spokenText } from './describe.ts';
import { createFieldPicker } from './field-picker.ts';
import { createSpeaker, type SpeakerSettings } from './speaker.ts';
import { useHeadphones } from './use-headphones.ts';

export type AudioModeProps = {
  active: boolean;
  /** The visit is on the welcome screen: the only place audio mode starts from a key or a long press. */
  onWelcome: boolean;
  /** Whether this machine can speak, and may without headphones (console setting). */
  speech: { available: boolean; aloud: boolean };
  onStart(): void;
};

const RATES = [
  { rate: 1, key: 'audio.rate.normal' },
  { rate: 1.4, key: 'audio.rate.fast' },
  { rate: 0.75, key: 'audio.rate.slow' },
] as const;
const LONG_PRESS_MS = 3000;

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Audio mode (EAA, issue #16): the kiosk heard through headphones and driven by a numeric
 * keypad, for an artisan who cannot see the screen. It starts without seeing (headphones
 * plugged in, a keypad key or a 3-second press on the welcome screen) and ends with the visit.
 */
export function AudioMode({ active, onWelcome, speech, onStart }: AudioModeProps) {
  const { t, locale } = useT();
  const tRef = useRef(t);
  tRef.current = t;
  const localeRef = useRef<Locale>(locale);
  localeRef.current = locale;
  const [dark, setDark] = useState(false);
  const [rateAt, setRateAt] = useState(0);
  const [volume, setVolume] = useState(0.8);
  const headphones = useHeadphones(onStart);
  const settings = useRef<SpeakerSettings>({ sinkId: null, aloud: false, rate: 1, volume: 0.8 });
  settings.current = { sinkId: headphones, aloud: speech.aloud, rate: RATES[rateAt]?.rate ?? 1, volume };
  const speaker = useRef(
    createSpeaker(
      () => settings.current,
      () => localeRef.current,
    ),
  ).current;
  const picker = useRef(createFieldPicker(() => tRef.current)).current;
  const ownMove = useRef(false);
  const unheard = useRef(false);
  const quietUntil = useRef(0);
  const screenAt = useRef(0);

  // Started: say so, and where the artisan is; on the welcome screen, the focus on "Commencer".
  useEffect(() => {
    if (!active) {
      speaker.stop();
      setDark(false);
      return;
    }
    document.querySelector<HTMLElement>('main .button-hero')?.focus();
    // Started from the keypad with no headphones and no leave to speak aloud: said once they are plugged in.
    unheard.current = settings.current.sinkId === null && !settings.current.aloud;
    speaker.say(sentences([tRef.current('audio.started'), whereAmI(tRef.current)]));
  }, [active, speaker]);

  // Headphones plugged in while audio mode already runs (started from the keypad): it speaks now.
  useEffect(() => {
    if (!active || !unheard.current || headphones === null) return;
    unheard.current = false;
    speaker.say(sentences([tRef.current('audio.started'), whereAmI(tRef.current)]));
  }, [active, headphones, speaker]);

  // Headphones pulled out: what was being said stops at once rather than end aloud in the hall
  // (a sentence may name the artisan); plugged back in, the kiosk says where the artisan is.
  // With staff's leave to speak aloud, it goes on through the loudspeaker.
  const hadHeadphones = useRef<string | null>(null);
  useEffect(() => {
    const had = hadHeadphones.current;
    hadHeadphones.current = headphones;
    if (!active || had === null || headphones !== null || speech.aloud) return;
    speaker.stop();
    unheard.current = true;
  }, [active, headphones, speech.aloud, speaker]);

  // Another language chosen: where the artisan is, said again in it (with its own voice).
  const spokenLocale = useRef(locale);
  useEffect(() => {
    if (spokenLocale.current === locale) return;
    spokenLocale.current = locale;
    if (active) speaker.say(whereAmI(tRef.current));
  }, [active, locale, speaker]);

  // A new screen (its heading takes the focus), or the focus moved by something else than a key.
  useEffect(() => {
    if (!active) return;
    const focused = (e: FocusEvent) => {
      const el = e.target;
      if (!(el instanceof HTMLElement) || ownMove.current) return;
      if (el.matches('main h1')) {
        quietUntil.current = Date.now() + 600;
        screenAt.current = Date.now();
        speaker.say(describeScreen(el, tRef.current));
      } else if (el.closest('[role="alertdialog"]')) {
        speaker.queue(describeControl(el, tRef.current));
      } else if (el.matches('[role="alert"], [role="status"]')) {
        // A message that comes with a new screen ("your card needs a photo") is in the screen's
        // description: focused just after the heading, it must not cut that description short.
        if (Date.now() < quietUntil.current && el.closest('main')) return;
        speaker.say(spokenText(el));
      } else speaker.say(describeControl(el, tRef.current));
    };
    document.addEventListener('focusin', focused);
    return () => document.removeEventListener('focusin', focused);
  }, [active, speaker]);

  // Errors, confirmations and the idle warning, as they appear.
  useEffect(() => {
    if (!active) return;
    const said = new Map<string, number>();
    const sayOnce = (sentence: string, now: boolean) => {
      const at = said.get(sentence);
      if (sentence === '' || (at !== undefined && Date.now() - at < 3000)) return;
      said.set(sentence, Date.now());
      if (now) speaker.say(sentence);
      else speaker.queue(sentence);
    };
    const observer = new MutationObserver((records) => {
      const regions = new Set<Element>();
      for (const r of records) {
        const node = r.target instanceof Element ? r.target : r.target.parentElement;
        const dialog = [...r.addedNodes].find((n): n is Element => n instanceof Element && n.querySelector('[role="alertdialog"]') !== null);
        if (dialog) {
          const box = dialog.querySelector('[role="alertdialog"]');
          if (box) sayOnce(`${text(box.querySelector('h2') ?? box)}. ${text(box.querySelector('p') ?? box)} ${tRef.current('audio.idleKey')}`, true);
          continue;
        }
        const region = node?.closest('[role="alert"], [role="status"], [aria-live]');
        if (region && !region.closest('[data-audio-skip], [role="alertdialog"]')) regions.add(region);
        for (const added of r.addedNodes) {
          if (added instanceof Element && added.matches('[role="alert"], [role="status"], [aria-live]') && !added.closest('[data-audio-skip]'))
            regions.add(added);
        }
      }
      if (regions.size === 0) return;
      // A region that came with a new screen is read by the screen's description: its heading
      // takes the focus only once React's effects have run, after this callback, so wait a
      // moment and let a screen that appeared meanwhile speak for it.
      const seen = Date.now();
      setTimeout(() => {
        if (screenAt.current >= seen - 50 || Date.now() < quietUntil.current) return;
        for (const region of regions) if (region instanceof HTMLElement && region.isConnected) sayOnce(spokenText(region), false);
      }, 150);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [active, speaker]);

  // The keypad: starts audio mode on the welcome screen; drives everything once it runs.
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      const command = KEYPAD[e.code];
      if (!command) return;
      if (!active) {
        if (!onWelcome) return;
        e.preventDefault();
        onStart();
        return;
      }
      // The idle guard still hears the key (any key carries on): only the page's own use is stopped.
      e.preventDefault();
      const t = tRef.current;
      if (command === 'dark') {
        setDark((d) => {
          speaker.say(t(d ? 'audio.dark.off' : 'audio.dark.on'));
          return !d;
        });
        return;
      }
      if (command === 'rate') {
        const next = (rateAt + 1) % RATES.length;
        setRateAt(next);
        settings.current = { ...settings.current, rate: RATES[next]?.rate ?? 1 };
        speaker.say(t(RATES[next]?.key ?? 'audio.rate.normal'));
        return;
      }
      if (command === 'volume-down' || command === 'volume-up') {
        const next = Math.min(1, Math.max(0.2, Math.round((volume + (command === 'volume-up' ? 0.2 : -0.2)) * 10) / 10));
        setVolume(next);
        settings.current = { ...settings.current, volume: next };
        speaker.say(t('audio.volume', { percent: Math.round(next * 100) }));
        return;
      }
      ownMove.current = true;
      try {
        const sentence = runCommand(command, t, picker);
        if (sentence) speaker.say(sentence);
      } finally {
        ownMove.current = false;
      }
    };
    window.addEventListener('keydown', key, { capture: true });
    return () => window.removeEventListener('keydown', key, { capture: true });
  }, [active, onWelcome, onStart, speaker, picker, rateAt, volume]);

  // A finger held 3 seconds on the welcome screen.
  useEffect(() => {
    if (active || !onWelcome) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const down = (e: PointerEvent) => {
      if (!(e.target instanceof Element) || !e.target.closest('main')) return;
      clearTimeout(timer);
      timer = setTimeout(onStart, LONG_PRESS_MS);
    };
    const up = () => clearTimeout(timer);
    window.addEventListener('pointerdown', down);
    for (const e of ['pointerup', 'pointercancel', 'pointerleave'] as const) window.addEventListener(e, up);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', down);
      for (const e of ['pointerup', 'pointercancel', 'pointerleave'] as const) window.removeEventListener(e, up);
    };
  }, [active, onWelcome, onStart]);

  if (!active) return null;
  const problem = !speech.available ? t('audio.unavailable') : headphones === null && !speech.aloud ? t('audio.plugHeadphones') : null;
  return (
    <>
      <div className="audio-banner" data-audio-skip>
        <strong>{t('audio.banner')}</strong> <span>{problem ?? t('audio.bannerKeys')}</span>
      </div>
      {dark && <div className="audio-dark" aria-hidden="true" data-testid="audio-dark" />}
    </>
  );
}
