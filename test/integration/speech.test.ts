import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createKiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { Result } from '../../main/shared/errors.ts';
import { espeakEngine } from '../../main/speech/espeak-engine.ts';
import type { SpeechLanguage } from '../../main/speech/speech-engine.ts';
import { createSpeechService } from '../../main/speech/speech-service.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { tempDir } from '../support/temp.ts';

/** What sox measures of a WAV: its length in seconds, its RMS amplitude, and how much of it is sound. */
function measure(wav: Buffer): { seconds: number; rms: number; voiced: number } {
  const file = path.join(tempDir(), 'speech.wav');
  writeFileSync(file, wav);
  // `sox … stat` reports on stderr.
  const out = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' }).stderr;
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(-?[\\d.]+)`).exec(out)?.[1] ?? Number.NaN);
  // The share of 20 ms windows louder than a whisper: speech has pauses, silence has no sound at all.
  const raw = execFileSync('sox', [file, '-t', 's16', '-c', '1', '-r', '16000', '-'], { maxBuffer: 64 * 1024 * 1024 });
  const samples = new Int16Array(raw.buffer, raw.byteOffset, Math.floor(raw.length / 2));
  let loud = 0;
  let windows = 0;
  for (let i = 0; i + 320 <= samples.length; i += 320) {
    let sum = 0;
    for (let j = i; j < i + 320; j++) sum += (samples[j] ?? 0) ** 2;
    windows++;
    if (Math.sqrt(sum / 320) > 300) loud++;
  }
  return { seconds: field('Length \\(seconds\\)'), rms: field('RMS\\s+amplitude'), voiced: windows ? loud / windows : 0 };
}

/** How many words a voice says: a number is said as words too ("one hundred and twenty-three"), about two a digit. */
const words = (text: string) =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .reduce((n, w) => n + (/^\d+$/.test(w) ? 2 * w.length : 1), 0);

describe('audio mode speaks with the real Linux synthesizer (espeak-ng)', () => {
  const prompts = (lang: SpeechLanguage) => [
    `${translate(lang, 'welcome.heading')}. ${translate(lang, 'welcome.lead')}`,
    `${translate(lang, 'identify.heading')}. ${translate(lang, 'identify.rmLabel')}. ${translate(lang, 'identify.rmHint')}`,
  ];

  for (const lang of ['fr', 'en'] as const) {
    it(`the welcome and identification prompts in ${lang === 'fr' ? 'French' : 'English'} are speech: as long as their words, and not silence`, async () => {
      const heard: string[] = [];
      const log = memoryLogger();
      const speech = createSpeechService({ engine: espeakEngine(), log, transcript: (_l, text) => heard.push(text) });
      assert.deepEqual(await speech.status(), { available: true, engine: 'espeak-ng' });
      for (const prompt of prompts(lang)) {
        const said = await speech.say({ text: prompt, lang, rate: 1 });
        assert.ok(said.ok, JSON.stringify(said));
        const m = measure(Buffer.from(said.value.wav, 'base64'));
        // People speak 2 to 4 words a second; a synthesizer at its usual rate does too.
        assert.ok(m.seconds > words(prompt) / 5 && m.seconds < words(prompt) / 1.2, `${m.seconds} s for ${words(prompt)} words: ${prompt}`);
        assert.ok(m.rms > 0.02, `RMS ${m.rms}: silence`);
        assert.ok(m.voiced > 0.4 && m.voiced < 0.98, `${Math.round(m.voiced * 100)} % of the windows sound: not speech`);
      }
      assert.deepEqual(heard, prompts(lang));
      // The log says that something was spoken, never what.
      assert.ok(!log.lines.some((l) => l.includes('Identif') || l.includes('123 123 127')), log.lines.join('\n'));
    });
  }

  it('a faster rate says the same sentence in less time', async () => {
    const speech = createSpeechService({ engine: espeakEngine(), log: memoryLogger() });
    const text = translate('fr', 'audio.started');
    const at = async (rate: number) => {
      const r = await speech.say({ text, lang: 'fr', rate });
      assert.ok(r.ok);
      return measure(Buffer.from(r.value.wav, 'base64')).seconds;
    };
    const normal = await at(1);
    const fast = await at(1.5);
    assert.ok(fast < normal * 0.85, `${fast} s fast, ${normal} s normal`);
  });

  it('a machine without a synthesizer: audio mode is unavailable, the reason is for IT, and the kiosk still works', async () => {
    const log = memoryLogger();
    const kiosk = await createKiosk({ dataDir: tempDir(), log, secrets: memoryStore(), speech: espeakEngine('/nonexistent/espeak-ng'), syncIntervalMs: 0 });
    try {
      const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
      const invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;
      const info = await invoke<{ speech: { available: boolean } }>('app:info', {});
      assert.ok(info.ok);
      assert.equal(info.value.speech.available, false);
      const said = await invoke('speech:say', { text: 'Bonjour', lang: 'fr', rate: 1 });
      assert.equal(!said.ok && said.error.code, 'SPEECH_UNAVAILABLE');
      // The console (staff only) says why, in words IT can act on.
      assert.ok((await invoke('staff:setup', { name: 'Sophie Martin', pin: '482913', confirmation: '482913' })).ok);
      const overview = await invoke<{ speech: { available: boolean; reason?: string } }>('staff:overview', {});
      assert.ok(overview.ok);
      assert.match(overview.value.speech.reason ?? '', /apt-get install espeak-ng/);
      // Identification goes on as before.
      const found = await invoke<{ kind: string }>('identity:identify', { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } });
      assert.ok(found.ok);
    } finally {
      await kiosk.close();
    }
  });

  it('refuses what is not a sentence to say: too long, an unknown language, a rate out of bounds', async () => {
    const kiosk = await createKiosk({ dataDir: tempDir(), log: memoryLogger(), secrets: memoryStore(), syncIntervalMs: 0 });
    try {
      const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
      const invoke = (input: object) => call('speech:say', input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<unknown>>;
      for (const bad of [
        { text: 'a'.repeat(1001), lang: 'fr', rate: 1 },
        { text: 'Hallo', lang: 'de', rate: 1 },
        { text: 'Bonjour', lang: 'fr', rate: 9 },
        { text: 'Bonjour' },
      ]) {
        const r = await invoke(bad);
        assert.equal(!r.ok && r.error.code, 'INVALID_INPUT', JSON.stringify(bad).slice(0, 60));
      }
      const ok = await invoke({ text: 'Bonjour', lang: 'fr', rate: 1 });
      assert.ok(ok.ok);
    } finally {
      await kiosk.close();
    }
  });
});
