/**
 * 委外監督 checks: Enforcement Rules Art. 8 ¶3 asks us to confirm the vendor's performance
 * periodically and record the result; the example plan does it 每年 (seed 000 §13(2)) by an
 * on-site audit, a third-party report / certificate, or the vendor's self-assessment.
 */
import { z } from 'zod';
import { addDays, compareIsoDate, daysBetween, type IsoDate } from '../shared/isoDate';
import { advanceByFrequency, YEARLY, type Frequency } from '../shared/frequency';

export const certificateStandards = ['iso27001', 'iso27701', 'soc2', 'cloudProviderReport', 'other'] as const;
export type CertificateStandard = (typeof certificateStandards)[number];

const certificateSchema = z
  .object({
    standard: z.enum(certificateStandards).describe('ISO 27001 / ISO 27701 / SOC 2 / cloud provider compliance report'),
    certificateNumber: z.string().trim().min(1).max(100).describe('Certificate or report number'),
    issuer: z.string().trim().min(1).max(200).describe('Certification body or auditor'),
    scope: z.string().trim().min(1).max(2000).describe('Scope stated on the certificate; must cover the entrusted service'),
    validUntil: z.iso.date().describe('Last day the certificate or report is valid'),
  })
  .strict();
export type Certificate = z.infer<typeof certificateSchema>;

export const oversightMethodSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('onSiteAudit'),
        auditedBy: z.enum(['us', 'thirdParty']).describe('Our own auditors or a third party we engaged'),
        auditorName: z.string().trim().max(200).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('thirdPartyReport'), certificate: certificateSchema }).strict(),
    z
      .object({
        kind: z.literal('selfAssessmentQuestionnaire'),
        responseId: z.string().min(1).describe('The vendor questionnaire response reviewed'),
      })
      .strict(),
  ])
  .describe('How the vendor was checked');

export const oversightFindingSchema = z
  .object({
    id: z.string().min(1),
    description: z.string().trim().min(1).max(2000),
    remediationOwner: z.string().trim().min(1).max(200).describe('Who fixes it (vendor side contact or our owner)'),
    dueDate: z.iso.date().describe('Remediation due date'),
    resolvedOn: z.iso.date().optional().describe('Date remediation was confirmed'),
  })
  .strict();
export type OversightFinding = z.infer<typeof oversightFindingSchema>;

export const oversightResults = ['satisfactory', 'findings', 'unsatisfactory'] as const;

const oversightCheckShape = z
  .object({
    vendorId: z.string().min(1),
    method: oversightMethodSchema,
    date: z.iso.date().describe('Date of the check'),
    reviewer: z.string().trim().min(1).max(200).describe('Who confirmed the result'),
    result: z.enum(oversightResults),
    findings: z.array(oversightFindingSchema).default([]),
    evidenceRefs: z.array(z.string().min(1)).min(1).describe('Evidence kept (report files, minutes); Art. 8 ¶3 requires a record'),
  })
  .strict();

const findingsMatchResult = (c: { result: string; findings: unknown[] }) => c.result === 'satisfactory' || c.findings.length > 0;
const findingsMatchResultError = { message: 'A result with findings or unsatisfactory must list the findings', path: ['findings'] };

export const oversightCheckInputSchema = oversightCheckShape.refine(findingsMatchResult, findingsMatchResultError);

export const oversightCheckSchema = oversightCheckShape
  .extend({ id: z.string().min(1), tenantId: z.string().min(1) })
  .strict()
  .refine(findingsMatchResult, findingsMatchResultError);
export type OversightCheck = z.infer<typeof oversightCheckSchema>;

/** The plan's default cadence: once a year (seed 000 §13(2)1). */
export const DEFAULT_OVERSIGHT_FREQUENCY: Frequency = YEARLY;

export function nextOversightDue(lastCheckDate: IsoDate, frequency: Frequency = DEFAULT_OVERSIGHT_FREQUENCY): IsoDate {
  return advanceByFrequency(lastCheckDate, frequency);
}

