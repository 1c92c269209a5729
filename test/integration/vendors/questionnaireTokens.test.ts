/**
 * The vendor's questionnaire link is a bearer secret for exactly one response of one tenant:
 * it reaches nothing else, expires, dies on submission, cannot be forged or transplanted to
 * another tenant's response, and is not interchangeable with an API key.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let now = new Date('2026-05-01T00:00:00Z');
let tenantA: Awaited<ReturnType<TestApi['onboardTenant']>>;
let tenantB: Awaited<ReturnType<TestApi['onboardTenant']>>;
let vendorA: string;
let vendorB: string;

const vendorBody = (name: string) => ({
  name,
  registration: { kind: 'foreign', country: 'US', number: 'DE-1234567' },
  country: 'US',
  services: ['電子郵件寄送'],
  contact: { name: 'Alex Chen', email: 'alex@mailer.example.com' },
  processingRegions: [{ country: 'US' }],
  onboardedOn: '2026-01-01',
});

async function issueLink(ownerKey: string, vendorId: string, body: Record<string, unknown> = {}) {
  const link = await api.call('POST', `/v1/vendors/${vendorId}/questionnaire-links`, { key: ownerKey, body });
  expect(link.status).toBe(201);
  return link.body as { token: string; path: string; responseId: string; tokenIdPrefix: string; expiresAt: string };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  tenantA = await api.onboardTenant({ companyName: '甲公司' });
  tenantB = await api.onboardTenant({ companyName: '乙公司' });
  vendorA = (await api.call('POST', '/v1/vendors', { key: tenantA.ownerKey, body: vendorBody('甲的寄信商') })).body.id;
  vendorB = (await api.call('POST', '/v1/vendors', { key: tenantB.ownerKey, body: vendorBody('乙的寄信商') })).body.id;
});

describe('questionnaire link tokens', () => {
  it('are 256-bit secrets shown once; only their SHA-256 is stored', async () => {
    const link = await issueLink(tenantA.ownerKey, vendorA);
    expect(Buffer.from(link.token.slice(4), 'base64url')).toHaveLength(32);
    const index = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: api.deps.controlPlane.tableName, Key: { pk: `QTOKEN#${sha256(link.token)}`, sk: 'QTOKEN' } }));
    expect(index.Item).toMatchObject({ tenantId: tenantA.tenantId, responseId: link.responseId, expiresAt: link.expiresAt });
    expect(JSON.stringify(index.Item)).not.toContain(link.token);
    const tableName = `${api.deps.provisioning.tenantTablePrefix}${tenantA.tenantId}`;
    const stored = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: tableName, Key: { pk: `VENDOR#${vendorA}`, sk: `QRESPONSE#${link.responseId}` } }));
    expect(JSON.stringify(stored.Item)).not.toContain(link.token);
    expect(stored.Item?.token.tokenId).toBe(sha256(link.token));

    // Officer views never show the secret either.
    const listed = await api.call('GET', `/v1/vendors/${vendorA}/questionnaire-responses`, { key: tenantA.ownerKey });
    expect(JSON.stringify(listed.body)).not.toContain(link.token);
    expect(JSON.stringify(listed.body)).not.toContain(sha256(link.token));

    // An idempotent replay of the issuing call does not hand the secret out again.
    const headers = { 'idempotency-key': 'link-replay-0001' };
    const first = await api.call('POST', `/v1/vendors/${vendorA}/questionnaire-links`, { key: tenantA.ownerKey, body: {}, headers });
    const replay = await api.call('POST', `/v1/vendors/${vendorA}/questionnaire-links`, { key: tenantA.ownerKey, body: {}, headers });
    expect(first.body.token).toMatch(/^vqt_/);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ responseId: first.body.responseId, token: null, tokenRedacted: true });
  });

  it('open only their own questionnaire: no tenant route accepts them, other responses stay untouched', async () => {
    const mine = await issueLink(tenantA.ownerKey, vendorA);
    const other = await issueLink(tenantA.ownerKey, vendorA);
    for (const [method, path] of [
      ['GET', '/v1/vendors'],
      ['GET', `/v1/vendors/${vendorA}`],
      ['GET', `/v1/vendors/${vendorA}/questionnaire-responses/${other.responseId}`],
      ['GET', '/v1/vendor-questionnaire'],
    ] as const) {
      const response = await api.call(method, path, { key: mine.token });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
    const opened = await api.call('GET', mine.path);
    expect(opened.status).toBe(200);
    const answer = opened.body.questionnaire.questions[0];
    const saved = await api.call('PUT', `${mine.path}/answers`, { body: { answers: [{ questionId: answer.id, answer: 'no', comment: '尚未建立' }] }, headers: { 'if-match': opened.headers.get('etag')! } });
    expect(saved.status).toBe(200);
    const untouched = await api.call('GET', `/v1/vendors/${vendorA}/questionnaire-responses/${other.responseId}`, { key: tenantA.ownerKey });
    expect(untouched.body.answers).toEqual([]);
    const changed = await api.call('GET', `/v1/vendors/${vendorA}/questionnaire-responses/${mine.responseId}`, { key: tenantA.ownerKey });
    expect(changed.body.answers).toHaveLength(1);

    // The body cannot smuggle anything beyond answers, nor answers to questions that do not exist.
    const smuggle = await api.call('PUT', `${mine.path}/answers`, { body: { answers: [], status: 'accepted', responseId: other.responseId }, headers: { 'if-match': saved.headers.get('etag')! } });
    expect(smuggle.status).toBe(400);
    const unknownQuestion = await api.call('PUT', `${mine.path}/answers`, { body: { answers: [{ questionId: 'q.invented', answer: 'yes' }] }, headers: { 'if-match': saved.headers.get('etag')! } });
    expect(unknownQuestion.status).toBe(422);
    expect(unknownQuestion.body.errors[0]).toMatchObject({ field: 'answers.q.invented' });
    const noEtag = await api.call('PUT', `${mine.path}/answers`, { body: { answers: [] } });
    expect(noEtag.status).toBe(428);
  });

  it('expire: every public endpoint answers 410 once the link has run out', async () => {
    const link = await issueLink(tenantA.ownerKey, vendorA, { validForDays: 1 });
    const opened = await api.call('GET', link.path);
    expect(opened.status).toBe(200);
    const etag = opened.headers.get('etag')!;
    now = new Date('2026-05-02T00:00:00Z');
    try {
      const read = await api.call('GET', link.path);
      expect(read.status).toBe(410);
      expect(read.headers.get('content-type')).toContain('application/problem+json');
      expect(read.body.code).toBe('QUESTIONNAIRE_LINK_EXPIRED');
      expect((await api.call('PUT', `${link.path}/answers`, { body: { answers: [] }, headers: { 'if-match': etag } })).status).toBe(410);
      expect((await api.call('POST', `${link.path}/submit`)).status).toBe(410);
      const officerView = await api.call('GET', `/v1/vendors/${vendorA}/questionnaire-responses/${link.responseId}`, { key: tenantA.ownerKey });
      expect(officerView.body.link.status).toBe('expired');
    } finally {
      now = new Date('2026-05-01T00:00:00Z');
    }
  });

  it('cannot be reused after submission, and a revoked link is dead', async () => {
    const link = await issueLink(tenantA.ownerKey, vendorA);
    const opened = await api.call('GET', link.path);
    const answers = opened.body.questionnaire.questions.map((q: { id: string; evidenceRequested: boolean }) => ({ questionId: q.id, answer: 'yes', evidenceRefs: q.evidenceRequested ? ['policy.pdf'] : [] }));
    const saved = await api.call('PUT', `${link.path}/answers`, { body: { answers }, headers: { 'if-match': opened.headers.get('etag')! } });
    expect((await api.call('POST', `${link.path}/submit`)).status).toBe(200);
    const again = await api.call('POST', `${link.path}/submit`);
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('QUESTIONNAIRE_LINK_SUBMITTED');
    expect((await api.call('GET', link.path)).status).toBe(410);
    expect((await api.call('PUT', `${link.path}/answers`, { body: { answers: [] }, headers: { 'if-match': saved.headers.get('etag')! } })).status).toBe(410);

    const revocable = await issueLink(tenantA.ownerKey, vendorA);
    const revoked = await api.call('POST', `/v1/vendors/${vendorA}/questionnaire-responses/${revocable.responseId}/revoke-link`, { key: tenantA.ownerKey });
    expect(revoked.status).toBe(200);
    expect(revoked.body.link.status).toBe('revoked');
    expect((await api.call('GET', revocable.path)).status).toBe(410);
  });

  it('a forged token, a tampered token or another tenant\'s token opens nothing of this tenant', async () => {
    const linkA = await issueLink(tenantA.ownerKey, vendorA);
    const linkB = await issueLink(tenantB.ownerKey, vendorB);

    const forged = `vqt_${randomBytes(32).toString('base64url')}`;
    const tampered = linkA.token.slice(0, -2) + (linkA.token.endsWith('AA') ? 'BB' : 'AA');
    for (const token of [forged, tampered, 'vqt_short', linkA.token.toUpperCase()]) {
      const response = await api.call('GET', `/v1/public/vendor-questionnaires/${encodeURIComponent(token)}`);
      expect(response.status, token).toBe(404);
      expect(response.body.code).toBe('QUESTIONNAIRE_LINK_UNKNOWN');
      expect(JSON.stringify(response.body)).not.toContain(tenantA.tenantId);
    }

    // B's token opens B's questionnaire only: nothing of A appears.
    const openedB = await api.call('GET', linkB.path);
    expect(openedB.status).toBe(200);
    expect(openedB.body.requestedBy).toBe('乙公司');
    const text = JSON.stringify(openedB.body);
    for (const secret of [tenantA.tenantId, vendorA, linkA.responseId, '甲公司']) expect(text).not.toContain(secret);

    // Even an index row pointing a forged token at A's response is refused: the response must name the token.
    await api.deps.controlPlane.doc.send(new PutCommand({
      TableName: api.deps.controlPlane.tableName,
      Item: { pk: `QTOKEN#${sha256(forged)}`, sk: 'QTOKEN', tenantId: tenantA.tenantId, vendorId: vendorA, responseId: linkA.responseId, expiresAt: '2026-06-01T00:00:00.000Z' },
    }));
    const transplanted = await api.call('GET', `/v1/public/vendor-questionnaires/${forged}`);
    expect(transplanted.status).toBe(404);
    expect(JSON.stringify(transplanted.body)).not.toContain('甲公司');
  });

  it('a tenant API key is not a token, and a token does not need (or use) an Authorization header', async () => {
    const asToken = await api.call('GET', `/v1/public/vendor-questionnaires/${tenantA.ownerKey}`);
    expect(asToken.status).toBe(404);
    const withKey = await api.call('GET', `/v1/public/vendor-questionnaires/vqt_${'A'.repeat(43)}`, { key: tenantA.ownerKey });
    expect(withKey.status).toBe(404);
    const link = await issueLink(tenantA.ownerKey, vendorA);
    // B's owner key on A's link changes nothing: the link alone decides, and only A's response is reachable.
    const withOtherKey = await api.call('GET', link.path, { key: tenantB.ownerKey });
    expect(withOtherKey.status).toBe(200);
    expect(withOtherKey.body.requestedBy).toBe('甲公司');
  });

  it('officer review follows up in a new round pre-filled with the previous answers', async () => {
    const link = await issueLink(tenantA.ownerKey, vendorA);
    const opened = await api.call('GET', link.path);
    const answers = opened.body.questionnaire.questions.map((q: { id: string; evidenceRequested: boolean }) => ({ questionId: q.id, answer: 'yes', evidenceRefs: q.evidenceRequested ? ['policy.pdf'] : [] }));
    await api.call('PUT', `${link.path}/answers`, { body: { answers }, headers: { 'if-match': opened.headers.get('etag')! } });
    await api.call('POST', `${link.path}/submit`);
    const review = await api.call('POST', `/v1/vendors/${vendorA}/questionnaire-responses/${link.responseId}/review`, {
      key: tenantA.ownerKey,
      body: { reviewer: '林個資', decision: 'followUpRequired', comment: '請補充稽核報告' },
    });
    expect(review.body.status).toBe('followUpRequired');
    const followUp = await issueLink(tenantA.ownerKey, vendorA, { followUpOf: link.responseId });
    const reopened = await api.call('GET', followUp.path);
    expect(reopened.status).toBe(200);
    expect(reopened.body.answers).toHaveLength(answers.length);
    const officerView = await api.call('GET', `/v1/vendors/${vendorA}/questionnaire-responses/${followUp.responseId}`, { key: tenantA.ownerKey });
    expect(officerView.body.followUpOf).toBe(link.responseId);
  });

  it('the tenant edits its own questionnaire copy with If-Match; new links use the new version', async () => {
    const current = await api.call('GET', '/v1/vendor-questionnaire', { key: tenantA.ownerKey });
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"1"');
    const pending = await issueLink(tenantA.ownerKey, vendorA);
    const questions = [
      ...current.body.questions,
      { id: 'q.mailer.bounceData', text: { zhTW: '退信資料是否於30日內刪除？', en: 'Is bounce data deleted within 30 days?' }, required: true, evidenceRequested: false },
    ];
    expect((await api.call('PUT', '/v1/vendor-questionnaire', { key: tenantA.ownerKey, body: { title: current.body.title, questions } })).status).toBe(428);
    const duplicate = await api.call('PUT', '/v1/vendor-questionnaire', { key: tenantA.ownerKey, body: { title: current.body.title, questions: [...questions, questions[0]] }, headers: { 'if-match': '"1"' } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors[0].reasonZhTW).toBe('題目代碼不可重複');
    const updated = await api.call('PUT', '/v1/vendor-questionnaire', { key: tenantA.ownerKey, body: { title: current.body.title, questions }, headers: { 'if-match': '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, derivedFrom: { id: 'default-vendor-self-assessment', version: 1 } });
    expect((await api.call('PUT', '/v1/vendor-questionnaire', { key: tenantA.ownerKey, body: { title: current.body.title, questions }, headers: { 'if-match': '"1"' } })).status).toBe(412);

    // Links already sent keep the version they were issued with; new ones get the new question.
    const old = await api.call('GET', pending.path);
    expect(old.body.questionnaire.version).toBe(1);
    const fresh = await api.call('GET', (await issueLink(tenantA.ownerKey, vendorA)).path);
    expect(fresh.body.questionnaire.version).toBe(2);
    expect(fresh.body.questionnaire.questions.map((q: { id: string }) => q.id)).toContain('q.mailer.bounceData');
    // Tenant B still has the default.
    expect((await api.call('GET', '/v1/vendor-questionnaire', { key: tenantB.ownerKey })).body.version).toBe(1);
  });
});
