import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { type AudioCommand, KEYPAD, runCommand, whereAmI } from '../../renderer/audio/audio-keys.ts';
import { AudioMode } from '../../renderer/audio/audio-mode.tsx';
import { describeControl, describeScreen } from '../../renderer/audio/describe.ts';
import { createFieldPicker } from '../../renderer/audio/field-picker.ts';
import { type Locale, LocaleProvider, type MessageKey, translate } from '../../renderer/i18n/index.tsx';

/**
 * Runs in the page of test/support/audio-page.ts: what the unit tests of audio mode call
 * there, with the page's language set by `show`.
 */
let locale: Locale = 'fr';
const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
let picker = createFieldPicker(() => t);
let root: Root | null = null;

const audio = {
  /** A screen of `html` in `lang`, its heading focused as the kiosk's screens do. */
  show(html: string, lang: Locale): void {
    locale = lang;
    document.documentElement.lang = lang;
    document.body.innerHTML = html;
    picker = createFieldPicker(() => t);
    document.querySelector<HTMLElement>('main h1')?.focus();
  },
  /** Audio mode started on a machine that can speak or not, allowed to speak aloud or not (no headphones here): its banner's text. */
  banner(lang: Locale, speech: { available: boolean; aloud: boolean }): string {
    root?.unmount();
    document.body.innerHTML = '<div id="app"></div>';
    root = createRoot(document.getElementById('app') as HTMLElement);
    const mode = createElement(AudioMode, { active: true, onWelcome: false, speech, onStart: () => undefined });
    flushSync(() => root?.render(createElement(LocaleProvider, { locale: lang, children: mode })));
    return (document.querySelector('.audio-banner')?.textContent ?? '').trim();
  },
  /** What the screen says when it appears. */
  screen(): string {
    const heading = document.querySelector<HTMLElement>('main h1');
    return heading ? describeScreen(heading, t) : '';
  },
  /** What the control says when the keys reach it. */
  control(selector: string): string {
    const el = document.querySelector<HTMLElement>(selector);
    return el ? describeControl(el, t) : '';
  },
  focus(selector: string): void {
    document.querySelector<HTMLElement>(selector)?.focus();
  },
  /** A keypad key (KeyboardEvent.code) pressed: what the kiosk says, or null for audio mode's own keys. */
  press(code: string): string | null {
    const command: AudioCommand | undefined = KEYPAD[code];
    return command ? runCommand(command, t, picker) : `no command for ${code}`;
  },
  where(): string {
    return whereAmI(t);
  },
  /** The focused element's id, or its text. */
  active(): string {
    const el = document.activeElement;
    return el?.id || (el?.textContent ?? '').trim();
  },
  /** Whether the button was pressed (the test's screens mark it). */
  clicked(selector: string): boolean {
    return document.querySelector<HTMLElement>(selector)?.dataset.clicked === 'yes';
  },
  value(selector: string): string {
    return document.querySelector<HTMLInputElement>(selector)?.value ?? '';
  },
};

export type AudioApi = typeof audio;

(window as unknown as { audio: AudioApi }).audio = audio;
