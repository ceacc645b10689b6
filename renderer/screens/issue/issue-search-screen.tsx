import type { FormEvent } from 'react';
import type { IdDocument } from '../../../main/shared/staff.ts';
import type { Issuance, IssuancePatch } from '../../app/console-state.ts';
import type { Errors } from '../../app/machine.ts';
import { ScreenHeading } from '../../components/screen-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/index.tsx';
import { spacedRmNumber } from '../format.ts';

/** The most hits the search returns (main/store/artisans-repo.ts). */
const SEARCH_LIMIT = 20;
const DOCUMENTS: readonly IdDocument[] = ['carte-identite', 'passeport', 'titre-sejour', 'permis-conduire'];

export type IssueSearchProps = {
  issue: Issuance;
  errors: Errors;
  pending: boolean;
  onEdit(patch: IssuancePatch): void;
  onSearch(): void;
  onStart(): void;
  onBack(): void;
};

/**
 * "Délivrer une carte", first step: find the artisan in the local replica, then say which
 * identity document was checked. Only its kind is recorded: never its number, never a scan.
 */
export function IssueSearchScreen({ issue, errors, pending, onEdit, onSearch, onStart, onBack }: IssueSearchProps) {
  const { t } = useT();
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onSearch();
  };
  const ready = issue.selected !== null && issue.document !== null;
  return (
    <main id="main" className="screen issue-screen">
      <ScreenHeading>{t('issue.heading')}</ScreenHeading>
      <p className="lead">{t('issue.lead')}</p>
      {errors.general && (
        <p className="error-message" role="alert">
          {t(errors.general.key, errors.general.params)}
        </p>
      )}
      <search>
        <form autoComplete="off" noValidate onSubmit={search}>
          <TextField id="issue-query" label={t('issue.search')} value={issue.query} maxLength={120} onChange={(query) => onEdit({ query })} />
          <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
            {t('issue.searchButton')}
          </button>
        </form>
      </search>
      {issue.hits && issue.hits.length === 0 && <p role="status">{t('issue.none')}</p>}
      {issue.hits && issue.hits.length >= SEARCH_LIMIT && <p role="status">{t('issue.tooMany')}</p>}
      {issue.hits && issue.hits.length > 0 && (
        <fieldset className="choice hits">
          <legend className="label">{t('issue.results')}</legend>
          {issue.hits.map((h) => (
            <label key={h.rmNumber} className="choice-option hit">
              <input
                type="radio"
                name="artisan"
                value={h.rmNumber}
                disabled={h.radiated}
                checked={issue.selected === h.rmNumber}
                onChange={() => onEdit({ selected: h.rmNumber })}
              />
              <span>
                <strong>
                  {h.firstNames} {h.lastName}
                </strong>
                <br />
                {t('issue.hitDetails', { rm: spacedRmNumber(h.rmNumber), company: h.companyName ?? '', city: h.city ? `, ${h.city}` : '' })}
                {h.radiated && <> — {t('issue.radiated')}</>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {issue.selected && (
        <fieldset className="choice">
          <legend className="label">{t('issue.document')}</legend>
          <p className="hint">{t('issue.documentHint')}</p>
          {DOCUMENTS.map((d) => (
            <label key={d} className="choice-option">
              <input type="radio" name="document" value={d} checked={issue.document === d} onChange={() => onEdit({ document: d })} />
              <span>{t(`issue.doc.${d}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="space-actions">
        <button type="button" className="button button-primary" aria-disabled={!ready || pending || undefined} onClick={() => ready && !pending && onStart()}>
          {t('issue.start')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('help.back')}
        </button>
      </div>
      {!ready && issue.hits && issue.hits.length > 0 && <p className="hint">{t('issue.pickFirst')}</p>}
    </main>
  );
}
