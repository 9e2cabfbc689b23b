// "My diagnostics": my organisation's diagnostics, drafts included, newest first, each linking to
// its page; and a search across the diagnostics, replies and comments the user may read.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { dayLabel, periodLabel, RATING_BADGE, ratingKey, STATE_BADGE } from './format';
import { territoryName, type Diagnostic } from './types';

export function MyDiagnosticsPage() {
  return <MemberPage>{(me) => <Mine me={me} />}</MemberPage>;
}

interface Found extends Diagnostic {
  match?: { kind: 'diagnostic' | 'reply' | 'comment'; snippet: { text: string; hit: boolean }[] };
}

function Mine({ me }: { me: Me }) {
  const { t } = useI18n();
  const list = useResource<{ diagnostics: Diagnostic[] }>('/api/v1/diagnostics?mine=1', { isEmpty: (x) => x.diagnostics.length === 0 });
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('diag.mine.heading')}</h1>
      <p>{t('diag.mine.lead', { org: me.organisation.name })}</p>
      {can(me, 'diagnostic.create', 'none') && (
        <p>
          <a class="fr-btn" href="/diagnostics/nouveau">
            {t('diag.new.heading')}
          </a>
        </p>
      )}
      <ResourceView resource={list} empty={<p>{t('diag.mine.none')}</p>}>
        {(x) => <DiagnosticTable rows={x.diagnostics} caption={t('diag.mine.caption')} testId="my-diagnostics" />}
      </ResourceView>
      <Search />
    </div>
  );
}

export function DiagnosticTable({ rows, caption, testId, author }: { rows: Diagnostic[]; caption: string; testId?: string; author?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <div class="fr-table fr-table--sm fr-table--no-caption">
      <table tabIndex={0} data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('diag.col.measure')}</th>
            {author && <th scope="col">{t('diag.col.author')}</th>}
            <th scope="col">{t('diag.col.territory')}</th>
            <th scope="col">{t('diag.col.period')}</th>
            <th scope="col">{t('diag.col.rating')}</th>
            <th scope="col">{t('diag.col.state')}</th>
            <th scope="col">{t('diag.col.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} data-testid={`diagnostic-${d.id}`}>
              <td>
                <a href={`/diagnostics/${d.id}`} aria-label={t('diag.open', { measure: d.measure, territory: territoryName(d.territory), period: periodLabel(d.period, t) })}>
                  {d.measure}
                </a>
              </td>
              {author && <td>{d.author_organisation}</td>}
              <td>{territoryName(d.territory)}</td>
              <td>{periodLabel(d.period, t)}</td>
              <td>
                <p class={`fr-badge fr-badge--sm ${RATING_BADGE[d.rating]}`}>{t(ratingKey(d.rating))}</p>
              </td>
              <td>
                <p class={`fr-badge fr-badge--sm ${STATE_BADGE[d.state]}`}>{t(`diag.state.${d.state}`)}</p>
              </td>
              <td>{dayLabel(d.updated_at, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Search() {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const found = useResource<{ diagnostics: Found[] }>(q ? `/api/v1/diagnostics?q=${encodeURIComponent(q)}` : null, { isEmpty: (x) => x.diagnostics.length === 0 });
  return (
    <section class="fr-mt-6w" aria-labelledby="diag-search-heading">
      <h2 class="fr-h4" id="diag-search-heading">{t('diag.search')}</h2>
      <form
        role="search"
        class="fr-search-bar"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed.trim());
        }}
      >
        <label class="fr-label" for="diag-search">{t('diag.search')}</label>
        <input class="fr-input" type="search" id="diag-search" value={typed} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} />
        <button class="fr-btn" type="submit" title={t('diag.search_button')}>{t('diag.search_button')}</button>
      </form>
      {q && (
        <div class="fr-mt-3w" aria-live="polite">
          <ResourceView resource={found} empty={<p>{t('diag.search_none')}</p>}>
            {(x) => (
              <>
                <p>{t('diag.search_results', { n: x.diagnostics.length })}</p>
                <ul data-testid="diagnostic-search">
                  {x.diagnostics.map((d) => (
                    <li key={`${d.id}-${d.match?.kind}`} class="fr-mb-2w">
                      <a href={`/diagnostics/${d.id}`}>
                        {d.measure} — {territoryName(d.territory)}, {periodLabel(d.period, t)} ({d.author_organisation})
                      </a>
                      {d.match && (
                        <p class="fr-text--sm fr-mb-0">
                          {t(`diag.match.${d.match.kind}`)} {d.match.snippet.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </ResourceView>
        </div>
      )}
    </section>
  );
}
