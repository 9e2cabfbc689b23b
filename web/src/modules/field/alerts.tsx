// Field alerts (/terrain/alertes, the coordinator): the alerts standing today, each with the
// rule that raised it, and the rules in full.
import { useI18n } from '../../i18n';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { Container, Denied, FieldTabs, useCodeLabel, useCount } from './shared';

interface Alerts {
  rules: { fr: string; en: string };
  alerts: { rule: string; departement: string; value: number; threshold: number; day: string }[];
}

export function AlertsPage() {
  return <MemberPage>{(me) => (can(me, 'field.alerts_read', 'none') ? <AlertList me={me} /> : <NoAlerts me={me} />)}</MemberPage>;
}

function NoAlerts({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <Container>
      <h1>{t('field.alerts.heading')}</h1>
      <FieldTabs me={me} current="/terrain/alertes" />
      <Denied text={t('field.denied.alerts')} />
    </Container>
  );
}

function AlertList({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const label = useCodeLabel();
  const count = useCount();
  const alerts = useResource<Alerts>('/api/v1/field/alerts');
  return (
    <Container>
      <h1>{t('field.alerts.heading')}</h1>
      <FieldTabs me={me} current="/terrain/alertes" />
      <ResourceView resource={alerts}>
        {(x) => (
          <>
            <div class="fr-callout fr-mb-3w">
              <h2 class="fr-callout__title fr-h6">{t('field.alerts.rules')}</h2>
              <p class="fr-callout__text fr-text--sm" data-testid="field-alert-rules">
                {lang === 'en' ? x.rules.en : x.rules.fr}
              </p>
            </div>
            {x.alerts.length === 0 ? (
              <p>{t('field.alerts.none')}</p>
            ) : (
              <div class="fr-table fr-table--sm">
                <table tabIndex={0} data-testid="field-alerts">
                  <caption>{t('field.alerts.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('field.col.departement')}</th>
                      <th scope="col">{t('field.alerts.col_rule')}</th>
                      <th scope="col">{t('field.alerts.col_value')}</th>
                      <th scope="col">{t('field.alerts.col_threshold')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {x.alerts.map((a) => (
                      <tr key={a.rule + a.departement}>
                        <td>{a.departement}</td>
                        <td>{label('rule', a.rule)}</td>
                        <td>{count(a.value)}</td>
                        <td>{count(a.threshold)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </ResourceView>
    </Container>
  );
}
