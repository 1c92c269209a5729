/** A vendor (受託者): criticality, contact, and its oversight checks with certificates' validity. */
import type { components } from '../../../openapi/client/index';
import type { PageRequest } from '../consoleContext';
import { DateText, daysLeftText, t } from '../consoleText';
import { apiErrorPage, AuditLink, Facts, renderPage, Tag } from './common';

type Vendor = components['schemas']['Vendor'];
type Check = components['schemas']['VendorOversightCheck'];

export async function showVendor(req: PageRequest, vendorId: string) {
  let vendor: Vendor;
  let checks: Check[];
  try {
    vendor = (await req.api.GET('/v1/vendors/{vendorId}', { params: { path: { vendorId } } })).data;
    checks = (await req.api.GET('/v1/vendors/{vendorId}/oversight-checks', { params: { path: { vendorId }, query: { limit: 20 } } })).data.items;
  } catch (error) {
    return apiErrorPage(req, error);
  }
  const { locale } = req;
  const band = vendor.criticality.band;
  return renderPage(
    req,
    `${t(locale, '受託者', 'Vendor')}：${vendor.name}`,
    <>
      <section class="card">
        <Facts
          rows={[
            [t(locale, '重要性', 'Criticality'), <Tag tone={band === 'high' ? 'bad' : band === 'medium' ? 'warn' : 'ok'}>{t(locale, { high: '高', medium: '中', low: '低' }[band], band)}</Tag>],
            [t(locale, '國家', 'Country'), vendor.country],
            [t(locale, '服務', 'Services'), vendor.services.join('、')],
            [t(locale, '聯絡人', 'Contact'), (vendor.contact as { name?: string } | undefined)?.name ?? '—'],
          ]}
        />
      </section>
      <section class="card" aria-labelledby="checks-heading">
        <h2 id="checks-heading">{t(locale, '委外監督紀錄', 'Oversight checks')}</h2>
        {checks.length === 0 ? (
          <p class="muted">{t(locale, '尚無監督紀錄。', 'No check recorded yet.')}</p>
        ) : (
          <ul>
            {checks.map((check) => {
              const record = check as Check & { checkedOn?: string; method: { kind: string; certificate?: { standard: string; validUntil: string } } };
              return (
                <li>
                  {record.checkedOn ? <DateText date={record.checkedOn} locale={locale} /> : null} {record.method.kind}
                  {record.method.certificate ? (
                    <>
                      {' '}— {record.method.certificate.standard} <DateText date={record.method.certificate.validUntil} locale={locale} />{' '}
                      <Tag tone={record.method.certificate.validUntil < req.today ? 'bad' : 'ok'}>{daysLeftText(record.method.certificate.validUntil, req.today, locale)}</Tag>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <AuditLink locale={locale} resourceType="vendor" resourceId={vendor.id} />
      </section>
    </>,
  );
}
