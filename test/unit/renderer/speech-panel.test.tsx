import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { SpeechCheck } from '../../../main/shared/kiosk.ts';
import { espeakEngine } from '../../../main/speech/espeak-engine.ts';
import { type Locale, LocaleProvider } from '../../../renderer/i18n/index.tsx';
import { SpeechPanel } from '../../../renderer/screens/staff/speech-panel.tsx';

const panel = (speech: SpeechCheck, locale: Locale) =>
  renderToStaticMarkup(createElement(LocaleProvider, { locale, children: createElement(SpeechPanel, { speech }) }));

describe('the console says whether audio mode works here, and why not for IT', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`a machine without espeak-ng (${locale}): unavailable in an agent's words, the package for IT in the detail`, async () => {
      // The real check, against a synthesizer that is not there.
      const check = await espeakEngine('/nonexistent/espeak-ng').check();
      const html = panel(check, locale);
      const detail = html.slice(html.indexOf('<details'), html.indexOf('</details>'));
      const headline = html.slice(0, html.indexOf('<details'));
      assert.match(headline, locale === 'fr' ? /Indisponible sur cette borne/ : /Not available on this kiosk/);
      assert.doesNotMatch(headline, /apt-get|espeak/);
      assert.match(detail, /apt-get install espeak-ng/);
    });
    it(`a machine that speaks (${locale}): available, with the voice named`, async () => {
      const html = panel(await espeakEngine().check(), locale);
      assert.match(html, locale === 'fr' ? /Disponible : la borne parle/ : /Available: the kiosk speaks/);
      assert.doesNotMatch(html, /<details/);
    });
  }
});
