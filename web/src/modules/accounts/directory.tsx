import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from '../api';
import { FormField, fieldErrors } from '../components/form-field';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { can, postJson, useSession, type Me } from '../session';

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
  const [form, setForm] = useState({ code: '', name: '', type: 'association', territory: 'national' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await postJson('/api/v1/organisations', form, me.csrf_token);
      setErrors({});
      setDone(true);
      setForm({ code: '', name: '', type: 'association', territory: 'national' });
      onCreated();
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrors(err.problem.errors, () => null));
    }
  };
  return (
    <form onSubmit={submit} noValidate class="fr-mt-4w">
      <h2>{t('directory.new_org')}</h2>
      {done && (
        <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{t('directory.org_created')}</p>
        </div>
      )}
      <FormField id="org-code" label={t('directory.code')} hint={t('directory.code_hint')} value={form.code} error={errors.code} onInput={(v) => setForm({ ...form, code: v.toUpperCase() })} />
      <FormField id="org-name" label={t('directory.name')} value={form.name} error={errors.name} onInput={(v) => setForm({ ...form, name: v })} />
      <div class="fr-select-group">
        <label class="fr-label" for="org-type">
          {t('directory.type')}
        </label>
        <select class="fr-select" id="org-type" value={form.type} onChange={(e) => setForm({ ...form, type: (e.target as HTMLSelectElement).value })}>
          {ORG_TYPES.map((o) => (
            <option value={o} key={o}>
              {t(`orgtype.${o}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <FormField id="org-territory" label={t('directory.territory')} hint={t('directory.territory_hint')} value={form.territory} error={errors.territory} onInput={(v) => setForm({ ...form, territory: v })} />
      <button class="fr-btn" type="submit">
        {t('directory.create')}
      </button>
    </form>
  );
}

function Members({ me, org }: { me: Me; org: Org }) {
  const { t } = useI18n();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [invite, setInvite] = useState({ email: '', display_name: '', role: 'contributor' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const relation = org.code === me.organisation.code ? 'own_organisation' : 'none';
  const load = () =>
    getJson<{ members: Member[] }>(`/api/v1/organisations/${encodeURIComponent(org.code)}/members`)
      .then((r) => setMembers(r.members))
      .catch(() => setMembers([]));
  useEffect(() => {
    load();
  }, [org.code]);
  const disable = async (m: Member) => {
    await postJson(`/api/v1/users/${m.id}/disable`, {}, me.csrf_token);
    await load();
  };
  const sendInvite = async (e: Event) => {
    e.preventDefault();
    try {
      await postJson('/api/v1/invitations', { ...invite, org: org.code }, me.csrf_token);
      setErrors({});
      setSent(true);
      setInvite({ email: '', display_name: '', role: 'contributor' });
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrors(err.problem.errors, () => null));
    }
  };
  return (
    <section class="fr-mt-4w" aria-labelledby="members-title">
      <h2 id="members-title">{t('directory.members_of', { name: org.name })}</h2>
      <div class="fr-table">
        <table>
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
            {(members ?? []).map((m) => (
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
      {can(me, 'user.invite', relation) && (
        <form onSubmit={sendInvite} noValidate>
          <h3>{t('directory.invite')}</h3>
          {sent && (
            <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
              <p>{t('directory.invited')}</p>
            </div>
          )}
          <FormField id="inv-email-new" label={t('login.email')} type="email" value={invite.email} error={errors.email} onInput={(v) => setInvite({ ...invite, email: v })} />
          <FormField id="inv-name-new" label={t('invitation.name')} value={invite.display_name} error={errors.display_name} onInput={(v) => setInvite({ ...invite, display_name: v })} />
          <div class="fr-select-group">
            <label class="fr-label" for="inv-role">
              {t('directory.role')}
            </label>
            <select class="fr-select" id="inv-role" value={invite.role} onChange={(e) => setInvite({ ...invite, role: (e.target as HTMLSelectElement).value })}>
              {ROLES.map((r) => (
                <option value={r} key={r}>
                  {t(`role.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <button class="fr-btn" type="submit">
            {t('directory.send_invite')}
          </button>
        </form>
      )}
    </section>
  );
}

// The committee directory: every member organisation; members and invitations for those who
// administer them; new organisations for the coordination's and platform's administrators.
export function Directory() {
  const { t } = useI18n();
  const { me, loading } = useSession();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [selected, setSelected] = useState<Org | null>(null);
  const load = () => getJson<{ organisations: Org[] }>('/api/v1/organisations').then((r) => setOrgs(r.organisations));
  useEffect(() => {
    if (!loading && !me) navigate('/connexion');
    if (me) load().catch(() => setOrgs([]));
  }, [loading, me]);
  if (!me)
    return (
      <div class="fr-container fr-my-6w">
        <p>{t('status.checking')}</p>
      </div>
    );
  const manages = (o: Org) => can(me, 'member.list', o.code === me.organisation.code ? 'own_organisation' : 'none');
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('directory.heading')}</h1>
      <div class="fr-table">
        <table>
          <caption>{t('directory.caption', { count: orgs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.name')}</th>
              <th scope="col">{t('directory.type')}</th>
              <th scope="col">{t('directory.territory')}</th>
              <th scope="col">{t('sessions.action')}</th>
            </tr>
          </thead>
          <tbody>
            {orgs.map((o) => (
              <tr key={o.code}>
                <td>{o.name}</td>
                <td>{t(`orgtype.${o.type}` as MessageKey)}</td>
                <td>{o.territory === 'national' ? t('account.national') : o.territory}</td>
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
      {selected && <Members me={me} org={selected} />}
      {can(me, 'organisation.create', 'none') && <NewOrganisation me={me} onCreated={load} />}
    </div>
  );
}
