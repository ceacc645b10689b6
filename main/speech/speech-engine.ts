import type { SpeechCheck } from '../shared/kiosk.ts';
/**
 * The speech port (issue #16): the core says a sentence and gets back a WAV file, which the
 * renderer plays on the output the artisan chose (headphones). The synthesizer is the
 * operating system's, driven from the main process, because Chromium's speechSynthesis in
 * Electron on Linux often lists no voice at all.
 */
export type SpeechLanguage = 'fr' | 'en';

export type SpeechEngine = {
  /** Which synthesizer this is ("espeak-ng", "say", "SAPI"), for the console. */
  readonly name: string;
  check(): Promise<SpeechCheck>;
  /** A WAV file of `text` in `lang`; `rate` 1 is the engine's usual speed. Throws when the engine fails. */
  synthesize(text: string, lang: SpeechLanguage, rate: number): Promise<Buffer>;
};
