// The "sufficiently documented" checklist as the server computed it from the content: each line
// done or missing, in the reader's language, and how many are missing.
import { useI18n } from '../../i18n';
import type { ChecklistLine } from './types';

export function Checklist({ lines, lang }: { lines: ChecklistLine[] | null; lang: string }) {
  const { t } = useI18n();
  const missing = (lines ?? []).filter((l) => !l.done).length;
  return (
    <section class="fr-card fr-card--no-arrow fr-p-3w" aria-labelledby="sais-checklist-heading" data-testid="saisine-checklist">
      <h2 class="fr-h5" id="sais-checklist-heading">
        {t('sais.checklist.heading')}
      </h2>
      {lines === null ? (
        <p class="fr-text--sm">{t('sais.checklist.unsaved')}</p>
      ) : (
        <>
          <p class="fr-text--sm" aria-live="polite" data-testid="saisine-checklist-summary">
            {missing === 0 ? t('sais.checklist.complete') : t('sais.checklist.incomplete', { n: missing })}
          </p>
          <ul class="vigie-checklist">
            {lines.map((l) => (
              <li key={l.key} data-testid={`check-${l.key}`} data-done={l.done ? 'yes' : 'no'}>
                <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${l.done ? 'fr-badge--success' : 'fr-badge--warning'}`}>{l.done ? t('sais.checklist.done') : t('sais.checklist.missing')}</span> {lang === 'en' ? l.label.en : l.label.fr}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
