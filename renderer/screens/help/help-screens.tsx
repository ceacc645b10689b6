import chamber from '../../../assets/chamber.json';
import partnersFile from '../../../assets/partners.json';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { useT } from '../../i18n/index.tsx';

const LOGOS = import.meta.glob<string>('../../../assets/partners/*.svg', { eager: true, query: '?url', import: 'default' });
const logoUrl = (file: string) => LOGOS[`../../../assets/partners/${file}`];

function Back({ onBack }: { onBack(): void }) {
  const { t } = useT();
  return (
    <button type="button" className="button button-secondary button-wide" onClick={onBack}>
      {t('help.back')}
    </button>
  );
}

const QUESTIONS = [1, 2, 3, 4, 5, 6] as const;

/** "Questions fréquentes": each answer under its question, all visible (no hidden accordions). */
export function FaqScreen({ onBack }: { onBack(): void }) {
  const { t } = useT();
  return (
    <main id="main" className="screen faq-screen">
      <ScreenHeading>{t('faq.heading')}</ScreenHeading>
      {QUESTIONS.map((n) => (
        <section key={n} className="faq-item" aria-labelledby={`faq-q${n}`}>
          <h2 id={`faq-q${n}`}>{t(`faq.q${n}`)}</h2>
          <p>{t(`faq.a${n}`)}</p>
        </section>
      ))}
      <Back onBack={onBack} />
    </main>
  );
}

/** "Nos partenaires": offers from assets/partners.json, with their logos. */
export function PartnersScreen({ onBack }: { onBack(): void }) {
  const { t, locale } = useT();
  return (
    <main id="main" className="screen partners-screen">
      <ScreenHeading>{t('partners.heading')}</ScreenHeading>
      <p className="lead">{t('partners.lead')}</p>
      <ul className="partners">
        {partnersFile.partners.map((p) => (
          <li key={p.id} className="partner">
            <img src={logoUrl(p.logo)} alt={t('partners.logo', { name: p.name })} width={96} height={96} />
            <div>
              <h2>{p.name}</h2>
              <p>{p.offer[locale]}</p>
            </div>
          </li>
        ))}
      </ul>
      <Back onBack={onBack} />
    </main>
  );
}

/** "Contacter le support": the desk first, then e-mail and phone (assets/chamber.json). */
export function SupportScreen({ onBack }: { onBack(): void }) {
  const { t, locale } = useT();
  return (
    <main id="main" className="screen support-screen">
      <ScreenHeading>{t('support.heading')}</ScreenHeading>
      <div className="panel panel-success">
        <p className="lead">{t('support.desk')}</p>
      </div>
      <dl className="facts">
        <dt>{t('support.hours')}</dt>
        <dd>{chamber.deskHours[locale]}</dd>
        <dt>{t('support.email')}</dt>
        <dd>{chamber.supportEmail}</dd>
        <dt>{t('support.phone')}</dt>
        <dd>{chamber.supportPhone}</dd>
      </dl>
      <Back onBack={onBack} />
    </main>
  );
}
