// A diagnostic's page: its rating and texts (Markdown rendered safely), its evidence, the
// history of its versions, the pilot's reply with its revisions (and the reply form for the
// measure's pilots), and the committee's discussion with its comment form.
import { useI18n, type MessageKey } from '../../i18n';
import { postJson } from '../../kit/api';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import type { MeasureView } from '../plan/types';
import { dayLabel, fieldViewHref, periodLabel, RATING_BADGE, ratingKey, STATE_BADGE } from './format';
import { GuardedText } from './guarded-text';
import { Markdown, safeHref } from './markdown';
import { notificationsChanged } from './notifications';
import { TEXT_LIMIT, territoryName, type Diagnostic, type DiagnosticDetail, type Message } from './types';

export function DiagnosticPage({ id }: { id: string }) {
  return <MemberPage>{(me) => <DiagnosticOf me={me} id={id} />}</MemberPage>;
}

function DiagnosticOf({ me, id }: { me: Me; id: string }) {
  const { t } = useI18n();
  const d = useResource<DiagnosticDetail>(`/api/v1/diagnostics/${encodeURIComponent(id)}`);
  return (
    <div class="fr-container fr-my-6w">
      {d.status !== 'ready' && <h1>{t('diag.page.title')}</h1>}
      <ResourceView resource={d} notFound={t('diag.not_found')}>
        {(x) => <Detail me={me} d={x} reload={d.reload} />}
      </ResourceView>
    </div>
  );
}

const orgType = (type: string) => `orgtype.${type}` as MessageKey;

function Detail({ me, d, reload }: { me: Me; d: DiagnosticDetail; reload: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const measure = useResource<MeasureView>(`/api/v1/measures/${encodeURIComponent(d.measure)}`);
  const pilots = new Set((measure.data?.actions ?? []).flatMap((a) => a.pilots));
  const own = d.author_organisation === me.organisation.code;
  const mayEdit = own && can(me, 'diagnostic.edit', 'own_organisation');
  const mayReply = d.state !== 'draft' && pilots.has(me.organisation.code) && can(me, 'diagnostic.reply', 'pilot');
  const mayComment = d.state !== 'draft' && (me.permissions['diagnostic.comment'] ?? []).length > 0;
  const newest = d.versions[d.versions.length - 1];
  const search = new URLSearchParams(window.location.search);
  const place = territoryName(d.territory);
  const publish = useForm({});
  const onPublish = publish.submit(() => postJson<Diagnostic>(`/api/v1/diagnostics/${d.id}/publish`, {}, me.csrf_token), {
    onSuccess: () => {
      window.history.replaceState(null, '', `/diagnostics/${d.id}?publie=1`);
      reload();
    },
  });
  const notice = search.has('publie') && d.state === 'published' ? t('diag.published') : search.has('enregistre') && d.state === 'draft' ? t('diag.saved') : null;
  return (
    <>
      <nav role="navigation" class="fr-breadcrumb" aria-label={t('diag.breadcrumb')}>
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/plan">{t('nav.plan')}</a></li>
          <li><a class="fr-breadcrumb__link" href={fieldViewHref(d.measure)}>{d.measure} — {t('diag.field_view.title')}</a></li>
          <li><a class="fr-breadcrumb__link" aria-current="page">{t('diag.page.title')}</a></li>
        </ol>
      </nav>
      {notice && (
        <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notice}</p>
        </div>
      )}
      <h1>{t('diag.page.heading', { measure: d.measure, territory: place, period: periodLabel(d.period, t) })}</h1>
      <ul class="fr-badges-group">
        <li><p class={`fr-badge ${RATING_BADGE[d.rating]}`} data-testid="diagnostic-rating">{t(ratingKey(d.rating))}</p></li>
        <li><p class={`fr-badge ${STATE_BADGE[d.state]}`} data-testid="diagnostic-state">{t(`diag.state.${d.state}`)}</p></li>
        {d.visibility === 'coordination' && <li><p class="fr-badge fr-badge--purple-glycine">{t('diag.visibility_short.coordination')}</p></li>}
      </ul>
      <p>
        {t('diag.by', { org: d.author_organisation, type: t(orgType(d.author_type)) })} · {t('diag.version', { n: d.version })},{' '}
        {d.published_at ? t('diag.published_on', { date: dayLabel(d.published_at, lang) }) : t('diag.created_on', { date: dayLabel(d.created_at, lang) })}
      </p>
      {newest && newest.id !== d.id && (
        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
          <p>
            {t('diag.newer')} <a href={`/diagnostics/${newest.id}`}>{t('diag.newer_link', { n: newest.version })}</a>
          </p>
        </div>
      )}
      {mayEdit && (d.state === 'draft' || (d.state === 'published' && newest?.id === d.id)) && (
        <form onSubmit={onPublish} noValidate>
          <FormSummary form={publish} />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            {d.state === 'draft' && (
              <li>
                <button class="fr-btn" type="submit" disabled={publish.busy}>{t('diag.publish')}</button>
              </li>
            )}
            <li>
              <a class="fr-btn fr-btn--secondary" href={`/diagnostics/${d.id}/modifier`}>{d.state === 'draft' ? t('diag.edit') : t('diag.new_version')}</a>
            </li>
          </ul>
        </form>
      )}
      {(['strengths', 'obstacles', 'recommendations'] as const).map((f) => (
        <section key={f} class="fr-mt-4w" aria-labelledby={`diag-${f}-heading`}>
          <h2 class="fr-h4" id={`diag-${f}-heading`}>{t(`diag.field.${f}`)}</h2>
          {d[f].trim() ? <Markdown text={d[f]} /> : <p class="fr-text--sm">{t('diag.empty_text')}</p>}
        </section>
      ))}
      <h2 class="fr-h4 fr-mt-4w">{t('diag.field.evidence')}</h2>
      {d.evidence.length === 0 ? (
        <p class="fr-text--sm">{t('diag.no_evidence')}</p>
      ) : (
        <ul>
          {d.evidence.map((e, i) => {
            const href = safeHref(e.url);
            return (
              <li key={i}>
                {e.figure && <strong>{e.figure} </strong>}
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer nofollow">{e.label || e.url}</a>
                ) : (
                  <>{e.label} {e.url}</>
                )}
                {e.source && <span class="fr-text--sm"> ({t('diag.evidence.source', { source: e.source })})</span>}
              </li>
            );
          })}
        </ul>
      )}
      <Versions d={d} />
      <Reply me={me} d={d} may={mayReply} reload={reload} />
      <Comments me={me} d={d} may={mayComment} reload={reload} />
    </>
  );
}

