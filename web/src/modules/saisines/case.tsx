// A saisine's page: its state and deadlines, its content (the whole case for the filing
// organisation and the coordinator; the summary and the shared parts for the authority), the
// checklist, the timeline of signed transitions, the two threads (each reader sees only its
// own), and the transitions the reader may make, as buttons that open their short form.
import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { postJson, request } from '../../kit/api';
import { errorsByField } from '../../kit/field-errors';
import { SelectField, TextAreaField } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import { formatDate } from '../../kit/dates';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { Checklist } from './checklist';
import { StateBadge } from './list';
import { DECLINED_REASONS, NOT_RESOLVED_REASONS, TEXT_LIMIT, departementName, type Saisine, type State, type ThreadMessage } from './types';

export function SaisinePage({ id }: { id: string }) {
  return <MemberPage>{(me) => <Case me={me} id={id} />}</MemberPage>;
}

function Case({ me, id }: { me: Me; id: string }) {
  const { t, lang } = useI18n();
  const s = useResource<Saisine>(`/api/v1/saisines/${encodeURIComponent(id)}`);
  const [done, setDone] = useState<State | null>(null);
  return (
    <div class="fr-container fr-my-6w">
      <ResourceView resource={s} notFound={<><h1>{t('sais.page.title')}</h1><p>{t('sais.page.not_found')}</p></>}>
        {(x) => (
          <>
            <p class="fr-mb-1w">{t('sais.case_number', { id: x.id })} · {t(`sais.category.${x.category}` as MessageKey)}</p>
            <h1 data-testid="saisine-title">{x.title ?? t('sais.case_number', { id: x.id })}</h1>
            <div class="fr-mb-3w" data-testid="saisine-state" data-state={x.state}>
              <StateBadge state={x.state} />
              {x.overdue && <p class="fr-badge fr-badge--sm fr-badge--warning fr-ml-1w">{t('sais.page.overdue')}</p>}
              {x.committee_flag && <p class="fr-badge fr-badge--sm fr-badge--error fr-ml-1w">{t('sais.page.committee')}</p>}
            </div>
            {done && (
              <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
                <p>{t('sais.act.done', { state: t(`sais.state.${done}` as MessageKey) })}</p>
              </div>
            )}
            {x.view === 'authority' && (
              <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
                <p>{t('sais.page.authority_view')}</p>
              </div>
            )}
            <ul class="fr-text--sm">
              {x.filer && <li>{t('sais.page.filed_by', { org: x.filer })}</li>}
              <li>
                {t('label_value', { label: t('sais.col.authority'), value: x.authority_name || x.authority || '—' })}
              </li>
              <li>
                {t('label_value', { label: t('sais.col.departement'), value: x.departement ? `${x.departement} — ${departementName(x.departement)}` : '—' })}
              </li>
              {x.persons ? <li>{t('sais.page.persons', { n: x.persons })}</li> : null}
              {x.state === 'submitted' && x.triage_due && <li>{t('sais.page.triage_due', { date: formatDate(x.triage_due, lang) })}</li>}
              {x.state === 'referred' && x.answer_due && <li>{t('sais.page.answer_due', { date: formatDate(x.answer_due, lang) })}</li>}
            </ul>
            {x.view === 'full' && (x.state === 'draft' || x.state === 'needs_information') && x.filer === me.organisation.code && can(me, 'saisine.edit') && (
              <p>
                <a class="fr-btn fr-btn--secondary" href={`/saisines/${x.id}/modifier`}>
                  {t('sais.page.edit')}
                </a>
              </p>
            )}
            <Transitions me={me} s={x} onDone={async (to) => { setDone(to); await s.reload(); }} />
            <div class="fr-grid-row fr-grid-row--gutters fr-mt-2w">
              <div class="fr-col-12 fr-col-md-8">
                <Content s={x} />
                <Timeline s={x} />
                {x.attachments && <Files me={me} s={x} onAdded={s.reload} />}
                {x.view === 'full' && <Thread me={me} s={x} thread="filer" onSent={s.reload} />}
                {(x.view === 'authority' || (me.organisation.type === 'coordination' && x.referred_at)) && <Thread me={me} s={x} thread="authority" onSent={s.reload} />}
              </div>
              {x.checklist && (
                <div class="fr-col-12 fr-col-md-4">
                  <Checklist lines={x.checklist} lang={lang} />
                </div>
              )}
            </div>
          </>
        )}
      </ResourceView>
    </div>
  );
}

