import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from '../api';
import { FormField, fieldErrors, newPasswordErrors } from '../components/form-field';
import { useI18n, type MessageKey } from '../i18n';
import { postJson } from '../session';

interface Info {
  email: string;
  display_name: string;
  organisation: string;
  role: string;
  requires_totp: boolean;
}
interface Accepted {
  email: string;
  organisation: string;
  totp_secret?: string;
  totp_qr_svg?: string;
}

const svgUrl = (svg: string) => `data:image/svg+xml;base64,${btoa(svg)}`;

// Accepting an invitation: choose a password (and, for accounts that require it, scan the
// authenticator QR code), then log in.
export function Invitation({ token }: { token: string }) {
  const { t } = useI18n();
  const [info, setInfo] = useState<Info | null | 'gone'>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<Accepted | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getJson<Info>(`/api/v1/invitations/${encodeURIComponent(token)}`)
      .then((i) => {
        setInfo(i);
        setName(i.display_name);
      })
      .catch(() => setInfo('gone'));
  }, [token]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local = newPasswordErrors(password, confirm, t);
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      setDone(await postJson<Accepted>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { display_name: name, password }));
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors)
        setErrors(fieldErrors(err.problem.errors, (_f, code) => (code === 'common' ? t('password.common') : null)));
      else setInfo('gone');
    } finally {
      setBusy(false);
    }
  };

  if (info === null) return <div class="fr-container fr-my-6w"><p>{t('status.checking')}</p></div>;
  if (info === 'gone')
    return (
      <div class="fr-container fr-my-6w">
        <h1>{t('invitation.heading')}</h1>
        <div class="fr-alert fr-alert--error" role="alert">
          <p>{t('invitation.gone')}</p>
        </div>
      </div>
    );
  if (done)
    return (
      <div class="fr-container fr-my-6w">
        <h1>{t('invitation.done_heading')}</h1>
        <div class="fr-alert fr-alert--success fr-mb-4w" role="status" data-testid="invitation-done">
          <p>{t('invitation.done', { organisation: done.organisation })}</p>
        </div>
        {done.totp_secret && done.totp_qr_svg && (
          <div class="fr-callout fr-mb-4w">
            <h2 class="fr-callout__title">{t('totp.scan_heading')}</h2>
            <p class="fr-callout__text">{t('totp.scan_required')}</p>
            <img src={svgUrl(done.totp_qr_svg)} width={200} height={200} alt={t('totp.qr_alt')} />
            <p>
              {t('totp.secret_label')} <code data-testid="totp-secret">{done.totp_secret}</code>
            </p>
          </div>
        )}
        <a class="fr-btn" href="/connexion">
          {t('nav.login')}
        </a>
      </div>
    );
  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('invitation.heading')}</h1>
          <p class="fr-text--lead">
            {t('invitation.lead', { organisation: info.organisation, role: t(`role.${info.role}` as MessageKey) })}
          </p>
          {Object.keys(errors).length > 0 && (
            <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
              <p>{t('login.fix_fields')}</p>
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <FormField id="inv-email" label={t('login.email')} value={info.email} readOnly onInput={() => undefined} />
            <FormField id="inv-name" label={t('invitation.name')} value={name} autocomplete="name" error={errors.display_name} onInput={setName} />
            <FormField id="inv-password" label={t('login.password')} hint={t('password.rules')} type="password" autocomplete="new-password" value={password} error={errors.password} onInput={setPassword} />
            <FormField id="inv-confirm" label={t('password.confirm')} type="password" autocomplete="new-password" value={confirm} error={errors.confirm} onInput={setConfirm} />
            <button class="fr-btn" type="submit" disabled={busy}>
              {t('invitation.submit')}
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
