import type { SpeechCheck } from '../shared/kiosk.ts';
import { runToBuffer } from './run-to-buffer.ts';
import type { SpeechEngine, SpeechLanguage } from './speech-engine.ts';

/** espeak-ng's own speed, in words per minute, for rate 1. */
const WPM = 170;
const VOICES: Record<SpeechLanguage, string> = { fr: 'fr-fr', en: 'en-gb' };

/** Linux: espeak-ng (Debian package `espeak-ng`), a WAV on its standard output. */
export function espeakEngine(command = 'espeak-ng'): SpeechEngine {
  return {
    name: 'espeak-ng',
    async check(): Promise<SpeechCheck> {
      // Asked without blocking: the first screen asks for it while the kiosk starts.
      const voices = (lang: SpeechLanguage) => runToBuffer(command, [`--voices=${lang}`], '', 5000).then(String, () => null);
      for (const lang of ['fr', 'en'] as const) {
        const listed = await voices(lang);
        if (listed === null) return { available: false, engine: 'espeak-ng', reason: 'espeak-ng is not installed: sudo apt-get install espeak-ng' };
        if (!listed.includes(VOICES[lang])) {
          return { available: false, engine: 'espeak-ng', reason: `espeak-ng has no ${VOICES[lang]} voice: reinstall espeak-ng-data` };
        }
      }
      return { available: true, engine: 'espeak-ng' };
    },
    synthesize(text: string, lang: SpeechLanguage, rate: number): Promise<Buffer> {
      return runToBuffer(command, ['-v', VOICES[lang], '-s', String(Math.round(WPM * rate)), '--stdout'], text, 15_000);
    },
  };
}
