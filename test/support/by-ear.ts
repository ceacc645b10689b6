import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SYMBOLS } from '../../renderer/audio/characters.ts';
import { type Locale, translate } from '../../renderer/i18n/index.tsx';
import { tempDir } from './temp.ts';

/**
 * A visit followed by ear: the test presses keypad keys and reads only what the kiosk said
 * (the speech port's transcript, a test hook of browser mode), never the screen.
 */
export function transcriptFile(): string {
  return path.join(tempDir('speech-'), 'transcript.jsonl');
}

/** Plugs the stand-in headset in, once the page has listed its outputs (as a person plugs in after the screen is up). */
export async function plugHeadphones(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { outputsListed?: boolean }).outputsListed === true);
  await page.evaluate(() => (window as unknown as { plugHeadphones(): void }).plugHeadphones());
}

/** Pulls the stand-in headset out: its output leaves the list, and the page hears `devicechange`. */
export async function unplugHeadphones(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { unplugHeadphones(): void }).unplugHeadphones());
}

/**
 * Stands in for a USB headset, which headless Chromium cannot have: the page lists one more
 * audio output once `plugHeadphones` is called, and hears `devicechange`, as with real ones.
 * With `playable`, sound can be sent to it (setSinkId takes its id, as a real device's; the
 * sound goes to Chromium's own output), and each sound played is kept in `window.sounds`, for
 * a test to see what is playing.
 */
export async function withHeadsetSocket(page: Page, { playable = false } = {}): Promise<void> {
  // A string, not a function: the test's TypeScript loader would add helpers the page lacks.
  await page.addInitScript(`{
    const devices = navigator.mediaDevices;
    const list = devices.enumerateDevices.bind(devices);
    let plugged = false;
    devices.enumerateDevices = async () => {
      // What is plugged in when the page asks, not when the answer comes back.
      const headset = plugged ? [{ kind: 'audiooutput', deviceId: 'usb-headset', groupId: 'h', label: 'Casque USB' }] : [];
      const all = [...(await list()), ...headset];
      window.outputsListed = true;
      return all;
    };
    window.plugHeadphones = () => {
      plugged = true;
      devices.dispatchEvent(new Event('devicechange'));
    };
    window.unplugHeadphones = () => {
      plugged = false;
      devices.dispatchEvent(new Event('devicechange'));
    };
    if (${playable}) {
      const setSinkId = HTMLMediaElement.prototype.setSinkId;
      HTMLMediaElement.prototype.setSinkId = function (id) {
        if (id !== 'usb-headset') return setSinkId.call(this, id);
        return plugged ? Promise.resolve() : Promise.reject(new DOMException('gone', 'NotFoundError'));
      };
      const play = HTMLMediaElement.prototype.play;
      window.sounds = [];
      HTMLMediaElement.prototype.play = function () {
        window.sounds.push(this);
        return play.call(this);
      };
    }
  }`);
}

export type Ear = {
  /** Everything said so far. */
  said(): string[];
  /** The language (so the voice) of the last sentence said. */
  lastLanguage(): string | undefined;
  /** Waits until a sentence said after `from` (an index into said()) contains `words`; returns its index. */
  hears(words: string | RegExp, from?: number, ms?: number): Promise<number>;
  /** Presses a keypad key and waits for what it makes the kiosk say; returns that sentence. */
  press(code: string, expect?: string | RegExp): Promise<string>;
  /** Types `text` in the focused field with the character picker, as the help says: 7/9 group, 4/6 character, 5 type. */
  type(text: string, groups: readonly (readonly string[])[]): Promise<void>;
  /** Presses 2 (or 8) until the focused element's description starts with `name`. */
  focus(name: string, key?: 'Numpad2' | 'Numpad8'): Promise<string>;
};