export interface OversightStatus {
  vendorId: string;
  lastCheckDate: IsoDate | null;
  nextDue: IsoDate;
  overdue: boolean;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
}

/**
 * Where the vendor stands on `asOf`. A vendor never checked is due one period after it started
 * to receive data (onboardedOn); the due day itself is still on time.
 */
export function oversightStatus(
  vendor: { id: string; onboardedOn: IsoDate },
  checks: readonly Pick<OversightCheck, 'vendorId' | 'date'>[],
  asOf: IsoDate,
  frequency: Frequency = DEFAULT_OVERSIGHT_FREQUENCY,
): OversightStatus {
  const dates = checks.filter((c) => c.vendorId === vendor.id && compareIsoDate(c.date, asOf) <= 0).map((c) => c.date).sort();
  const lastCheckDate = dates.at(-1) ?? null;
  const nextDue = nextOversightDue(lastCheckDate ?? vendor.onboardedOn, frequency);
  const late = daysBetween(nextDue, asOf);
  return { vendorId: vendor.id, lastCheckDate, nextDue, overdue: late > 0, daysOverdue: Math.max(0, late) };
}

export function overdueOversight(
  vendors: readonly { id: string; onboardedOn: IsoDate }[],
  checks: readonly Pick<OversightCheck, 'vendorId' | 'date'>[],
  asOf: IsoDate,
  frequency: Frequency = DEFAULT_OVERSIGHT_FREQUENCY,
): OversightStatus[] {
  return vendors
    .map((v) => oversightStatus(v, checks, asOf, frequency))
    .filter((s) => s.overdue)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.vendorId.localeCompare(b.vendorId));
}

export interface OverdueRemediation {
  vendorId: string;
  checkId: string;
  finding: OversightFinding;
  daysOverdue: number;
}

/** Findings not resolved by their due date; the due day itself is on time. */
export function overdueRemediations(checks: readonly OversightCheck[], asOf: IsoDate): OverdueRemediation[] {
  return checks.flatMap((check) =>
    check.findings
      .filter((f) => f.resolvedOn === undefined && compareIsoDate(f.dueDate, asOf) < 0)
      .map((finding) => ({ vendorId: check.vendorId, checkId: check.id, finding, daysOverdue: daysBetween(finding.dueDate, asOf) })),
  );
}

export interface CertificateAlert {
  vendorId: string;
  checkId: string;
  certificate: Certificate;
  state: 'expired' | 'expiring';
  /** Days from asOf to validUntil; negative once expired. */
  daysLeft: number;
}

/**
 * Certificates that run out within `days` of `asOf` (validUntil ≤ asOf + days) or already have.
 * Only the latest certificate per vendor and standard counts: a renewal supersedes the old one.
 */
export function certificatesExpiringWithin(checks: readonly OversightCheck[], asOf: IsoDate, days: number): CertificateAlert[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  const latest = new Map<string, { checkId: string; vendorId: string; certificate: Certificate }>();
  for (const check of checks) {
    if (check.method.kind !== 'thirdPartyReport') continue;
    const certificate = check.method.certificate;
    const key = `${check.vendorId}\u0000${certificate.standard}`;
    const known = latest.get(key);
    if (!known || compareIsoDate(certificate.validUntil, known.certificate.validUntil) > 0) {
      latest.set(key, { checkId: check.id, vendorId: check.vendorId, certificate });
    }
  }
  const horizon = addDays(asOf, days);
  return [...latest.values()]
    .filter(({ certificate }) => compareIsoDate(certificate.validUntil, horizon) <= 0)
    .map(({ checkId, vendorId, certificate }): CertificateAlert => {
      const daysLeft = daysBetween(asOf, certificate.validUntil);
      return { vendorId, checkId, certificate, state: daysLeft < 0 ? 'expired' : 'expiring', daysLeft };
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.vendorId.localeCompare(b.vendorId));
}
