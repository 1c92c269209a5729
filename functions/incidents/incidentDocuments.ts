/**
 * The documents an incident produces from its record and the tenant's profile: the notification
 * form for the competent authority, and draft notice texts. The authority comes from the
 * tenant's sector.
 */
import {
  buildRegulatorNotification,
  formatTaipeiTime,
  noticeContentIssues,
  renderNotice,
  reporterWithDefaults,
  type Incident,
  type NoticeContent,
  type NotificationReporter,
} from '../../domain/incident';
import { authorityForSector, sectors } from '../../domain/tenant/sectors';
import type { TenantCommandContext } from '../application/commandContext';
import { loadCodeLists } from '../inventory/inventoryStore';
import type { TenantRecord } from '../store/controlPlaneRecords';
import type { LoadedIncident } from './incidentStore';

type TenantProfile = Pick<TenantRecord, 'sector' | 'companyName' | 'contact'> & Partial<Pick<TenantRecord, 'regulationPcode'>>;

/** The authority the tenant reports to, in the domain form's shape. */
export function tenantAuthority(profile: Pick<TenantProfile, 'sector'>) {
  const authority = authorityForSector(profile.sector);
  return {
    code: authority.code,
    nameZh: authority.name.zhTW,
    nameEn: authority.name.en,
    phone: authority.phone ?? '',
    email: authority.email ?? '',
    formName: authority.notificationForm.zhTW,
    name: authority.name,
  };
}

/**
 * The form filled from the incident and the organisation. The reporter (通報人) is the one
 * recorded with the incident; each field it leaves blank comes from the tenant profile's contact
 * (name, title, phone, e-mail, address), and what neither has is listed as missing. The table
 * (title, caption, row layout) is the one of the tenant's sector regulation. A draft (no report
 * yet) is dated `now`.
 */
export function regulatorFormOf(
  profile: TenantProfile,
  incident: Incident,
  now: Date,
  reporter?: NotificationReporter | null,
  dataCategoryNames?: ReadonlyMap<string, { name: string }>,
) {
  const organisation = { name: profile.companyName, reporter: reporterWithDefaults(reporter, profile.contact) };
  const { name: _name, ...authority } = tenantAuthority(profile);
  const notifiedAt = incident.regulatorNotifications[0]?.notifiedAt ?? now.toISOString();
  return buildRegulatorNotification(incident, organisation, authority, notifiedAt, {
    regulation: profile.regulationPcode ?? sectors[profile.sector].regulationPcode,
    ...(dataCategoryNames ? { dataCategoryNames } : {}),
  });
}

/** The form of a loaded incident, with the tenant's own data-category names (C001 辨識個人者). */
export async function regulatorFormFor(context: Pick<TenantCommandContext, 'profile' | 'table' | 'clock'>, loaded: Pick<LoadedIncident, 'incident' | 'stored'>) {
  const codeLists = await loadCodeLists(context.table);
  return regulatorFormOf(context.profile, loaded.incident, context.clock(), loaded.stored.reporter, codeLists.dataCategories);
}

function draftNoticeContent(profile: TenantProfile, incident: Incident, locale: 'zh-TW' | 'en'): NoticeContent {
  const authority = tenantAuthority(profile);
  const zh = locale === 'zh-TW';
  const report = incident.regulatorNotifications[0];
  return {
    whatHappened: incident.summary.trim() || incident.title,
    emergencyMeasures: incident.containmentMeasures.map((m) => m.description).join(zh ? '；' : '; '),
    causeInvestigation: incident.cause,
    remediation: [...incident.plannedMeasures, ...incident.correctiveActions.map((a) => a.title)].join(zh ? '；' : '; '),
    authoritiesNotified: report
      ? zh
        ? `本公司已於${formatTaipeiTime(report.notifiedAt)}通報${authority.name.zhTW}`
        : `We reported the incident to the ${authority.name.en} on ${formatTaipeiTime(report.notifiedAt)} (Taipei time)`
      : '',
    // How the organisation helps its recipients is a decision the team writes, never a template.
    assistance: '',
    contact: { name: profile.contact.name, phone: profile.contact.phone ?? '', email: profile.contact.email },
  };
}

/** A draft notice from the incident record, with what is still missing before it may be sent. */
export function noticePreviewOf(profile: TenantProfile, incident: Incident, audience: 'dataSubjects' | 'customers', locale: 'zh-TW' | 'en') {
  const content = draftNoticeContent(profile, incident, locale);
  const rendered = renderNotice(content, { organisationName: profile.companyName, audience, locale, occurredAt: incident.occurredAt });
  return { ...rendered, content, missing: noticeContentIssues(content) };
}
