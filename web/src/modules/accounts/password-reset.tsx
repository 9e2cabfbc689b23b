import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { FormField, fieldErrors, newPasswordErrors } from '../components/form-field';
import { useI18n } from '../i18n';
import { postJson } from '../session';

// Asking for a reset link: the same answer whether or not the address has an account.
export function ForgotPassword() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!email.includes('@')) {
      setError(t('login.email_required'));
      return;
    }
    setError(undefined);
    try {
      await postJson('/api/v1/password-resets', { email });
      setSent(true);
    } catch {
      setError(t('login.unreachable'));
    }
  };
  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('reset.heading')}</h1>
          {sent ? (
            <div class="fr-alert fr-alert--info" role="status">
              <p>{t('reset.sent')}</p>
            </div>
          ) : (
            <form onSubmit={submit} noValidate>
              <FormField id="reset-email" label={t('login.email')} hint={t('login.email_hint')} type="email" autocomplete="username" value={email} error={error} onInput={setEmail} />
              <button class="fr-btn" type="submit">
                {t('reset.submit')}
              </button>
            </form>
          )}
        </div>
      </div>
    </div>
  );
}

// Choosing the new password from the e-mailed link.
export function NewPassword({ token }: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'form' | 'done' | 'gone'>('form');
  const submit = async (e: Event) => {
    e.preventDefault();
    const local = newPasswordErrors(password, confirm, t);
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await postJson(`/api/v1/password-resets/${encodeURIComponent(token)}`, { password });
      setState('done');
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors)
        setErrors(fieldErrors(err.problem.errors, (_f, code) => (code === 'common' ? t('password.common') : null)));
      else setState('gone');
    }
  };
  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('reset.new_heading')}</h1>
          {state === 'done' && (
            <div class="fr-alert fr-alert--success" role="status">
              <p>{t('reset.done')}</p>
              <a href="/connexion">{t('nav.login')}</a>
            </div>
          )}
          {state === 'gone' && (
            <div class="fr-alert fr-alert--error" role="alert">
              <p>{t('reset.gone')}</p>
            </div>
          )}
          {state === 'form' && (
            <form onSubmit={submit} noValidate>
              <FormField id="new-password" label={t('login.password')} hint={t('password.rules')} type="password" autocomplete="new-password" value={password} error={errors.password} onInput={setPassword} />
              <FormField id="new-confirm" label={t('password.confirm')} type="password" autocomplete="new-password" value={confirm} error={errors.confirm} onInput={setConfirm} />
              <button class="fr-btn" type="submit">
                {t('reset.set')}
              </button>
            </form>
          )}
        </div>
      </div>
    </div>
  );
}