function Versions({ d }: { d: DiagnosticDetail }) {
  const { t, lang } = useI18n();
  if (d.versions.length < 2) return null;
  return (
    <section class="fr-mt-4w" aria-labelledby="diag-versions">
      <h2 class="fr-h4" id="diag-versions">{t('diag.versions')}</h2>
      <div class="fr-table fr-table--sm fr-table--no-caption">
        <table tabIndex={0}>
          <caption>{t('diag.versions_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('diag.col.version')}</th>
              <th scope="col">{t('diag.col.rating')}</th>
              <th scope="col">{t('diag.col.state')}</th>
              <th scope="col">{t('diag.col.date')}</th>
            </tr>
          </thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.id}>
                <td>{v.id === d.id ? <>{t('diag.version', { n: v.version })} ({t('diag.this_version')})</> : <a href={`/diagnostics/${v.id}`}>{t('diag.version', { n: v.version })}</a>}</td>
                <td>{t(ratingKey(v.rating))}</td>
                <td>{t(`diag.state.${v.state}`)}</td>
                <td>{dayLabel(v.published_at ?? v.updated_at, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MessageText({ m }: { m: Message }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Markdown text={m.text} />
      <p class="fr-text--xs fr-mb-0">{t('diag.reply.by', { org: m.organisation, date: dayLabel(m.created_at, lang) })}</p>
    </>
  );
}

function Reply({ me, d, may, reload }: { me: Me; d: DiagnosticDetail; may: boolean; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const earlier = d.replies.filter((r) => r.id !== d.reply?.id).reverse();
  return (
    <section aria-labelledby="diag-reply" class="fr-mt-4w">
      <h2 class="fr-h4" id="diag-reply">{t('diag.reply.heading')}</h2>
      {d.reply ? (
        <div class="fr-callout" data-testid="diagnostic-reply">
          <MessageText m={d.reply} />
        </div>
      ) : (
        <p>{t('diag.reply.none')}</p>
      )}
      {earlier.length > 0 && (
        <details class="fr-mb-3w">
          <summary>{t('diag.reply.revisions', { n: earlier.length })}</summary>
          <ul class="vigie-timeline fr-mt-2w">
            {earlier.map((r) => (
              <li key={r.id}>
                <MessageText m={r} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {may && (
        <TextForm
          me={me}
          id="diag-reply-text"
          path={`/api/v1/diagnostics/${d.id}/reply`}
          label={d.reply ? t('diag.reply.field_revise') : t('diag.reply.field')}
          submit={t('diag.reply.submit')}
          saved={t('diag.reply.saved')}
          initial={d.reply?.text ?? ''}
          reload={reload}
        />
      )}
    </section>
  );
}

function Comments({ me, d, may, reload }: { me: Me; d: DiagnosticDetail; may: boolean; reload: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="diag-comments" class="fr-mt-4w">
      <h2 class="fr-h4" id="diag-comments">{t('diag.comments.heading')}</h2>
      {d.state === 'draft' ? (
        <p>{t('diag.comments.draft')}</p>
      ) : d.comments.length === 0 ? (
        <p>{t('diag.comments.none')}</p>
      ) : (
        <ul class="vigie-timeline" data-testid="diagnostic-comments">
          {d.comments.map((c) => (
            <li key={c.id}>
              <MessageText m={c} />
            </li>
          ))}
        </ul>
      )}
      {may && <TextForm me={me} id="diag-comment-text" path={`/api/v1/diagnostics/${d.id}/comments`} label={t('diag.comments.field')} submit={t('diag.comments.submit')} saved={t('diag.comments.saved')} initial="" reload={reload} clear />}
    </section>
  );
}

// One text and a button (a reply, a comment): the guard checks it live, a refusal keeps it.
function TextForm(p: { me: Me; id: string; path: string; label: string; submit: string; saved: string; initial: string; reload: () => Promise<void>; clear?: boolean }) {
  const { t } = useI18n();
  const form = useForm({ text: p.initial });
  const onSubmit = form.submit((x) => postJson(p.path, { text: x.text }, p.me.csrf_token), {
    validate: (): Record<string, string> => (form.values.text.trim() !== '' ? {} : { text: t('error.required') }),
    onSuccess: () => {
      if (p.clear) form.set('text', '');
      notificationsChanged();
      p.reload();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={p.submit}>
      <FormSummary form={form} idOf={() => p.id} success={form.saved && p.saved} />
      <GuardedText
        id={p.id}
        name="text"
        label={p.label}
        hint={t('diag.field.text_hint')}
        value={form.values.text}
        error={form.errors.text}
        limit={TEXT_LIMIT}
        rows={4}
        onInput={(v) => form.set('text', v)}
        onCheck={(m) => m === null && form.errors.text && form.setErrors({})}
      />
      <button class="fr-btn" type="submit" disabled={form.busy}>{p.submit}</button>
    </form>
  );
}
