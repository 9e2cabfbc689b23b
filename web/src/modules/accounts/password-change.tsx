// Changing one's password from My account: the current one, the new one twice. The server
// checks the current one as a login does (and counts a wrong one as a failed login), closes
// the account's other sessions and tells the user by e-mail.
import { useI18n } from '../../i18n';
import { sendJson } from '../../kit/api';
import { FormField, newPasswordErrors } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import type { Me } from '../../session';

const blank = { current_password: '', password: '', confirm: '' };
const ids: Record<string, string> = { current_password: 'pw-current', password: 'pw-new', confirm: 'pw-confirm' };

// `onChanged`: the other sessions were closed (the page shows its sessions list again).
export function PasswordChange({ me, onChanged }: { me: Me; onChanged?: () => void }) {
  const { t } = useI18n();
  const form = useForm(blank);
  const { values: v, errors } = form;
  const submit = form.submit((x) => sendJson('POST', '/api/v1/me/password', { current_password: x.current_password, password: x.password }, me.csrf_token), {
    validate: () => {
      const e = newPasswordErrors(v.password, v.confirm, t);
      if (!v.current_password) e.current_password = t('error.required');
      return e;
    },
    onSuccess: () => {
      form.setValues(blank);
      onChanged?.();
    },
  });
  return (
    <section class="fr-mt-6w" aria-labelledby="pw-heading">
      <h2 id="pw-heading" class="fr-h4">{t('password_change.heading')}</h2>
      <p class="fr-text--sm">{t('password_change.lead')}</p>
      <form noValidate onSubmit={submit} aria-labelledby="pw-heading" class="vigie-narrow-form">
        <FormSummary form={form} idOf={(f) => ids[f] ?? null} success={form.saved && t('password_change.done')} />
        <FormField id="pw-current" label={t('password_change.current')} type="password" autocomplete="current-password" value={v.current_password} error={errors.current_password} onInput={(x) => form.set('current_password', x)} />
        <FormField id="pw-new" label={t('password_change.new')} hint={t('password.rules')} type="password" autocomplete="new-password" value={v.password} error={errors.password} onInput={(x) => form.set('password', x)} />
        <FormField id="pw-confirm" label={t('password.confirm')} type="password" autocomplete="new-password" value={v.confirm} error={errors.confirm} onInput={(x) => form.set('confirm', x)} />
        <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>
          {t('password_change.submit')}
        </button>
      </form>
    </section>
  );
}
