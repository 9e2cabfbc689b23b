import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { asApiError, postJson } from '../../kit/api';
import { errorsByField } from '../../kit/field-errors';
import { FormField, newPasswordErrors } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';

// Asking for a reset link: the same answer whether or not the address has an account.
export function ForgotPassword() {
  const { t } = useI18n();
  const form = useForm({ email: '' });
  const submit = form.submit((v) => postJson('/api/v1/password-resets', { email: v.email }), {
    validate: (): Record<string, string> => (form.values.email.includes('@') ? {} : { email: t('login.email_required') }),
    onError: () => ({ email: t('error.unreachable') }),
  });
  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('reset.heading')}</h1>
          {form.saved ? (
            <div class="fr-alert fr-alert--info" role="status">
              <p>{t('reset.sent')}</p>
            </div>
          ) : (
            <form onSubmit={submit} noValidate>
              <FormSummary form={form} idOf={() => 'reset-email'} />
              <FormField id="reset-email" label={t('login.email')} hint={t('login.email_hint')} type="email" autocomplete="username" value={form.values.email} error={form.errors.email} onInput={(x) => form.set('email', x)} />
              <button class="fr-btn" type="submit" disabled={form.busy}>
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
  const { t, lang } = useI18n();
  const form = useForm({ password: '', confirm: '' });
  const [gone, setGone] = useState(false);
  const submit = form.submit((v) => postJson(`/api/v1/password-resets/${encodeURIComponent(token)}`, { password: v.password }), {
    validate: () => newPasswordErrors(form.values.password, form.values.confirm, t),
    onError: (err) => {
      const e = asApiError(err);
      if (e.fieldErrors.length || e.unreachable) return errorsByField(err, t, lang);
      setGone(true);
      return null;
    },
  });
  const ids: Record<string, string> = { password: 'new-password', confirm: 'new-confirm' };
  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('reset.new_heading')}</h1>
          {form.saved && (
            <div class="fr-alert fr-alert--success" role="status">
              <p>{t('reset.done')}</p>
              <a href="/connexion">{t('nav.login')}</a>
            </div>
          )}
          {gone && (
            <div class="fr-alert fr-alert--error" role="alert">
              <p>{t('reset.gone')}</p>
            </div>
          )}
          {!form.saved && !gone && (
            <form onSubmit={submit} noValidate>
              <FormSummary form={form} idOf={(f) => ids[f] ?? null} />
              <FormField id="new-password" label={t('login.password')} hint={t('password.rules')} type="password" autocomplete="new-password" value={form.values.password} error={form.errors.password} onInput={(x) => form.set('password', x)} />
              <FormField id="new-confirm" label={t('password.confirm')} type="password" autocomplete="new-password" value={form.values.confirm} error={form.errors.confirm} onInput={(x) => form.set('confirm', x)} />
              <button class="fr-btn" type="submit" disabled={form.busy}>
                {t('reset.set')}
              </button>
            </form>
          )}
        </div>
      </div>
    </div>
  );
}
