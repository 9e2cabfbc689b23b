import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { postJson, type Me } from '../session';
import { FormField } from './form-field';

interface Start {
  secret: string;
  qr_svg: string;
}

// Setting up the second factor from "my account": scan, confirm with a first code, keep the
// recovery codes.
export function SecondFactorSetup({ me, onChange }: { me: Me; onChange: () => void }) {
  const { t } = useI18n();
  const [start, setStart] = useState<Start | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
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
      <button
        class="fr-btn fr-btn--tertiary fr-mt-4w"
        type="button"
        onClick={async () => setStart(await postJson<Start>('/api/v1/me/totp', {}, me.csrf_token))}
      >
        {t('totp.start')}
      </button>
    );
  const confirm = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await postJson<{ recovery_codes: string[] }>('/api/v1/me/totp/confirm', { code }, me.csrf_token);
      setCodes(r.recovery_codes);
      onChange();
    } catch (err) {
      setError(err instanceof ApiError ? t('login.invalid_totp') : t('login.unreachable'));
    }
  };
  return (
    <div class="fr-callout fr-mt-4w">
      <h2 class="fr-callout__title">{t('totp.scan_heading')}</h2>
      <p class="fr-callout__text">{t('totp.scan_text')}</p>
      <img src={`data:image/svg+xml;base64,${btoa(start.qr_svg)}`} width={200} height={200} alt={t('totp.qr_alt')} />
      <p>
        {t('totp.secret_label')} <code data-testid="totp-secret">{start.secret}</code>
      </p>
      <form onSubmit={confirm} noValidate>
        <FormField id="totp-code" label={t('login.totp')} hint={t('login.totp_hint')} inputMode="numeric" autocomplete="one-time-code" value={code} error={error} onInput={(v) => setCode(v.trim())} />
        <button class="fr-btn" type="submit">
          {t('totp.confirm')}
        </button>
      </form>
    </div>
  );
}
