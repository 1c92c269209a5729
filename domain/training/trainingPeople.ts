/**
 * Who a training record is about. The team directory (PUT /v1/team-directory) lists people by
 * role with name and e-mail but no id, so a directory person's id is derived from the e-mail, and
 * someone recorded by name only (not in the directory) gets an id derived from the name as
 * written: the same person recorded twice the same way has one history. Ids are hashes so the
 * path of a history never carries an e-mail address.
 */
import { createHash } from 'node:crypto';
import type { TrainingAudience } from './trainingSession';

export const PERSON_ID_PATTERN = /^(tdp|nmp)_[0-9a-f]{24}$/;

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 24);

/** Full-width/half-width and spacing variants of one name are the same name. */
export function normalisedPersonName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

export function personIdOfDirectoryMember(email: string): string {
  return `tdp_${digest(`email:${email.trim().toLowerCase()}`)}`;
}

export function personIdOfName(name: string): string {
  return `nmp_${digest(`name:${normalisedPersonName(name).toLowerCase()}`)}`;
}

/**
 * Which trainings a person's team roles require each year, decided from seed 000:
 * - everyone: the all-staff training (§10.1 全體員工);
 * - every role of the 個資小組 in §1(1)'s organisation chart — 召集人 (convener), 代表人
 *   (representative), 個資管理專職人員 (privacyOfficer), 資訊安全主管 (securityLead) and 單位個資管理專員
 *   (unitPrivacyOfficer): the privacy-team training (§10.2 個資小組人員（代表人、負責人及管理人員）;
 *   K0010162 Art. 13 ¶2);
 * - the 資訊安全主管, who heads 資訊部 in that chart: the IT-staff training (§10.3 資訊人員).
 * Roles the product does not know (the directory takes any role name) require the all-staff
 * training only.
 */
export const privacyTeamRoles: readonly string[] = ['convener', 'representative', 'privacyOfficer', 'securityLead', 'unitPrivacyOfficer'];
export const itStaffRoles: readonly string[] = ['securityLead'];

export function requiredAudiencesFor(roles: readonly string[]): TrainingAudience[] {
  const audiences: TrainingAudience[] = ['allStaff'];
  if (roles.some((role) => privacyTeamRoles.includes(role))) audiences.push('privacyTeam');
  if (roles.some((role) => itStaffRoles.includes(role))) audiences.push('itStaff');
  return audiences;
}

export interface DirectoryPerson {
  personId: string;
  name: string;
  email: string;
  roles: string[];
}

/** The directory's people, one entry per e-mail address however many roles they hold (in role order). */
export function directoryPeople(directory: Readonly<Record<string, readonly { name: string; email: string }[]>>): DirectoryPerson[] {
  const byId = new Map<string, DirectoryPerson>();
  for (const [role, members] of Object.entries(directory)) {
    for (const member of members) {
      const personId = personIdOfDirectoryMember(member.email);
      const known = byId.get(personId);
      if (known) {
        if (!known.roles.includes(role)) known.roles.push(role);
      } else {
        byId.set(personId, { personId, name: member.name, email: member.email, roles: [role] });
      }
    }
  }
  return [...byId.values()];
}
