import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from '../api';
import { FormField } from '../components/form-field';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { postJson, useSession, type Me } from '../session';

type Step = 'password' | 'totp';

// DSFR login form: e-mail and password, then the authenticator code when the account has one.
// Errors are summarised at the top and shown next to their field; nothing typed is lost.
export function Login() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [step, setStep] = useState<Step>('password');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ email?: string; password?: string; totp?: string }>({});
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState<{ enabled: boolean; label: string } | null>(null);

  useEffect(() => {
    getJson<{ enabled: boolean; label: string }>('/api/v1/auth/oidc')
      .then(setOidc)
      .catch(() => setOidc(null));
    // Back from the identity provider with an error: say what happened.
    const reason = new URLSearchParams(window.location.search).get('erreur');
    if (reason?.startsWith('oidc-')) {
      const key = `login.${reason.replace(/-/g, '_')}`;
      const known = ['login.oidc_unknown_account', 'login.oidc_mfa_required'];
      setError(t((known.includes(key) ? key : 'login.oidc_failed') as MessageKey));
    }
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing: typeof fieldError = {};
    if (!email.trim()) missing.email = t('login.email_required');
    if (!password) missing.password = t('login.password_required');
    if (step === 'totp' && !/^\d{6}$/.test(totp)) missing.totp = t('login.totp_format');
    setFieldError(missing);
    if (Object.keys(missing).length) {
      setError(t('login.fix_fields'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await postJson<Me>('/api/v1/auth/login', { email, password, ...(step === 'totp' ? { totp } : {}) });
      setMe(me);
      navigate('/compte');
    } catch (err) {
      if (err instanceof ApiError) {
        const code = err.problem.code;
        if (code === 'totp-required') {
          setStep('totp');
          setError(null);
        } else if (code === 'too-many-attempts') {
          setError(t('login.throttled', { seconds: err.retryAfter ?? 60 }));
        } else if (code === 'totp-enrolment-required') {
          setError(t('login.totp_enrolment_required'));
        } else {
          setError(step === 'totp' ? t('login.invalid_totp') : t('login.invalid'));
        }
      } else {
        setError(t('login.unreachable'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('login.heading')}</h1>
          {error && (
            <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" data-testid="login-error">
              <p>{error}</p>
            </div>
          )}
          {oidc?.enabled && (
            <div class="fr-connect-group fr-mb-4w">
              <a class="fr-connect" href="/api/v1/auth/oidc/start" data-testid="oidc-login">
                <span class="fr-connect__login">{t('login.oidc_with')}</span> <span class="fr-connect__brand">{oidc.label}</span>
              </a>
              <p class="fr-hr-or">{t('login.or')}</p>
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <fieldset class="fr-fieldset">
              <legend class="fr-fieldset__legend">{step === 'password' ? t('login.legend') : t('login.totp_legend')}</legend>
              <div class="fr-fieldset__element">
                <FormField id="login-email" label={t('login.email')} hint={t('login.email_hint')} type="email" autocomplete="username" value={email} readOnly={step === 'totp'} error={fieldError.email} onInput={setEmail} />
              </div>
              <div class="fr-fieldset__element">
                <FormField id="login-password" label={t('login.password')} type="password" autocomplete="current-password" value={password} readOnly={step === 'totp'} error={fieldError.password} onInput={setPassword} />
              </div>
              {step === 'totp' && (
                <div class="fr-fieldset__element">
                  <FormField id="login-totp" label={t('login.totp')} hint={t('login.totp_hint')} inputMode="numeric" autocomplete="one-time-code" value={totp} error={fieldError.totp} onInput={(v) => setTotp(v.trim())} autoFocus />
                </div>
              )}
            </fieldset>
            <ul class="fr-btns-group">
              <li>
                <button class="fr-btn" type="submit" disabled={busy}>
                  {busy ? t('login.busy') : t('login.submit')}
                </button>
              </li>
            </ul>
          </form>
          <p>
            <a class="fr-link" href="/mot-de-passe-oublie">
              {t('reset.link')}
            </a>
          </p>
        </div>
      </div>
    </div>
  );
}
