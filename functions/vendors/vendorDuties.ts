/**
 * The deadlines vendor oversight makes the product chase, written in the SAME commitAudited as
 * the change that sets them (a vendor without its oversight duty, or a termination without its
 * return/deletion deadline, never exists even briefly).
 *
 * The yearly oversight duty is written directly (dutyItem/taskItem) rather than through
 * reviews/dutySync.syncDuties: syncDuties commits in its own transaction after loading every duty
 * of the tenant, and with retireFrom: [] it would never retire anything anyway — for one vendor it
 * adds a second, non-atomic write and a full read for no gain. The duty has the same shape and
 * deterministic id (dutyIdFor('vendorOversight', vendor)) syncDuties would give it, so the reviews
 * sweep, calendar and reminders treat it like any other recurring duty.
 */
import { dutyIdFor, type DutyOwner } from '../../domain/reviews/duty';
import { openTask } from '../../domain/reviews/reviewTask';
import { compareIsoDate, type IsoDate } from '../../domain/shared/isoDate';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { DEFAULT_OVERSIGHT_FREQUENCY, nextOversightDue, type Certificate } from '../../domain/vendor/oversight';
import { dutyItem, taskItem, type DeadlineSpec, type StoredDuty, type StoredTask } from '../reviews/dutyStore';
import type { TransactItem } from '../store/auditedCommit';

/** Vendor oversight falls to the privacy officer, as in the default duties (seed 000 §13(2)). */
export const VENDOR_DUTY_OWNER: DutyOwner = { role: 'privacyOfficer' };

const ART8: LocalizedText = {
  zhTW: '個資法第4條、施行細則第8條：委託機關應對受託者為適當之監督，並定期確認其執行狀況及紀錄確認結果',
  en: 'PDPA Art. 4; Enforcement Rules Art. 8: supervise processors appropriately, confirm their performance periodically and record the result',
};

export const vendorDutyKinds = {
  oversight: 'vendorOversight',
  contractEnd: 'vendorContractEnd',
  certificateExpiry: 'vendorCertificateExpiry',
  returnDeletion: 'vendorReturnDeletion',
} as const;

export const oversightDutyId = (vendorId: string) => dutyIdFor(vendorDutyKinds.oversight, { kind: 'vendor', id: vendorId });
export const contractEndDutyId = (contractId: string) => dutyIdFor(vendorDutyKinds.contractEnd, { kind: 'contract', id: contractId });
export const returnDeletionDutyId = (contractId: string) => dutyIdFor(vendorDutyKinds.returnDeletion, { kind: 'contract', id: contractId });
/** One certificate duty per vendor and standard: a renewed certificate moves the same deadline. */
export const certificateSubjectId = (vendorId: string, standard: string) => `${vendorId}:${standard}`;
export const certificateDutyId = (vendorId: string, standard: string) =>
  dutyIdFor(vendorDutyKinds.certificateExpiry, { kind: 'certificate', id: certificateSubjectId(vendorId, standard) });

