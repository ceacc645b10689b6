import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { type Locale, LocaleProvider } from '../../../renderer/i18n/index.tsx';
import { ChangeEmailScreen } from '../../../renderer/screens/change-email/change-email-screen.tsx';

const screen = (email: string | null, locale: Locale) =>
  renderToStaticMarkup(
    createElement(LocaleProvider, {
      locale,
      children: createElement(ChangeEmailScreen, {
        form: { email: '' },
        email,
        typedEmails: [],
        state: { errors: {}, errorTick: 0, pending: false },
        onEdit: () => undefined,
        onSubmit: () => undefined,
        onBack: () => undefined,
        onLogin: () => undefined,
      }),
    }),
  );
const lead = (html: string) => /<p class="lead">([^<]*)<\/p>/.exec(html)?.[1] ?? '';

describe('"Ce n\'est pas mon adresse": where the pending link went, only when it is known', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`no address known (an account pending from before this visit, ${locale}): no "sent to ." and the way on said`, () => {
      const said = lead(screen(null, locale));
      assert.doesNotMatch(said, /envoyé à|sent to/);
      assert.doesNotMatch(said, / \./);
      assert.match(said, locale === 'fr' ? /Saisissez la bonne adresse/ : /Type the right address/);
    });
    it(`an address known (${locale}): said, masked`, () => {
      const said = lead(screen('camille.durand@gmail.com', locale));
      assert.match(said, locale === 'fr' ? /envoyé à c/ : /sent to c/);
      assert.doesNotMatch(said, /camille\.durand@gmail\.com/);
    });
  }
});
