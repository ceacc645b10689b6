import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import type { ErrorCode } from '../../main/shared/errors.ts';
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type Locale = 'fr' | 'en';
export type { MessageKey };

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { fr, en };

// Every error code that can reach the screen has a sentence: a missing one fails the build.
const _everyErrorHasASentence: Record<`error.${ErrorCode}`, string> = fr;
void _everyErrorHasASentence;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

// `{count, plural, one {# essai} other {# essais}}`: the ICU form translators know, chosen
// by Intl.PluralRules (French says "0 essai", English "0 attempts"). No "essai(s)".
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+ \{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=?\w+) \{([^{}]*)\}/g;
const PLURAL_RULES: Record<Locale, Intl.PluralRules> = { fr: new Intl.PluralRules('fr-FR'), en: new Intl.PluralRules('en-GB') };

function plural(locale: Locale, text: string, params: Record<string, string | number>): string {
  return text.replace(PLURAL, (whole, name: string, forms: string) => {
    if (!(name in params)) return whole;
    const n = Number(params[name]);
    const chosen = new Map([...forms.matchAll(PLURAL_FORM)].map((m) => [m[1] ?? '', m[2] ?? '']));
    const form = chosen.get(`=${n}`) ?? chosen.get(PLURAL_RULES[locale].select(n)) ?? chosen.get('other') ?? '';
    return form.replace(/#/g, String(params[name]));
  });
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return plural(locale, MESSAGES[locale][key], params).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const LocaleContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'fr', t: (k, p) => translate('fr', k, p) });

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: ((k, p) => translate(locale, k, p)) as Translate }), [locale]);
  useEffect(() => {
    // Screen readers pick their voice from the document's language.
    document.documentElement.lang = locale;
  }, [locale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useT(): { locale: Locale; t: Translate } {
  return useContext(LocaleContext);
}
