/**
 * The deadlines vendor oversight makes the product chase, written in the SAME audited commit as
 * the change that sets them (a vendor without its oversight duty, or a termination without its
 * return/deletion deadline, never exists even briefly).
 *
 * - One-time deadlines (contract end, return/deletion, certificate expiry) go through
 *   reviews/chaseDeadline.ts: the specs are here, the commands say set / met / dropped.
 * - The yearly oversight duty is recurring, which chaseDeadline does not model. It is created the
 *   way reviews/dutySync.ts creates duties (dutiesToCreate + newDutyRecords), but inside the
 *   vendor's own commit: `syncDuties` itself commits separately, so the vendor could exist
 *   without its duty. A recorded check closes the open task with the reviews domain's
 *   `completeTask`, then re-anchors the cycle on the check date, which the reviews task
 *   completion (it continues the old grid) does not do — that part is this adapter's.
 */
import { dutyIdFor, type DutyDefinition, type DutyOwner } from '../../domain/reviews/duty';
import { completeTask, openTask } from '../../domain/reviews/reviewTask';
import { compareIsoDate, type IsoDate } from '../../domain/shared/isoDate';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { DEFAULT_OVERSIGHT_FREQUENCY, nextOversightDue, type Certificate } from '../../domain/vendor/oversight';
import type { TenantCommandContext } from '../application/commandContext';
import { unwrap } from '../application/failures';
import type { DeadlineContext } from '../reviews/chaseDeadline';
import { dutyItem, loadDeadline, taskItem, type DeadlineSpec, type StoredTask } from '../reviews/dutyStore';
import { dutiesToCreate, newDutyRecords } from '../reviews/dutySync';
import type { AuditedChange, TransactItem } from '../store/auditedCommit';
import { putEntityWrite } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';

/** Vendor oversight falls to the privacy officer, as in the default duties (seed 000 §13(2)). */
const VENDOR_OWNER_ROLE = 'privacyOfficer';
export const VENDOR_DUTY_OWNER: DutyOwner = { role: VENDOR_OWNER_ROLE };

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

/** What chaseDeadline needs of a command's context. */
export function deadlineContextOf(context: TenantCommandContext): DeadlineContext {
  return { table: context.table, tenantId: context.tenantId, actorId: context.actor.actorId, now: context.clock() };
}

/** A one-time deadline's duty and open task, when it exists (to decide whether to move it). */
export function loadVendorDeadline(table: TableRef, dutyId: string) {
  return loadDeadline(table, dutyId);
}

// --- the yearly oversight duty (recurring) ---

/** The duty as the reviews pipeline defines duties: first due one period after onboarding, as oversightStatus counts. */
function oversightDutyDefinition(vendor: { id: string; name: string; onboardedOn: IsoDate }): DutyDefinition {
  return {
    dutyKind: vendorDutyKinds.oversight,
    subject: { kind: 'vendor', id: vendor.id },
    title: { zhTW: `委外廠商個資安全維護確認：${vendor.name}`, en: `Vendor data protection check: ${vendor.name}` },
    legalBasis: ART8,
    frequency: DEFAULT_OVERSIGHT_FREQUENCY,
    ownerRole: VENDOR_OWNER_ROLE,
    anchorDate: nextOversightDue(vendor.onboardedOn),
  };
}

/**
 * Creates the vendor's yearly oversight duty and its first task exactly as reviews/dutySync.ts
 * would (dutiesToCreate + newDutyRecords), but as writes for the vendor's own commit.
 */
export function openOversightDuty(tableName: string, vendor: { id: string; name: string; onboardedOn: IsoDate }): { writes: TransactItem[]; changes: AuditedChange[] } {
  // A new vendor has no duty yet: nothing to reconcile against.
  const [created] = dutiesToCreate([], [oversightDutyDefinition(vendor)], { asOf: vendor.onboardedOn, source: 'vendor', retireFrom: [] });
  const { duty, task } = newDutyRecords(created!);
  return {
    writes: [putEntityWrite(tableName, dutyItem(duty), null), putEntityWrite(tableName, taskItem({ ...task, resourcePath: `/v1/vendors/${vendor.id}` }), null)],
    changes: [{ action: 'duty.create', resourceType: 'duty', resourceId: duty.dutyId, before: null, after: created }],
  };
}

/**
 * A recorded check completes the open oversight task and re-anchors the cycle on the check date:
 * the domain's oversightStatus counts the next check from the last one (Rules Art. 8 ¶3 "定期"),
 * so the duty does too — otherwise a late first check would leave a trail of already-overdue
 * tasks on the old grid. A back-dated check older than the last one changes nothing.
 */
export async function oversightCheckDutyWrites(
  context: TenantCommandContext,
  check: { id: string; vendorId: string; date: IsoDate; reviewer: string; evidenceRefs: string[] },
): Promise<TransactItem[]> {
  const tableName = context.table.tableName;
  const existing = await loadVendorDeadline(context.table, oversightDutyId(check.vendorId));
  if (!existing || existing.duty.retiredOn !== null) return [];
  const { duty, openTask: open } = existing;
  if (duty.lastCompletedOn !== null && compareIsoDate(check.date, duty.lastCompletedOn) <= 0) return [];
  const nextDue = nextOversightDue(check.date, duty.frequency ?? DEFAULT_OVERSIGHT_FREQUENCY);
  const writes: TransactItem[] = [putEntityWrite(tableName, dutyItem({ ...duty, anchorDate: nextDue, lastCompletedOn: check.date, version: duty.version + 1 }), duty.version)];
  if (open && open.dueDate === nextDue) return writes;
  if (open) {
    const completion = { by: check.reviewer, at: context.clock().toISOString(), notes: `Oversight check ${check.id} (${check.date})`, evidenceRefs: check.evidenceRefs };
    const { task: done } = unwrap(completeTask(duty, open, completion, context.profile.timeZone || 'Asia/Taipei'));
    writes.push(putEntityWrite(tableName, taskItem({ ...open, ...done, version: open.version + 1 }), open.version));
  }
  // The check date is later than every earlier one, so no task exists yet for its next due date.
  const next: StoredTask = { ...openTask(duty, nextDue), version: 1, dueAt: null, resourcePath: `/v1/vendors/${check.vendorId}` };
  writes.push(putEntityWrite(tableName, taskItem(next), null));
  return writes;
}

// --- one-time deadlines (chaseDeadline specs) ---

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
