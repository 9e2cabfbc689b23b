// "Who read my records" (/terrain/lectures): every read of the organisation's profiles by
// someone outside it (the coordinator), as the server recorded it with the audit entry.
import { useI18n } from '../../i18n';
import { formatDate } from '../../kit/dates';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { Container, Denied, FieldTabs, useCount } from './shared';

interface Read {
  reader_organisation: string;
  at: string;
  records: number;
}

export function ReadsPage() {
  return <MemberPage>{(me) => (can(me, 'field.reads_read', 'own_organisation') ? <Reads me={me} /> : <NoReads me={me} />)}</MemberPage>;
}

function NoReads({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <Container>
      <h1>{t('field.reads.heading')}</h1>
      <FieldTabs me={me} current="/terrain/lectures" />
      <Denied text={t('field.denied.reads')} />
    </Container>
  );
}

function Reads({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const count = useCount();
  const reads = useResource<{ reads: Read[] }>('/api/v1/field/reads', { isEmpty: (x) => x.reads.length === 0 });
  return (
    <Container>
      <h1>{t('field.reads.heading')}</h1>
      <FieldTabs me={me} current="/terrain/lectures" />
      <p>{t('field.reads.lead')}</p>
      <ResourceView resource={reads} empty={<p>{t('field.reads.none')}</p>}>
        {(x) => (
          <div class="fr-table fr-table--sm">
            <table tabIndex={0} data-testid="field-reads">
              <caption>{t('field.reads.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('field.reads.col_who')}</th>
                  <th scope="col">{t('field.reads.col_when')}</th>
                  <th scope="col">{t('field.reads.col_records')}</th>
                </tr>
              </thead>
              <tbody>
                {x.reads.map((r, i) => (
                  <tr key={i}>
                    <td>{r.reader_organisation}</td>
                    <td>
                      {formatDate(r.at, lang)} {r.at.slice(11, 16)}
                    </td>
                    <td>{count(r.records)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
    </Container>
  );
}
