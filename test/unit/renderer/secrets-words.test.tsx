import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { KeychainProblem } from '../../../main/shared/kiosk.ts';
import { type Locale, LocaleProvider } from '../../../renderer/i18n/index.tsx';
import { SecretsPanel } from '../../../renderer/screens/staff/secrets-panel.tsx';

const PROBLEMS: readonly KeychainProblem[] = ['not-installed', 'no-service', 'locked', 'other'];
// What an agent at the desk cannot act on: packages, commands, system services.
const IT_WORDS = /npm|libsecret|keytar|gnome-keyring|D-Bus|rebuild|Secret Service|keychain-unavailable/i;

function panel(problem: KeychainProblem, locale: Locale): string {
  return renderToStaticMarkup(
    createElement(LocaleProvider, {
      locale,
      children: createElement(SecretsPanel, {
        secrets: { store: 'memory', problem, secrets: [] },
        errors: {},
        pending: false,
        onSet: async () => false,
        onDelete: () => {},
      }),
    }),
  );
}
const between = (html: string, open: RegExp, close: string) => {
  const m = open.exec(html);
  return m ? html.slice(m.index + m[0].length, html.indexOf(close, m.index)) : '';
};

describe('the secrets panel speaks to the agent; IT advice waits in its own detail', () => {
  for (const locale of ['fr', 'en'] as const) {
    for (const problem of PROBLEMS) {
      it(`${problem} (${locale}): a headline with no command, the detail with what IT does`, () => {
        const html = panel(problem, locale);
        const headline = between(html, /<p class="secrets-problem">/, '</p>');
        const detail = between(html, /<details class="it-details">/, '</details>');
        assert.ok(headline.length > 20, html);
        assert.doesNotMatch(headline, IT_WORDS);
        assert.match(detail, locale === 'fr' ? /Pour le service informatique/ : /For the IT department/);
        if (problem === 'not-installed') assert.match(detail, /libsecret-1-dev.*npm rebuild keytar/);
      });
    }
  }
});
