import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { postJson } from '../../kit/api';
import { MemberPage } from '../../kit/member';
import { navigate } from '../../router';
import { fetchMe, useSession, type Me } from '../../session';
import { PasswordChange } from './password-change';
import { SecondFactorSetup } from './second-factor';
import { SessionsList } from './sessions-list';

export function Account() {
  return <MemberPage>{(me) => <AccountOf me={me} />}</MemberPage>;
}

function AccountOf({ me }: { me: Me }) {
  const { t } = useI18n();
  const { setMe } = useSession();
  const [error, setError] = useState(false);
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const logout = async () => {
    try {
      await postJson('/api/v1/auth/logout', {}, me.csrf_token);
      setMe(null);
      navigate('/');
    } catch {
      setError(true);
    }
  };
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('account.heading')}</h1>
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
          <p>{t('error.unreachable')}</p>
        </div>
      )}
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-card fr-card--no-arrow">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h2 class="fr-card__title">{me.user.display_name}</h2>
                <p class="fr-card__desc">{me.user.email}</p>
                <p class="fr-card__desc" data-testid="account-role">
                  {t(`role.${me.user.platform_admin ? 'platform_admin' : me.user.role}` as MessageKey)}
                </p>
                <p class="fr-card__desc">{me.user.totp_enabled ? t('account.totp_on') : t('account.totp_off')}</p>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-card fr-card--no-arrow">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h2 class="fr-card__title" data-testid="account-organisation">{me.organisation.name}</h2>
                <p class="fr-card__desc">{t(`orgtype.${me.organisation.type}` as MessageKey)}</p>
                <p class="fr-card__desc">
                  {me.organisation.territory === 'national' ? t('account.national') : t('account.territory', { code: me.organisation.territory })}
                </p>
              </div>
            </div>
          </div>
        </div>
      </div>
      <PasswordChange me={me} onChanged={() => setSessionsVersion((n) => n + 1)} />
      <SecondFactorSetup me={me} onChange={() => fetchMe().then(setMe)} />
      <SessionsList me={me} version={sessionsVersion} />
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <button class="fr-btn fr-btn--secondary" type="button" onClick={logout}>
            {t('account.logout')}
          </button>
        </li>
      </ul>
    </div>
  );
}
