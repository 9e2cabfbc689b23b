import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { asApiError, postJson } from '../../kit/api';
import { FormField } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import type { Me } from '../../session';

interface Start {
  secret: string;
  qr_svg: string;
}

// Setting up the second factor from "my account": scan, confirm with a first code, keep the
// recovery codes.
export function SecondFactorSetup({ me, onChange }: { me: Me; onChange: () => void }) {
  const { t } = useI18n();
  const [start, setStart] = useState<Start | null>(null);
  const form = useForm({ code: '' });
  const [startError, setStartError] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes)
    return (
      <div class="fr-callout fr-mt-4w" data-testid="recovery-codes">
        <h2 class="fr-callout__title">{t('totp.recovery_heading')}</h2>
        <p class="fr-callout__text">{t('totp.recovery_text')}</p>
        <ul>
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
      </div>
    );
  if (me.user.totp_enabled) return null;
  if (!start)
    return (
      <>
        {startError && (
          <div class="fr-alert fr-alert--error fr-alert--sm fr-mt-4w" role="alert">
            <p>{startError}</p>
          </div>
        )}
        <button
          class="fr-btn fr-btn--tertiary fr-mt-4w"
          type="button"
          onClick={() =>
            postJson<Start>('/api/v1/me/totp', {}, me.csrf_token)
              .then(setStart)
              .catch(() => setStartError(t('error.unreachable')))
          }
        >
          {t('totp.start')}
        </button>
      </>
    );
  const confirm = form.submit((v) => postJson<{ recovery_codes: string[] }>('/api/v1/me/totp/confirm', { code: v.code }, me.csrf_token), {
    onSuccess: (r) => {
      setCodes(r.recovery_codes);
      onChange();
    },
    onError: (err) => ({ code: asApiError(err).unreachable ? t('error.unreachable') : t('login.invalid_totp') }),
  });
  return (
    <div class="fr-callout fr-mt-4w">
      <h2 class="fr-callout__title">{t('totp.scan_heading')}</h2>
      <p class="fr-callout__text">{t('totp.scan_text')}</p>
      <img src={`data:image/svg+xml;base64,${btoa(start.qr_svg)}`} width={200} height={200} alt={t('totp.qr_alt')} />
      <p>
        {t('totp.secret_label')} <code data-testid="totp-secret">{start.secret}</code>
      </p>
      <form onSubmit={confirm} noValidate>
        <FormSummary form={form} idOf={() => 'totp-code'} />
        <FormField id="totp-code" label={t('login.totp')} hint={t('login.totp_hint')} inputMode="numeric" autocomplete="one-time-code" value={form.values.code} error={form.errors.code} onInput={(v) => form.set('code', v.trim())} />
        <button class="fr-btn" type="submit">
          {t('totp.confirm')}
        </button>
      </form>
    </div>
  );
}