function Content({ s }: { s: Saisine }) {
  const { t, lang } = useI18n();
  return (
    <>
      <section class="fr-mb-3w" aria-labelledby="sais-summary">
        <h2 class="fr-h5" id="sais-summary">{t('sais.page.summary')}</h2>
        <p data-testid="saisine-summary">{s.summary || t('sais.page.no_summary')}</p>
      </section>
      {s.facts !== undefined && (
        <section class="fr-mb-3w" aria-labelledby="sais-facts">
          <h2 class="fr-h5" id="sais-facts">{t('sais.page.facts')}</h2>
          <p class="vigie-prewrap" data-testid="saisine-facts">{s.facts}</p>
        </section>
      )}
      {s.chronology !== undefined && (
        <section class="fr-mb-3w" aria-labelledby="sais-chronology">
          <h2 class="fr-h5" id="sais-chronology">{t('sais.page.chronology')}</h2>
          <ul data-testid="saisine-chronology">
            {[...s.chronology].sort((a, b) => a.date.localeCompare(b.date)).map((e, i) => (
              <li key={i}>
                {formatDate(e.date, lang)} — {e.event}
                {e.kind && <span class="fr-text--sm"> ({t(`sais.kind.${e.kind}` as MessageKey)})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.steps !== undefined && (
        <section class="fr-mb-3w" aria-labelledby="sais-steps">
          <h2 class="fr-h5" id="sais-steps">{t('sais.page.steps')}</h2>
          <ul>
            {s.steps.map((e, i) => (
              <li key={i}>
                {formatDate(e.date, lang)} — {e.step}
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.expected !== undefined && (
        <section class="fr-mb-3w" aria-labelledby="sais-expected">
          <h2 class="fr-h5" id="sais-expected">{t('sais.page.expected')}</h2>
          <p class="vigie-prewrap">{s.expected}</p>
        </section>
      )}
    </>
  );
}

function Timeline({ s }: { s: Saisine }) {
  const { t, lang } = useI18n();
  return (
    <section class="fr-mb-3w" aria-labelledby="sais-timeline">
      <h2 class="fr-h5" id="sais-timeline">{t('sais.timeline.heading')}</h2>
      <ol data-testid="saisine-timeline">
        {(s.timeline ?? []).map((e, i) => (
          <li key={i} data-to={e.to}>
            {t('sais.timeline.entry', { state: t(`sais.state.${e.to}` as MessageKey), date: formatDate(e.at, lang), org: e.organisation || t('sais.timeline.by_filer') })}
            {e.reason && <> — {t(`sais.reason.${e.reason}` as MessageKey)}</>}
            {e.message && <p class="fr-text--sm fr-mb-1w vigie-prewrap">{e.message}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

const CONCLUDED: State[] = ['closed', 'declined', 'withdrawn'];

// The case's files: links that download them (served as attachments, sandboxed), and, for the
// filing organisation and the coordinator while the case is open, a field to add one.
function Files({ me, s, onAdded }: { me: Me; s: Saisine; onAdded: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayAdd = !CONCLUDED.includes(s.state) && (me.organisation.type === 'coordination' ? can(me, 'saisine.triage', 'none') : s.filer === me.organisation.code && can(me, 'saisine.edit'));
  const size = (n: number) => (n < 1024 * 1024 ? t('sais.files.kib', { n: Math.max(1, Math.round(n / 1024)) }) : t('sais.files.mib', { n: (n / (1024 * 1024)).toFixed(1) }));
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await request<{ metadata_removed: boolean }>(`/api/v1/saisines/${s.id}/attachments`, { method: 'POST', form, csrf: me.csrf_token });
      setNotice(r.metadata_removed ? t('sais.files.metadata_removed') : t('sais.files.added'));
      input.value = '';
      await onAdded();
    } catch (err) {
      const e = errorsByField(err, t, lang);
      setError(e.file ?? e.form ?? Object.values(e)[0] ?? null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="fr-mb-4w" aria-labelledby="sais-files" data-testid="saisine-files">
      <h2 class="fr-h5" id="sais-files">{t('sais.files.heading')}</h2>
      {(s.attachments ?? []).length === 0 ? (
        <p>{t('sais.files.none')}</p>
      ) : (
        <ul>
          {s.attachments!.map((a) => (
            <li key={a.id}>
              <a href={`/api/v1/saisines/${s.id}/attachments/${a.id}`} download={a.name}>
                {a.name}
              </a>{' '}
              <span class="fr-text--sm">
                ({size(a.size)}, {a.organisation}, {formatDate(a.created_at, lang)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {notice && (
        <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{notice}</p>
        </div>
      )}
      {mayAdd && (
        <div class={`fr-upload-group${error ? ' fr-upload-group--error' : ''}`}>
          <label class="fr-label" for="sais-file">
            {t('sais.files.add')}
            <span class="fr-hint-text">{t('sais.files.hint')}</span>
          </label>
          <input class="fr-upload" type="file" id="sais-file" accept=".pdf,.jpg,.jpeg,.png,.odt,.docx" disabled={busy} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'sais-file-error' : undefined} onChange={(e) => upload(e.target as HTMLInputElement)} />
          {error && (
            <p class="fr-error-text" id="sais-file-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function Thread({ me, s, thread, onSent }: { me: Me; s: Saisine; thread: 'filer' | 'authority'; onSent: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const messages: ThreadMessage[] = s.threads?.[thread] ?? [];
  const form = useForm({ text: '' });
  const id = `sais-thread-${thread}`;
  const mayWrite = me.organisation.type === 'coordination' ? can(me, 'saisine.triage', 'none') : thread === 'filer' ? s.filer === me.organisation.code && can(me, 'saisine.edit') : can(me, 'saisine.answer', 'addressed_to_me');
  const send = form.submit((x) => postJson(`/api/v1/saisines/${s.id}/messages`, { thread, text: x.text }, me.csrf_token), {
    validate: (): Record<string, string> => (form.values.text.trim() ? {} : { text: t('error.required.message') }),
    onSuccess: async () => {
      form.set('text', '');
      await onSent();
    },
  });
  return (
    <section class="fr-mb-4w" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 class="fr-h5" id={`${id}-heading`}>{t(`sais.thread.${thread}`)}</h2>
      {messages.length === 0 ? (
        <p>{t('sais.thread.none')}</p>
      ) : (
        <ul class="vigie-thread">
          {messages.map((m) => (
            <li key={m.id}>
              <p class="fr-text--sm fr-mb-0">{t('sais.thread.from', { org: m.organisation, date: formatDate(m.created_at, lang) })}</p>
              <p class="vigie-prewrap">{m.text}</p>
            </li>
          ))}
        </ul>
      )}
      {mayWrite && (
        <form onSubmit={send} noValidate aria-label={t(`sais.thread.${thread}`)}>
          <FormSummary form={form} idOf={() => `${id}-text`} />
          <TextAreaField id={`${id}-text`} label={t('sais.thread.message')} maxChars={TEXT_LIMIT} value={form.values.text} error={form.errors.text} findings={form.findings.text} onInput={(x) => form.set('text', x)} />
          <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>
            {t('sais.thread.send')}
          </button>
        </form>
      )}
    </section>
  );
}

// What each transition asks for (service.cpp): a message, a summary, a reason from a list.
const NEEDS: Partial<Record<State, { message?: boolean; summary?: boolean; reasons?: readonly string[] }>> = {
  needs_information: { message: true },
  referred: { summary: true },
  answered: { message: true },
  declined: { reasons: DECLINED_REASONS },
  not_resolved: { reasons: NOT_RESOLVED_REASONS, message: true },
};

function Transitions({ me, s, onDone }: { me: Me; s: Saisine; onDone: (to: State) => Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<State | null>(null);
  const form = useForm({ message: '', summary: '', reason: '' });
  if (s.allowed_transitions.length === 0) return null;
  const go = form.submit(
    (x) => {
      const need = NEEDS[open!] ?? {};
      return postJson<Saisine>(`/api/v1/saisines/${s.id}/transitions`, { to: open, ...(x.message ? { message: x.message } : {}), ...(need.summary ? { summary: x.summary } : {}), ...(need.reasons ? { reason: x.reason } : {}) }, me.csrf_token);
    },
    {
      validate: () => {
        const need = NEEDS[open!] ?? {};
        const e: Record<string, string> = {};
        if (need.message && open !== 'not_resolved' && !form.values.message.trim()) e.message = t('error.required.message');
        if (open === 'not_resolved' && !form.values.message.trim()) e.message = t('error.required.message');
        if (need.summary && !form.values.summary.trim()) e.summary = t('error.required.summary');
        if (need.reasons && !form.values.reason) e.reason = t('error.required.reason');
        return e;
      },
      onSuccess: async (r) => {
        const to = r.state;
        setOpen(null);
        form.setValues({ message: '', summary: '', reason: '' });
        await onDone(to);
      },
    },
  );
  const label = (to: State) => t(`sais.act.to.${to}` as MessageKey);
  const need = open ? (NEEDS[open] ?? {}) : {};
  return (
    <section class="fr-mb-3w" aria-labelledby="sais-act">
      <h2 class="fr-h5" id="sais-act">{t('sais.act.heading')}</h2>
      {open === null ? (
        <ul class="fr-btns-group fr-btns-group--inline-md" data-testid="saisine-transitions">
          {s.allowed_transitions.map((to) => (
            <li key={to}>
              <button type="button" class={`fr-btn${to === 'withdrawn' || to === 'declined' ? ' fr-btn--secondary' : ''}`} onClick={() => setOpen(to)}>
                {label(to)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <form onSubmit={go} noValidate aria-label={label(open)} data-testid="saisine-transition-form">
          <FormSummary form={form} idOf={(f) => `sais-act-${f}`} />
          {need.reasons && (
            <SelectField
              id="sais-act-reason"
              label={t('sais.act.reason')}
              value={form.values.reason}
              error={form.errors.reason}
              options={[{ value: '', label: t('sais.act.reason_choose') }, ...need.reasons.map((r) => ({ value: r, label: t(`sais.reason.${r}` as MessageKey) }))]}
              onChange={(x) => form.set('reason', x)}
            />
          )}
          {need.summary && (
            <TextAreaField id="sais-act-summary" label={t('sais.act.summary')} hint={t('sais.act.summary_hint')} rows={4} maxChars={TEXT_LIMIT} value={form.values.summary} error={form.errors.summary} findings={form.findings.summary} onInput={(x) => form.set('summary', x)} />
          )}
          <TextAreaField
            id="sais-act-message"
            label={open === 'needs_information' || open === 'answered' ? t(`sais.act.message.${open}`) : t('sais.act.message')}
            maxChars={TEXT_LIMIT}
            value={form.values.message}
            error={form.errors.message}
            findings={form.findings.message}
            onInput={(x) => form.set('message', x)}
          />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button class="fr-btn" type="submit" disabled={form.busy}>
                {t('sais.act.confirm', { action: label(open) })}
              </button>
            </li>
            <li>
              <button class="fr-btn fr-btn--tertiary" type="button" onClick={() => setOpen(null)}>
                {t('sais.act.cancel')}
              </button>
            </li>
          </ul>
        </form>
      )}
    </section>
  );
}
