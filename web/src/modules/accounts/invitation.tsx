import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { asApiError, postJson } from '../../kit/api';
import { errorsByField } from '../../kit/field-errors';
import { FormField, newPasswordErrors } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';

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
  const info = useResource<Info>(`/api/v1/invitations/${encodeURIComponent(token)}`);
  const [gone, setGone] = useState(false);
  const goneAlert = (
    <>
      <h1>{t('invitation.heading')}</h1>
      <div class="fr-alert fr-alert--error" role="alert">
        <p>{t('invitation.gone')}</p>
      </div>
    </>
  );
  return (
    <div class="fr-container fr-my-6w">
      {gone ? (
        goneAlert
      ) : (
        <ResourceView resource={info} notFound={t('invitation.gone')}>
          {(i) => <Accept token={token} info={i} onGone={() => setGone(true)} key={token} />}
        </ResourceView>
      )}
    </div>
  );
}

function Accept({ token, info, onGone }: { token: string; info: Info; onGone: () => void }) {
  const { t, lang } = useI18n();
  const form = useForm({ display_name: info.display_name, password: '', confirm: '' });
  const { values: v, errors } = form;
  const [done, setDone] = useState<Accepted | null>(null);
  const submit = form.submit((x) => postJson<Accepted>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { display_name: x.display_name, password: x.password }), {
    validate: () => newPasswordErrors(v.password, v.confirm, t),
    onSuccess: setDone,
    onError: (err) => {
      const e = asApiError(err);
      if (e.fieldErrors.length || e.unreachable) return errorsByField(err, t, lang);
      onGone();
      return null;
    },
  });
  const ids: Record<string, string> = { display_name: 'inv-name', password: 'inv-password', confirm: 'inv-confirm' };

  if (done)
    return (
      <>
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
      </>
    );
  return (
    <div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{t('invitation.heading')}</h1>
        <p class="fr-text--lead">{t('invitation.lead', { organisation: info.organisation, role: t(`role.${info.role}` as MessageKey) })}</p>
        <form onSubmit={submit} noValidate>
          <FormSummary form={form} idOf={(f) => ids[f] ?? null} />
          <FormField id="inv-email" label={t('login.email')} value={info.email} readOnly onInput={() => undefined} />
          <FormField id="inv-name" label={t('invitation.name')} value={v.display_name} autocomplete="name" error={errors.display_name} onInput={(x) => form.set('display_name', x)} />
          <FormField id="inv-password" label={t('login.password')} hint={t('password.rules')} type="password" autocomplete="new-password" value={v.password} error={errors.password} onInput={(x) => form.set('password', x)} />
          <FormField id="inv-confirm" label={t('password.confirm')} type="password" autocomplete="new-password" value={v.confirm} error={errors.confirm} onInput={(x) => form.set('confirm', x)} />
          <button class="fr-btn" type="submit" disabled={form.busy}>
            {t('invitation.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