/** Creates the vendor's yearly oversight duty and its first task (due one period after onboarding, as oversightStatus counts). */
export function oversightDutyCreateWrites(tableName: string, vendor: { id: string; name: string; onboardedOn: IsoDate }): { writes: TransactItem[]; duty: StoredDuty } {
  const duty: StoredDuty = {
    dutyId: oversightDutyId(vendor.id),
    dutyKind: vendorDutyKinds.oversight,
    subject: { kind: 'vendor', id: vendor.id },
    title: { zhTW: `委外廠商個資安全維護確認：${vendor.name}`, en: `Vendor data protection check: ${vendor.name}` },
    legalBasis: ART8,
    frequency: DEFAULT_OVERSIGHT_FREQUENCY,
    owner: VENDOR_DUTY_OWNER,
    source: 'vendor',
    anchorDate: nextOversightDue(vendor.onboardedOn),
    lastCompletedOn: null,
    urgent: false,
    retiredOn: null,
    version: 1,
  };
  const task: StoredTask = { ...openTask(duty, duty.anchorDate), version: 1, dueAt: null, resourcePath: `/v1/vendors/${vendor.id}` };
  return {
    duty,
    writes: [
      { Put: { TableName: tableName, Item: dutyItem(duty), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: tableName, Item: taskItem(task), ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
  };
}

const versioned = (tableName: string, item: Record<string, unknown>, expected: number): TransactItem => ({
  Put: { TableName: tableName, Item: item, ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expected } },
});

/**
 * A recorded check completes the open oversight task and re-anchors the cycle on the check date:
 * the domain's oversightStatus counts the next check from the last one (Rules Art. 8 ¶3 "定期"),
 * so the duty does too — otherwise a late first check would leave a trail of already-overdue
 * tasks on the old grid. A back-dated check older than the last one changes nothing.
 */
export function oversightCheckDutyWrites(
  tableName: string,
  existing: { duty: StoredDuty; openTask: StoredTask | null } | null,
  check: { id: string; vendorId: string; date: IsoDate; reviewer: string; evidenceRefs: string[] },
  now: string,
): TransactItem[] {
  if (!existing || existing.duty.retiredOn !== null) return [];
  const { duty, openTask: open } = existing;
  if (duty.lastCompletedOn !== null && compareIsoDate(check.date, duty.lastCompletedOn) <= 0) return [];
  const nextDue = nextOversightDue(check.date, duty.frequency ?? DEFAULT_OVERSIGHT_FREQUENCY);
  const writes: TransactItem[] = [
    versioned(tableName, dutyItem({ ...duty, anchorDate: nextDue, lastCompletedOn: check.date, version: duty.version + 1 }), duty.version),
  ];
  if (open && open.dueDate === nextDue) return writes;
  if (open) {
    const done: StoredTask = {
      ...open,
      status: 'done',
      completion: { by: check.reviewer, at: now, notes: `Oversight check ${check.id} (${check.date})`, evidenceRefs: [...check.evidenceRefs] },
      version: open.version + 1,
    };
    writes.push(versioned(tableName, taskItem(done), open.version));
  }
  const next: StoredTask = { ...openTask(duty, nextDue), version: 1, dueAt: null, resourcePath: `/v1/vendors/${check.vendorId}` };
  // The check date is later than every earlier one, so no task exists yet for its next due date.
  writes.push({ Put: { TableName: tableName, Item: taskItem(next), ConditionExpression: 'attribute_not_exists(pk)' } });
  return writes;
}

export function contractEndDeadline(contract: { id: string; vendorId: string; title: string }, dueDate: IsoDate): DeadlineSpec {
  return {
    dutyKind: vendorDutyKinds.contractEnd,
    subject: { kind: 'contract', id: contract.id },
    title: { zhTW: `委外契約到期：${contract.title}`, en: `Vendor contract ends: ${contract.title}` },
    legalBasis: {
      zhTW: '施行細則第8條第2項第6款：委託關係終止時應返還個人資料載體並刪除受託者儲存之個人資料；到期前決定續約或終止',
      en: 'Enforcement Rules Art. 8 ¶2 item 6: when the entrustment ends, data carriers are returned and stored data deleted; decide on renewal or termination before the end',
    },
    dueDate,
    owner: VENDOR_DUTY_OWNER,
    source: 'contract',
    dueAt: null,
    resourcePath: `/v1/vendors/${contract.vendorId}/contracts/${contract.id}`,
  };
}

export function certificateExpiryDeadline(vendor: { id: string; name: string }, certificate: Certificate): DeadlineSpec {
  return {
    dutyKind: vendorDutyKinds.certificateExpiry,
    subject: { kind: 'certificate', id: certificateSubjectId(vendor.id, certificate.standard) },
    title: {
      zhTW: `委外廠商驗證到期：${vendor.name}（${certificate.certificateNumber}）`,
      en: `Vendor certificate expires: ${vendor.name} (${certificate.certificateNumber})`,
    },
    legalBasis: {
      zhTW: '施行細則第8條第3項；安全維護計畫§13(2)：以第三方驗證確認受託者者，驗證失效前應取得更新之證明',
      en: 'Enforcement Rules Art. 8 ¶3; plan §13(2): where a third-party certificate confirms the vendor, obtain the renewal before it lapses',
    },
    // Due on the last valid day; the reviews cadence reminds 30, 7 and 1 day before.
    dueDate: certificate.validUntil,
    owner: VENDOR_DUTY_OWNER,
    source: 'vendor',
    dueAt: null,
    resourcePath: `/v1/vendors/${vendor.id}/oversight-checks`,
  };
}

export function returnDeletionDeadline(contract: { id: string; vendorId: string; title: string }, dueDate: IsoDate): DeadlineSpec {
  return {
    dutyKind: vendorDutyKinds.returnDeletion,
    subject: { kind: 'contract', id: contract.id },
    title: { zhTW: `確認受託者返還或刪除個人資料：${contract.title}`, en: `Confirm the vendor returned or deleted personal data: ${contract.title}` },
    legalBasis: {
      zhTW: '施行細則第8條第2項第6款；安全維護計畫§14：委託關係終止時返還個人資料載體並刪除，紀錄保存至少5年',
      en: 'Enforcement Rules Art. 8 ¶2 item 6; plan §14: return carriers and delete data when the entrustment ends; keep the record at least 5 years',
    },
    dueDate,
    owner: VENDOR_DUTY_OWNER,
    source: 'contract',
    dueAt: null,
    resourcePath: `/v1/vendors/${contract.vendorId}/contracts/${contract.id}`,
  };
}
