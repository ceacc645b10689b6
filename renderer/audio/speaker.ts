import { kiosk } from '../app/kiosk-client.ts';
import { type Locale, translate } from '../i18n/index.tsx';
import { forTheEar } from './characters.ts';
import { speechPieces } from './describe.ts';

export type SpeakerSettings = {
  /** The headphones' output (setSinkId), or null for the default output. */
  sinkId: string | null;
  /** Whether sound may go to the default output (no headphones): the console's setting. */
  aloud: boolean;
  rate: number;
  volume: number;
};

/**
 * Plays what the core synthesizes, one sentence at a time. A new screen or a move of the
 * focus interrupts what was being said (a blind user wants the answer to the key just
 * pressed, not the end of the previous sentence); errors and confirmations queue after it.
 */
export function createSpeaker(settings: () => SpeakerSettings, locale: () => Locale) {
  let playing: HTMLAudioElement | null = null;
  let generation = 0;
  let chain: Promise<void> = Promise.resolve();

  const stop = () => {
    generation++;
    playing?.pause();
    playing = null;
    chain = Promise.resolve();
  };

  async function play(text: string, mine: number): Promise<void> {
    const s = settings();
    // Nothing spoken aloud in the hall without headphones, unless staff allowed it: not even
    // made into sound (what the kiosk says may name the artisan).
    if (s.sinkId === null && !s.aloud) return;
    const lang = locale();
    const words = forTheEar(text, (key, params) => translate(lang, key, params));
    const r = await kiosk().invoke('speech:say', { text: words, lang, rate: s.rate });
    if (!r.ok || r.value.wav === '' || mine !== generation) return;
    const bytes = Uint8Array.from(atob(r.value.wav), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
    const audio = new Audio(url);
    audio.volume = s.volume;
    try {
      if (s.sinkId !== null) await (audio as HTMLAudioElement & { setSinkId(id: string): Promise<void> }).setSinkId(s.sinkId);
    } catch {
      // The headphones went away between the check and now: say nothing aloud unless allowed.
      if (!s.aloud) return URL.revokeObjectURL(url);
    }
    if (mine !== generation) return URL.revokeObjectURL(url);
    playing = audio;
    await new Promise<void>((resolve) => {
      audio.onended = () => resolve();
      audio.onerror = () => resolve();
      audio.onpause = () => resolve();
      audio.play().catch(() => resolve());
    });
    URL.revokeObjectURL(url);
  }

  // A long text goes in pieces the speech port takes, said one after the other.
  const queue = (text: string): void => {
    for (const piece of speechPieces(text)) {
      const mine = generation;
      chain = chain.then(() => (mine === generation ? play(piece, mine) : undefined)).catch(() => undefined);
    }
  };

  return {
    /** Says `text` now, cutting what was being said. */
    say(text: string): void {
      stop();
      queue(text);
    },
    /** Says `text` once what is being said is over. */
    queue,
    stop,
  };
}

export type Speaker = ReturnType<typeof createSpeaker>;
