/**
 * Training rules (seed 000 §10): session checks, people and the roles' required trainings, who
 * missed the year's training and the year's coverage. The plan duties a session meets:
 * trainingDuties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  cancelTrainingSession,
  checkTrainingSession,
  directoryPeople,
  MAX_ATTENDEES_PER_SESSION,
  normalisedPersonName,
  PERSON_ID_PATTERN,
  personIdOfDirectoryMember,
  personIdOfName,
  requiredAudiencesFor,
  statutoryAllStaffTopics,
  trainingAudienceLabels,
  trainingAudiences,
  trainingCompliance,
  trainingEvidenceTexts,
  trainingTopicTexts,
  trainingTopics,
  updatableSession,
  yearCoverage,
  type SessionAttendee,
  type TrainingSession,
  type TrainingSessionFields,
} from '../../../domain/training';
import { trainingTopicLabels } from '../../../domain/plan/planContent';

const named = (name: string): SessionAttendee => ({ personId: personIdOfName(name), name, source: 'named' });
const fields = (overrides: Partial<TrainingSessionFields> = {}): TrainingSessionFields => ({
  title: '年度訓練',
  audience: 'allStaff',
  heldOn: '2026-03-02',
  topics: ['law', 'responsibilities', 'planRequirements'],
  trainer: '林小美',
  durationMinutes: 60,
  attendees: [named('陳小華')],
  evidenceKinds: ['attendanceSheet'],
  evidenceRefs: [],
  ...overrides,
});
let counter = 0;
const session = (overrides: Partial<TrainingSession> = {}): TrainingSession => ({ ...fields(), trainingSessionId: `trs_${String(counter++).padStart(4, '0')}`, status: 'held', ...overrides });
const codeOf = (outcome: ReturnType<typeof checkTrainingSession>) => (outcome.ok ? 'ok' : `${outcome.error.code}@${outcome.error.field}`);

describe('code lists', () => {
  it('labels every audience, topic and evidence kind in zh-TW and English, topics in the plan\'s own words', () => {
    for (const audience of trainingAudiences) expect(trainingAudienceLabels[audience].zhTW && trainingAudienceLabels[audience].en).toBeTruthy();
    for (const topic of trainingTopics) {
      expect(trainingTopicTexts[topic].zhTW).toBe(trainingTopicLabels[topic]);
      expect(trainingTopicTexts[topic].en.length).toBeGreaterThan(3);
    }
    expect(Object.keys(trainingEvidenceTexts)).toEqual(['attendanceSheet', 'meetingMinutes', 'assessment', 'other']);
    expect(trainingEvidenceTexts.attendanceSheet.zhTW).toBe('簽到簽退');
  });

  it('takes the regulations\' minimum topics (J0030130 Art. 11, K0010162 Art. 13, Q0010012 Art. 12) as statutory', () => {
    expect(statutoryAllStaffTopics).toEqual(['law', 'responsibilities', 'planRequirements']);
  });
});

describe('checkTrainingSession', () => {
  const today = '2026-03-10';
  it('accepts a complete session, including one held today', () => {
    expect(codeOf(checkTrainingSession(fields(), today))).toBe('ok');
    expect(codeOf(checkTrainingSession(fields({ heldOn: today }), today))).toBe('ok');
  });

  it.each([
    [{ heldOn: '2026-03-11' }, 'HELD_IN_FUTURE@heldOn'],
    [{ heldOn: '2026-02-30' }, 'INVALID_DATE@heldOn'],
    [{ trainer: '  ' }, 'TRAINER_REQUIRED@trainer'],
    [{ topics: [] }, 'TOPICS_REQUIRED@topics'],
    [{ topics: ['law', 'law'] }, 'DUPLICATE_TOPIC@topics'],
    [{ topics: ['law', 'other'] }, 'OTHER_TOPIC_UNDESCRIBED@otherTopic'],
    [{ topics: ['other'], otherTopic: ' ' }, 'OTHER_TOPIC_UNDESCRIBED@otherTopic'],
    [{ durationMinutes: 0 }, 'DURATION_NOT_POSITIVE@durationMinutes'],
    [{ durationMinutes: -30 }, 'DURATION_NOT_POSITIVE@durationMinutes'],
    [{ durationMinutes: 1.5 }, 'DURATION_NOT_POSITIVE@durationMinutes'],
    [{ attendees: [] }, 'ATTENDEES_REQUIRED@attendees'],
    [{ attendees: [named('甲'), named('乙'), named('甲')] }, 'DUPLICATE_ATTENDEE@attendees[2]'],
    [{ evidenceKinds: [] }, 'EVIDENCE_REQUIRED@evidenceKinds'],
    [{ evidenceKinds: ['attendanceSheet', 'attendanceSheet'] }, 'EVIDENCE_REQUIRED@evidenceKinds'],
    [{ evidenceKinds: ['other'] }, 'OTHER_EVIDENCE_UNDESCRIBED@otherEvidence'],
  ] as [Partial<TrainingSessionFields>, string][])('refuses %j with %s', (overrides, expected) => {
    const outcome = checkTrainingSession(fields(overrides), today);
    expect(codeOf(outcome)).toBe(expected);
    if (!outcome.ok) {
      expect(outcome.error.kind).toBe('invalidInput');
      expect(outcome.error.message.zhTW.length).toBeGreaterThan(0);
      expect(outcome.error.message.en.length).toBeGreaterThan(0);
    }
  });

  it('accepts "other" topic and evidence when described', () => {
    expect(codeOf(checkTrainingSession(fields({ topics: ['other'], otherTopic: '釣魚郵件演練', evidenceKinds: ['other'], otherEvidence: '線上課程完成紀錄' }), today))).toBe('ok');
  });

  it('caps attendees per session at the transaction budget', () => {
    const many = Array.from({ length: MAX_ATTENDEES_PER_SESSION + 1 }, (_, i) => named(`員工${i}`));
    expect(codeOf(checkTrainingSession(fields({ attendees: many }), today))).toBe('TOO_MANY_ATTENDEES@attendees');
    expect(codeOf(checkTrainingSession(fields({ attendees: many.slice(0, MAX_ATTENDEES_PER_SESSION) }), today))).toBe('ok');
  });
});

describe('cancel and update', () => {
  it('cancels once, with a reason; a cancelled session is neither cancelled again nor changed', () => {
    const held = session();
    const noReason = cancelTrainingSession(held, { reason: ' ', by: 'u', at: '2026-03-03T00:00:00Z' });
    expect(!noReason.ok && noReason.error.code).toBe('CANCEL_REASON_REQUIRED');
    const cancelled = cancelTrainingSession(held, { reason: ' 重複登錄 ', by: 'u', at: '2026-03-03T00:00:00Z' });
    expect(cancelled.ok && cancelled.value).toMatchObject({ status: 'cancelled', cancellation: { reason: '重複登錄', by: 'u' } });
    const again = cancelTrainingSession(cancelled.ok ? cancelled.value : held, { reason: 'x', by: 'u', at: '2026-03-03T00:00:00Z' });
    expect(!again.ok && again.error.kind).toBe('conflict');
    expect(updatableSession(held).ok).toBe(true);
    const locked = updatableSession(cancelled.ok ? cancelled.value : held);
    expect(!locked.ok && locked.error.code).toBe('SESSION_CANCELLED');
  });
});

describe('people', () => {
  it('derives stable, e-mail-free ids: by e-mail (case-insensitive) for the directory, by name as written otherwise', () => {
    const id = personIdOfDirectoryMember('Dpo@Example.com ');
    expect(id).toMatch(PERSON_ID_PATTERN);
    expect(id.startsWith('tdp_')).toBe(true);
    expect(id).toBe(personIdOfDirectoryMember('dpo@example.com'));
    expect(id).not.toContain('example');
    expect(personIdOfDirectoryMember('other@example.com')).not.toBe(id);
    expect(personIdOfName('陳 小華')).toMatch(/^nmp_[0-9a-f]{24}$/);
    expect(personIdOfName('陳　小華 ')).toBe(personIdOfName('陳 小華'));
    expect(personIdOfName('Amy  Lin')).toBe(personIdOfName('amy lin'));
    expect(personIdOfName('陳小華')).not.toBe(personIdOfName('陳小明'));
    expect(normalisedPersonName(' Ａｍｙ  Lin ')).toBe('Amy Lin');
  });

  it('requires the all-staff training of everyone, the privacy-team training of the 個資小組 roles, and the IT training of the security lead', () => {
    expect(requiredAudiencesFor([])).toEqual(['allStaff']);
    expect(requiredAudiencesFor(['salesLead'])).toEqual(['allStaff']);
    for (const role of ['convener', 'representative', 'privacyOfficer', 'unitPrivacyOfficer']) expect(requiredAudiencesFor([role])).toEqual(['allStaff', 'privacyTeam']);
    expect(requiredAudiencesFor(['securityLead'])).toEqual(['allStaff', 'privacyTeam', 'itStaff']);
    expect(requiredAudiencesFor(['salesLead', 'privacyOfficer'])).toEqual(['allStaff', 'privacyTeam']);
  });

  it('lists each directory person once with all their roles', () => {
    const people = directoryPeople({
      convener: [{ name: '技安', email: 'boss@example.com' }],
      privacyOfficer: [{ name: '技安', email: 'BOSS@example.com' }, { name: '宜靜', email: 'hr@example.com' }],
      securityLead: [{ name: '阿福', email: 'it@example.com' }],
    });
    expect(people.map((p) => [p.name, p.roles])).toEqual([['技安', ['convener', 'privacyOfficer']], ['宜靜', ['privacyOfficer']], ['阿福', ['securityLead']]]);
  });
});

describe('yearCoverage', () => {
  it('needs each audience once and the statutory topics across the year\'s all-staff sessions', () => {
    const sessions = [
      session({ audience: 'allStaff', topics: ['law'], heldOn: '2026-02-01' }),
      session({ audience: 'allStaff', topics: ['responsibilities', 'awareness'], heldOn: '2026-05-01' }),
      session({ audience: 'privacyTeam', topics: ['planRequirements'], heldOn: '2026-06-01' }),
    ];
    const partial = yearCoverage(sessions, 2026);
    expect(partial).toMatchObject({ covered: false, missingAudiences: ['itStaff'], missingStatutoryTopics: ['planRequirements'], sessionsByAudience: { allStaff: 2, privacyTeam: 1, itStaff: 0 } });
    const more = [...sessions, session({ audience: 'itStaff', topics: ['awareness'], heldOn: '2026-07-01' })];
    expect(yearCoverage(more, 2026)).toMatchObject({ covered: false, missingAudiences: [], missingStatutoryTopics: ['planRequirements'] });
    const full = [...more, session({ audience: 'allStaff', topics: ['planRequirements'], heldOn: '2026-08-01' })];
    expect(yearCoverage(full, 2026)).toMatchObject({ covered: true, missingAudiences: [], missingStatutoryTopics: [] });
  });

  it('ignores cancelled sessions and other years', () => {
    const all = [
      session({ audience: 'allStaff', heldOn: '2026-02-01', status: 'cancelled' }),
      session({ audience: 'privacyTeam', heldOn: '2026-02-01' }),
      session({ audience: 'itStaff', heldOn: '2026-02-01' }),
      session({ audience: 'allStaff', heldOn: '2025-12-31' }),
    ];
    expect(yearCoverage(all, 2026)).toMatchObject({ covered: false, missingAudiences: ['allStaff'] });
    expect(yearCoverage(all, 2025)).toMatchObject({ covered: false, missingAudiences: ['privacyTeam', 'itStaff'], missingStatutoryTopics: [] });
  });
});

describe('trainingCompliance (who missed this year\'s training)', () => {
  const directory = directoryPeople({
    privacyOfficer: [{ name: '林小美', email: 'dpo@example.com' }],
    securityLead: [{ name: '阿福', email: 'it@example.com' }],
    salesLead: [{ name: '出木杉', email: 'sales@example.com' }],
  });
  const dpo = personIdOfDirectoryMember('dpo@example.com');
  const it2 = personIdOfDirectoryMember('it@example.com');
  const sales = personIdOfDirectoryMember('sales@example.com');
  const attendee = (personId: string, name: string): SessionAttendee => ({ personId, name, source: 'teamDirectory' });

  it('checks each person against the trainings their roles require', () => {
    const sessions = [
      session({ trainingSessionId: 'trs_a', audience: 'allStaff', heldOn: '2026-03-01', attendees: [attendee(dpo, '林小美'), attendee(it2, '阿福'), named('大雄')] }),
      session({ trainingSessionId: 'trs_b', audience: 'privacyTeam', heldOn: '2026-04-01', attendees: [attendee(dpo, '林小美'), attendee(it2, '阿福')] }),
      session({ trainingSessionId: 'trs_c', audience: 'itStaff', heldOn: '2026-05-01', attendees: [attendee(dpo, '林小美')], status: 'cancelled' }),
      // Last year's attendee who has not been trained this year.
      session({ trainingSessionId: 'trs_old', audience: 'allStaff', heldOn: '2025-06-01', attendees: [named('胖虎'), named('大雄')] }),
    ];
    const result = trainingCompliance({ year: 2026, directory, sessions });
    const byName = Object.fromEntries(result.people.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['出木杉', '大雄', '林小美', '胖虎', '阿福'].sort());
    expect(byName['林小美']).toMatchObject({ inTeamDirectory: true, requiredAudiences: ['allStaff', 'privacyTeam'], attendedAudiences: ['allStaff', 'privacyTeam'], missingAudiences: [], sessionIds: ['trs_a', 'trs_b'] });
    // The cancelled IT session counts for nobody.
    expect(byName['阿福']).toMatchObject({ requiredAudiences: ['allStaff', 'privacyTeam', 'itStaff'], missingAudiences: ['itStaff'] });
    expect(byName['出木杉']).toMatchObject({ personId: sales, roles: ['salesLead'], requiredAudiences: ['allStaff'], missingAudiences: ['allStaff'], sessionIds: [] });
    expect(byName['大雄']).toMatchObject({ inTeamDirectory: false, missingAudiences: [] });
    expect(byName['胖虎']).toMatchObject({ inTeamDirectory: false, requiredAudiences: ['allStaff'], missingAudiences: ['allStaff'] });
    expect(result.missed.map((p) => p.name).sort()).toEqual(['出木杉', '胖虎', '阿福'].sort());
    // Directory people first.
    expect(result.people.slice(0, 3).every((p) => p.inTeamDirectory)).toBe(true);
    expect(result).toMatchObject({ year: 2026, covered: false, missingAudiences: ['itStaff'] });
  });

  it('with no directory and no sessions, nobody is known and the year is not covered', () => {
    expect(trainingCompliance({ year: 2026, directory: [], sessions: [] })).toMatchObject({ people: [], missed: [], covered: false, missingAudiences: ['allStaff', 'privacyTeam', 'itStaff'] });
  });
});
