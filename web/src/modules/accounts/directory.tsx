import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { postJson } from '../../kit/api';
import { FormField, SelectField } from '../../kit/fields';
import { failureMessage } from '../../kit/field-errors';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { territoryLabel, territoryName } from '../../kit/territories';
import { can, type Me } from '../../session';

interface Org {
  code: string;
  name: string;
  type: string;
  territory: string;
}
interface Member {
  id: number;
  email: string;
  display_name: string;
  role: string;
  disabled: boolean;
  totp_enabled: boolean;
}

const ORG_TYPES = ['coordination', 'ministry', 'prefecture', 'parquet', 'police', 'association', 'union', 'independent_body'];
const ROLES = ['viewer', 'contributor', 'referent', 'org_admin'];

function NewOrganisation({ me, onCreated }: { me: Me; onCreated: () => void }) {
  const { t } = useI18n();
  const empty = { code: '', name: '', type: 'association', territory: 'national' };
  const form = useForm(empty);
  const { values: v, errors } = form;
  const submit = form.submit((values) => postJson('/api/v1/organisations', values, me.csrf_token), {
    onSuccess: () => {
      form.setValues(empty);
      onCreated();
    },
  });
  return (
    <form onSubmit={submit} noValidate class="fr-mt-4w" aria-labelledby="new-org-title">
      <h2 id="new-org-title">{t('directory.new_org')}</h2>
      <FormSummary form={form} idOf={(f) => `org-${f}`} success={form.saved && t('directory.org_created')} />
      <FormField id="org-code" label={t('directory.code')} hint={t('directory.code_hint')} value={v.code} error={errors.code} onInput={(x) => form.set('code', x.toUpperCase())} />
      <FormField id="org-name" label={t('directory.name')} value={v.name} error={errors.name} onInput={(x) => form.set('name', x)} />
      <SelectField id="org-type" label={t('directory.type')} value={v.type} error={errors.type} options={ORG_TYPES.map((o) => ({ value: o, label: t(`orgtype.${o}` as MessageKey) }))} onChange={(x) => form.set('type', x)} />
      <FormField id="org-territory" label={t('directory.territory')} hint={t('directory.territory_hint')} value={v.territory} error={errors.territory} onInput={(x) => form.set('territory', x)} />
      <button class="fr-btn" type="submit" disabled={form.busy}>
        {t('directory.create')}
      </button>
    </form>
  );
}

function Invite({ me, org }: { me: Me; org: Org }) {
  const { t } = useI18n();
  const empty = { email: '', display_name: '', role: 'contributor' };
  const form = useForm(empty);
  const { values: v, errors } = form;
  const ids: Record<string, string> = { email: 'inv-email-new', display_name: 'inv-name-new', role: 'inv-role' };
  const submit = form.submit((values) => postJson('/api/v1/invitations', { ...values, org: org.code }, me.csrf_token), { onSuccess: () => form.setValues(empty) });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h3 id="invite-title">{t('directory.invite')}</h3>
      <FormSummary form={form} idOf={(f) => ids[f] ?? null} success={form.saved && t('directory.invited')} />
      <FormField id="inv-email-new" label={t('login.email')} type="email" value={v.email} error={errors.email} onInput={(x) => form.set('email', x)} />
      <FormField id="inv-name-new" label={t('invitation.name')} value={v.display_name} error={errors.display_name} onInput={(x) => form.set('display_name', x)} />
      <SelectField id="inv-role" label={t('directory.role')} value={v.role} error={errors.role} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} onChange={(x) => form.set('role', x)} />
      <button class="fr-btn" type="submit" disabled={form.busy}>
        {t('directory.send_invite')}
      </button>
    </form>
  );
}