export const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const TEXT_GROUPS = [LETTERS.split(''), LETTERS.toUpperCase().split(''), '0123456789'.split(''), [...SYMBOLS]] as const;
export const DIGIT_GROUPS = ['0123456789'.split('')] as const;
export const RM_GROUPS = ['0123456789'.split(''), ['RM', 'RE', 'A', 'B']] as const;

export function ear(page: Page, file: string): Ear {
  const said = () =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { text: string }).text)
      : [];
  const matches = (s: string, words: string | RegExp) => (typeof words === 'string' ? s.includes(words) : words.test(s));
  const hears = async (words: string | RegExp, from = 0, ms = 15_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const all = said();
      const at = all.findIndex((s, i) => i >= from && matches(s, words));
      if (at >= 0) return at;
      if (Date.now() > end) throw new Error(`never heard ${String(words)}; last said:\n${all.slice(-6).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const press = async (code: string, expect: string | RegExp = /./) => {
    const from = said().length;
    await page.keyboard.press(code);
    const at = await hears(expect, from);
    return said()[at] ?? '';
  };
  let field: { group: number; index: number } = { group: 0, index: -1 };
  /** The last sentence once the kiosk has been quiet a moment: a late one (a queued message) is not taken for the answer. */
  const settled = async (from: number) => {
    await hears(/./, from);
    let count = said().length;
    for (;;) {
      await new Promise((r) => setTimeout(r, 300));
      const now = said().length;
      if (now === count) return said()[now - 1] ?? '';
      count = now;
    }
  };
  const focus = async (name: string, key: 'Numpad2' | 'Numpad8' = 'Numpad2') => {
    for (let i = 0; i < 30; i++) {
      const from = said().length;
      await page.keyboard.press(key);
      const sentence = await settled(from);
      if (sentence.startsWith(name)) {
        field = { group: 0, index: -1 };
        return sentence;
      }
    }
    throw new Error(`never reached ${name}`);
  };
  const type = async (text: string, groups: readonly (readonly string[])[]) => {
    let rest = text;
    while (rest !== '') {
      const g = groups.findIndex((chars) => chars.some((c) => rest.startsWith(c)));
      if (g < 0) throw new Error(`no key for ${rest}`);
      const chars = groups[g] ?? [];
      const token = chars.filter((c) => rest.startsWith(c)).sort((a, b) => b.length - a.length)[0] ?? '';
      while (field.group !== g) {
        await press('Numpad9');
        field = { group: (field.group + 1) % groups.length, index: -1 };
      }
      const target = chars.indexOf(token);
      while (field.index !== target) {
        const forward = field.index < 0 ? target + 1 : (target - field.index + chars.length) % chars.length;
        const backward = field.index < 0 ? chars.length - target : chars.length - forward;
        const step = forward <= backward ? 1 : -1;
        await press(step > 0 ? 'Numpad6' : 'Numpad4');
        field.index = field.index < 0 ? (step > 0 ? 0 : chars.length - 1) : (field.index + step + chars.length) % chars.length;
      }
      await press('Numpad5', /écrit|typed/);
      rest = rest.slice(token.length);
    }
  };
  const lastLanguage = () => {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    const last = lines.at(-1);
    return last ? (JSON.parse(last) as { lang: string }).lang : undefined;
  };
  return { said, lastLanguage, hears, press, type, focus };
}

/**
 * Identification by ear in `lang`: the number, then day, month and year, each reached with 2
 * and typed with the picker; ends on "Valider", for the caller to press 5 and hear the answer.
 */
export async function identifyByEar(by: Ear, lang: Locale, rmNumber: string, date: readonly [string, string, string]): Promise<void> {
  await by.focus(translate(lang, 'identify.rmLabel'));
  await by.type(rmNumber, RM_GROUPS);
  for (const [i, part] of (['identify.day', 'identify.month', 'identify.year'] as const).entries()) {
    await by.focus(translate(lang, part));
    await by.type(date[i] ?? '', DIGIT_GROUPS);
  }
  await by.focus(translate(lang, 'identify.submit'));
}
