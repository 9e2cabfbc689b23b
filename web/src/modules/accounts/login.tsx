import { useEffect, useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { asApiError, getJson, postJson } from '../../kit/api';
import { FormField } from '../../kit/fields';
import { FormSummary, useForm, type Errors } from '../../kit/form';
import { returnPath } from '../../kit/member';
import { navigate } from '../../router';
import { useSession, type Me } from '../../session';

type Step = 'password' | 'totp';

// DSFR login form: e-mail and password, then the authenticator code when the account has one.
// Errors are summarised at the top and shown next to their field; nothing typed is lost. After
// login, back to the page that sent the visitor here (?retour=…), else "my account"; a member
// who is already logged in goes there at once. When the password step asks for the code, focus
// moves to the code field, so a keyboard user types the code there, not into the password.
export function Login() {
  const { t } = useI18n();
  const { me, loading, setMe } = useSession();
  const form = useForm({ email: '', password: '', totp: '' });
  const { values: v, errors } = form;
  const [step, setStep] = useState<Step>('password');
  const [oidc, setOidc] = useState<{ enabled: boolean; label: string } | null>(null);

  useEffect(() => {
    if (!loading && me) navigate(returnPath(window.location.search, '/compte'));
  }, [loading, me]);
  useEffect(() => {
    if (step === 'totp') document.getElementById('login-totp')?.focus();
  }, [step]);

  useEffect(() => {
    getJson<{ enabled: boolean; label: string }>('/api/v1/auth/oidc')
      .then(setOidc)
      .catch(() => setOidc(null));
    // Back from the identity provider with an error: say what happened.
    const reason = new URLSearchParams(window.location.search).get('erreur');
    if (reason?.startsWith('oidc-')) {
      const key = `login.${reason.replace(/-/g, '_')}`;
      const known = ['login.oidc_unknown_account', 'login.oidc_mfa_required'];
      form.setErrors({ form: t((known.includes(key) ? key : 'login.oidc_failed') as MessageKey) });
    }
  }, []);

  const validate = (): Errors => {
    const missing: Errors = {};
    if (!v.email.trim()) missing.email = t('login.email_required');
    if (!v.password) missing.password = t('login.password_required');
    if (step === 'totp' && !/^\d{6}$/.test(v.totp)) missing.totp = t('login.totp_format');
    return missing;
  };
  const submit = form.submit((x) => postJson<Me>('/api/v1/auth/login', { email: x.email, password: x.password, ...(step === 'totp' ? { totp: x.totp } : {}) }), {
    validate,
    onSuccess: (me) => {
      setMe(me);
      navigate(returnPath(window.location.search, '/compte'));
    },
    onError: (err) => {
      const e = asApiError(err);
      if (e.unreachable) return { form: t('error.unreachable') };
      switch (e.problem.code) {
        case 'totp-required':
          setStep('totp');
          form.setErrors({});
          return null;
        case 'too-many-attempts':
          return { form: t('login.throttled', { seconds: e.retryAfter ?? 60 }) };
        case 'totp-enrolment-required':
          return { form: t('login.totp_enrolment_required') };
        default:
          return { form: step === 'totp' ? t('login.invalid_totp') : t('login.invalid') };
      }
    },
  });
  const ids: Record<string, string> = { email: 'login-email', password: 'login-password', totp: 'login-totp' };

  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('login.heading')}</h1>
          <FormSummary form={form} idOf={(f) => ids[f] ?? null} testId="login-error" />
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
                <FormField id="login-email" label={t('login.email')} hint={t('login.email_hint')} type="email" autocomplete="username" value={v.email} readOnly={step === 'totp'} error={errors.email} onInput={(x) => form.set('email', x)} />
              </div>
              <div class="fr-fieldset__element">
                <FormField id="login-password" label={t('login.password')} type="password" autocomplete="current-password" value={v.password} readOnly={step === 'totp'} error={errors.password} onInput={(x) => form.set('password', x)} />
              </div>
              {step === 'totp' && (
                <div class="fr-fieldset__element">
                  <FormField id="login-totp" label={t('login.totp')} hint={t('login.totp_hint')} inputMode="numeric" autocomplete="one-time-code" value={v.totp} error={errors.totp} onInput={(x) => form.set('totp', x.trim())} />
                </div>
              )}
            </fieldset>
            <ul class="fr-btns-group">
              <li>
                <button class="fr-btn" type="submit" disabled={form.busy}>
                  {form.busy ? t('login.busy') : t('login.submit')}
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
