import type { Logger } from '../logging/logger.ts';
import { fail, ok, type Result } from '../shared/errors.ts';
import type { SpeechCheck } from '../shared/kiosk.ts';
import type { SpeechEngine, SpeechLanguage } from './speech-engine.ts';

export type SpeechService = {
  /** Whether audio mode can speak here; checked once, then remembered until the kiosk restarts. */
  status(): Promise<SpeechCheck>;
  /** The sentence as a WAV file (base64), for the renderer to play on the artisan's headphones. */
  say(input: { text: string; lang: SpeechLanguage; rate: number }): Promise<Result<{ wav: string }>>;
};

export type SpeechOptions = {
  engine: SpeechEngine;
  log: Logger;
  /**
   * Test hook: each sentence spoken, in order, so that an end-to-end test can follow a visit
   * by ear only. Never set in the product (what is spoken may name the artisan).
   */
  transcript?: (lang: SpeechLanguage, text: string) => void;
};

export function createSpeechService({ engine, log, transcript }: SpeechOptions): SpeechService {
  let checked: Promise<SpeechCheck> | undefined;
  const status = () => {
    checked ??= engine.check().then((c) => {
      // The reason is for IT (the console shows it); it names no one.
      if (!c.available) log.warn('speech unavailable', { engine: c.engine, reason: c.reason });
      return c;
    });
    return checked;
  };
  return {
    status,
    async say({ text, lang, rate }) {
      const check = await status();
      if (!check.available) return fail('SPEECH_UNAVAILABLE', `speech engine ${check.engine}: ${check.reason}`);
      const sentence = text.replace(/\s+/g, ' ').trim();
      if (sentence === '') return ok({ wav: '' });
      try {
        const wav = await engine.synthesize(sentence, lang, Math.min(2, Math.max(0.5, rate)));
        transcript?.(lang, sentence);
        return ok({ wav: wav.toString('base64') });
      } catch (error) {
        // The engine's own words may quote the sentence: only its length is logged.
        log.warn('speech failed', { engine: engine.name, chars: sentence.length, error: (error as Error).message.split(':')[0] ?? '' });
        return fail('SPEECH_UNAVAILABLE', `speech engine ${engine.name} failed`);
      }
    },
  };
}
