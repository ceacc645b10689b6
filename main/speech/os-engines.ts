import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { espeakEngine } from './espeak-engine.ts';
import { runToBuffer } from './run-to-buffer.ts';
import type { SpeechEngine, SpeechLanguage } from './speech-engine.ts';

/*
 * The other platforms' synthesizers. Only espeak-ng runs on the machines this project is
 * built and tested on; these two follow their vendors' documented command lines and are
 * checked on the chambers' own machines (README, "Audio mode").
 */

/** macOS: `say` writes a WAV file (it has no WAV output on stdout). */
function sayEngine(): SpeechEngine {
  const voices: Record<SpeechLanguage, string> = { fr: 'Thomas', en: 'Daniel' };
  return {
    name: 'say',
    async check() {
      const probe = spawnSync('say', ['-v', '?'], { encoding: 'utf8', timeout: 5000 });
      if (probe.error || probe.status !== 0) return { available: false, engine: 'say', reason: 'the macOS say command does not answer' };
      const missing = (['fr', 'en'] as const).filter((l) => !probe.stdout.includes(voices[l]));
      return missing.length === 0
        ? { available: true, engine: 'say' }
        : {
            available: false,
            engine: 'say',
            reason: `voices missing: ${missing.map((l) => voices[l]).join(', ')} (System Settings > Accessibility > Spoken Content)`,
          };
    },
    async synthesize(text, lang, rate) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-say-'));
      const file = path.join(dir, 'speech.wav');
      try {
        await runToBuffer('say', ['-v', voices[lang], '-r', String(Math.round(180 * rate)), '-o', file, '--data-format=LEI16@22050', '-f', '-'], text, 15_000);
        return await readFile(file);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Windows: the SAPI voices through System.Speech, the WAV written to stdout as base64. */
function sapiEngine(): SpeechEngine {
  const script = (culture: string, rate: number) =>
    [
      'Add-Type -AssemblyName System.Speech',
      '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
      `$v = $s.GetInstalledVoices() | Where-Object { $_.VoiceInfo.Culture.Name -eq '${culture}' } | Select-Object -First 1`,
      'if (-not $v) { exit 3 }',
      '$s.SelectVoice($v.VoiceInfo.Name)',
      `$s.Rate = ${Math.max(-10, Math.min(10, Math.round((rate - 1) * 10)))}`,
      '$m = New-Object System.IO.MemoryStream',
      '$s.SetOutputToWaveStream($m)',
      '$s.Speak([Console]::In.ReadToEnd())',
      '[Console]::Out.Write([Convert]::ToBase64String($m.ToArray()))',
    ].join('; ');
  const cultures: Record<SpeechLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };
  const run = (culture: string, rate: number, text: string) =>
    runToBuffer('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script(culture, rate)], text, 20_000);
  return {
    name: 'SAPI',
    async check() {
      for (const lang of ['fr', 'en'] as const) {
        try {
          await run(cultures[lang], 1, '.');
        } catch {
          return { available: false, engine: 'SAPI', reason: `no ${cultures[lang]} voice (Settings > Time & language > Speech > Add voices)` };
        }
      }
      return { available: true, engine: 'SAPI' };
    },
    async synthesize(text, lang, rate) {
      return Buffer.from((await run(cultures[lang], rate, text)).toString(), 'base64');
    },
  };
}

/** The operating system's synthesizer. */
export function systemSpeechEngine(platform: NodeJS.Platform = process.platform): SpeechEngine {
  if (platform === 'win32') return sapiEngine();
  if (platform === 'darwin') return sayEngine();
  return espeakEngine();
}