function Members({ me, org }: { me: Me; org: Org }) {
  const { t } = useI18n();
  const members = useResource<{ members: Member[] }>(`/api/v1/organisations/${encodeURIComponent(org.code)}/members`);
  const [error, setError] = useState('');
  const relation = org.code === me.organisation.code ? 'own_organisation' : 'none';
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);
  const disable = async (m: Member) => {
    setError('');
    try {
      await postJson(`/api/v1/users/${m.id}/disable`, {}, me.csrf_token);
      await members.reload();
    } catch (err) {
      setError(failureMessage(err, t));
    }
  };
  return (
    <section class="fr-mt-4w" aria-labelledby="members-title">
      {/* Shown below a long table: the heading comes into view and takes the focus, so that
          a keyboard or screen-reader user lands on what they asked for. */}
      <h2 id="members-title" tabIndex={-1} ref={heading}>{t('directory.members_of', { name: org.name })}</h2>
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{error}</p>
        </div>
      )}
      <ResourceView resource={members}>
        {(r) => (
          <div class="fr-table">
            <table tabIndex={0}>
              <caption>{t('directory.members_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('invitation.name')}</th>
                  <th scope="col">{t('login.email')}</th>
                  <th scope="col">{t('directory.role')}</th>
                  <th scope="col">{t('sessions.action')}</th>
                </tr>
              </thead>
              <tbody>
                {r.members.map((m) => (
                  <tr key={m.id}>
                    <td>{m.display_name}</td>
                    <td>{m.email}</td>
                    <td>{t(`role.${m.role}` as MessageKey)}</td>
                    <td>
                      {m.disabled ? (
                        <p class="fr-badge fr-badge--sm">{t('directory.disabled')}</p>
                      ) : can(me, 'member.disable', relation) && m.id !== me.user.id ? (
                        <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" onClick={() => disable(m)}>
                          {t('directory.disable')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
      {can(me, 'user.invite', relation) && <Invite me={me} org={org} key={org.code} />}
    </section>
  );
}

// The committee directory: every member organisation; members and invitations for those who
// administer them; new organisations for the coordination's and platform's administrators.
export function Directory() {
  return <MemberPage>{(me) => <DirectoryOf me={me} />}</MemberPage>;
}

function DirectoryOf({ me }: { me: Me }) {
  const { t } = useI18n();
  const orgs = useResource<{ organisations: Org[] }>('/api/v1/organisations');
  const [selected, setSelected] = useState<Org | null>(null);
  const manages = (o: Org) => can(me, 'member.list', o.code === me.organisation.code ? 'own_organisation' : 'none');
  const [query, setQuery] = useState('');
  const place = (o: Org) => (o.territory === 'national' ? t('account.national') : territoryLabel(o.territory));
  // Accent- and case-insensitive, on the name, the code, the type and the territory's name.
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const matches = (o: Org) => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const text = fold([o.name, o.code, t(`orgtype.${o.type}` as MessageKey), o.territory, territoryName(o.territory)].join(' '));
    return words.every((w) => text.includes(w));
  };
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('directory.heading')}</h1>
      <ResourceView resource={orgs}>
        {({ organisations }) => {
          const shown = organisations.filter(matches);
          return (
            <>
              <div class="vigie-narrow-form" role="search">
              <FormField id="directory-search" label={t('directory.search')} hint={t('directory.search_placeholder')} type="search" value={query} onInput={setQuery} />
            </div>
            <p class="fr-text--sm" role="status" data-testid="directory-count">
              {query ? t(shown.length <= 1 ? 'directory.found_one' : 'directory.found', { count: shown.length, total: organisations.length }) : ''}
            </p>
            <div class="fr-table">
              <table tabIndex={0}>
                <caption>{t('directory.caption', { count: organisations.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('directory.name')}</th>
                    <th scope="col">{t('directory.type')}</th>
                    <th scope="col">{t('directory.territory')}</th>
                    <th scope="col">{t('sessions.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((o) => (
                    <tr key={o.code}>
                      <td>{o.name}</td>
                      <td>{t(`orgtype.${o.type}` as MessageKey)}</td>
                      <td>{place(o)}</td>
                      <td>
                        {manages(o) && (
                          <button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" onClick={() => setSelected(o)}>
                            {t('directory.see_members')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            </>
          );
        }}
      </ResourceView>
      {selected && <Members me={me} org={selected} key={selected.code} />}
      {can(me, 'organisation.create', 'none') && <NewOrganisation me={me} onCreated={orgs.reload} />}
    </div>
  );
}
