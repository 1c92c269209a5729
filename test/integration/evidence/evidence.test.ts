/**
 * Evidence end to end (issue #17; seed 000 §11, seed 001 Art. 14): register → upload through the
 * local signed URL (a real PUT to the in-process app) → server-side SHA-256 check → complete, a
 * tampered upload → rejected, retention and legal hold refusing deletion, the audited deletion
 * after retention, tenant isolation of records and files, and the signed URL's own refusals.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let now = new Date('2026-03-02T02:00:00Z');
let tenantA: Awaited<ReturnType<TestApi['onboardTenant']>>;
let tenantB: Awaited<ReturnType<TestApi['onboardTenant']>>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const signInSheet = Buffer.from('115年度個資教育訓練簽到表\n王小明 ✔\n林美玲 ✔\n', 'utf8');

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  tenantA = await api.onboardTenant();
  tenantB = await api.onboardTenant();
}, 60_000);

function register(key: string, bytes: Uint8Array, overrides: Record<string, unknown> = {}) {
  return api.call('POST', '/v1/evidence', {
    key,
    body: {
      title: '115年度個資教育訓練簽到表',
      supports: [{ kind: 'trainingSession', id: 'trs_2026_allstaff' }, { kind: 'duty', id: 'duty:training' }],
      fileName: '簽到表.txt',
      mediaType: 'text/plain',
      sizeBytes: bytes.byteLength,
      sha256: sha256(bytes),
      relatesToYear: 2025,
      ...overrides,
    },
  });
}

/** The PUT a client makes to the URL it was given, against the in-process app. */
function upload(url: string, headers: Record<string, string>, bytes: Uint8Array) {
  return api.app.request(url, { method: 'PUT', headers, body: bytes });
}

describe('evidence records', () => {
  it('are registered pending, uploaded through the signed URL, hash-checked and then complete', async () => {
    const created = await register(tenantA.ownerKey, signInSheet);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id: string = created.body.evidence.id;
    expect(created.body.evidence).toMatchObject({
      status: 'pending',
      sizeBytes: signInSheet.byteLength,
      sha256: sha256(signInSheet),
      relatesToYear: 2025,
      retention: { years: 5, endsOn: '2030-12-31', deletableFrom: '2031-01-01' },
      legalHold: null,
      verification: null,
      addedAt: now.toISOString(),
    });
    expect(created.body.upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'text/plain' }, expiresAt: '2026-03-02T02:15:00.000Z' });
    expect(new URL(created.body.upload.url).pathname).toBe(`/local-objects/${tenantA.tenantId}/evidence/${id}`);

    // Nothing uploaded yet: no verification.
    const early = await api.call('POST', `/v1/evidence/${id}/verification`, { key: tenantA.ownerKey });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('EVIDENCE_NOT_UPLOADED');

    const put = await upload(created.body.upload.url, created.body.upload.headers, signInSheet);
    expect(put.status).toBe(200);
    const verified = await api.call('POST', `/v1/evidence/${id}/verification`, { key: tenantA.ownerKey });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toMatchObject({ status: 'complete', verification: { actualSha256: sha256(signInSheet), actualSizeBytes: signInSheet.byteLength, at: now.toISOString() } });
    expect(verified.headers.get('etag')).toBe('"2"');
    expect((await api.call('POST', `/v1/evidence/${id}/verification`, { key: tenantA.ownerKey })).body.code).toBe('EVIDENCE_ALREADY_VERIFIED');

    // The record hands out a short-lived link to exactly these bytes.
    const got = await api.call('GET', `/v1/evidence/${id}`, { key: tenantA.ownerKey });
    expect(got.status).toBe(200);
    expect(got.body.download.expiresAt).toBe('2026-03-02T02:05:00.000Z');
    const downloaded = await api.app.request(got.body.download.url);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(signInSheet)).toBe(true);
    expect(downloaded.headers.get('content-type')).toBe('text/plain');
    expect(downloaded.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('簽到表.txt')}`);

    // Listed in the register and under each record it supports, not under others.
    const listed = await api.call('GET', '/v1/evidence', { key: tenantA.ownerKey });
    expect(listed.body.items.map((e: { id: string }) => e.id)).toContain(id);
    const supporting = await api.call('GET', `/v1/evidence?supportsKind=duty&supportsId=${encodeURIComponent('duty:training')}`, { key: tenantA.ownerKey });
    expect(supporting.status, JSON.stringify(supporting.body)).toBe(200);
    expect(supporting.body.items.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([[id, 'complete']]);
    expect((await api.call('GET', '/v1/evidence?supportsKind=incident&supportsId=inc_none', { key: tenantA.ownerKey })).body.items).toEqual([]);
    const halfFilter = await api.call('GET', '/v1/evidence?supportsKind=duty', { key: tenantA.ownerKey });
    expect(halfFilter.status).toBe(400);
    expect(halfFilter.body.errors[0].field).toBe('query.supportsId');

    const audit = await api.call('GET', `/v1/audit-events?resourceType=evidence&resourceId=${id}`, { key: tenantA.ownerKey });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['evidence.create', 'evidence.verify']);
  });

  it('are rejected when the uploaded bytes do not match the declared hash (a tampered file)', async () => {
    const created = await register(tenantA.ownerKey, signInSheet);
    const tampered = Buffer.from(signInSheet);
    tampered[tampered.length - 2] ^= 0x01; // same size, one bit changed
    expect((await upload(created.body.upload.url, created.body.upload.headers, tampered)).status).toBe(200);
    const verified = await api.call('POST', `/v1/evidence/${created.body.evidence.id}/verification`, { key: tenantA.ownerKey });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'rejected', sha256: sha256(signInSheet), verification: { actualSha256: sha256(tampered), actualSizeBytes: tampered.byteLength } });
    expect((await api.call('GET', `/v1/evidence/${created.body.evidence.id}`, { key: tenantA.ownerKey })).body.download).toBeNull();
    // A rejected record never counted as evidence: it may be withdrawn (audited) before any retention.
    const withdrawn = await api.call('DELETE', `/v1/evidence/${created.body.evidence.id}`, { key: tenantA.ownerKey, headers: { 'if-match': '"2"' } });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'rejected', retentionEnded: false });
  });

  it('refuse bad input with per-field reasons in zh-TW and English', async () => {
    const exe = await register(tenantA.ownerKey, signInSheet, { mediaType: 'application/x-msdownload', fileName: 'a.exe' });
    expect(exe.status).toBe(400);
    expect(exe.body.errors.map((e: { field: string }) => e.field)).toContain('mediaType');
    const mismatch = await register(tenantA.ownerKey, signInSheet, { fileName: 'a.pdf' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ code: 'FILE_EXTENSION_MISMATCH', errors: [{ field: 'fileName' }] });
    expect(mismatch.body.errors[0].reasonZhTW).toContain('.txt');
    expect(mismatch.body.errors[0].reasonEn).toContain('.txt');
    const shortRetention = await register(tenantA.ownerKey, signInSheet, { retentionYears: 3 });
    expect(shortRetention.status).toBe(400);
    expect(shortRetention.body.errors[0].field).toBe('retentionYears');
    const future = await register(tenantA.ownerKey, signInSheet, { relatesToYear: 2027 });
    expect(future.body).toMatchObject({ status: 400, code: 'YEAR_INVALID' });
    expect((await api.call('GET', '/v1/evidence/evd_nonsense', { key: tenantA.ownerKey })).status).toBe(400);
  });

  it('cannot be deleted before retention ends or while on legal hold; deletion after that is audited', async () => {
    const created = await register(tenantA.ownerKey, signInSheet, { supports: [{ kind: 'incident', id: 'inc_retention' }] });
    const id: string = created.body.evidence.id;
    await upload(created.body.upload.url, created.body.upload.headers, signInSheet);
    expect((await api.call('POST', `/v1/evidence/${id}/verification`, { key: tenantA.ownerKey })).body.status).toBe('complete');

    expect((await api.call('DELETE', `/v1/evidence/${id}`, { key: tenantA.ownerKey })).status).toBe(428);
    const early = await api.call('DELETE', `/v1/evidence/${id}`, { key: tenantA.ownerKey, headers: { 'if-match': '"2"' } });
    expect(early.status).toBe(422);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body.code).toBe('EVIDENCE_RETENTION_NOT_ENDED');
    expect(early.body.detail).toContain('2030-12-31');
    expect(early.body.errors[0].reasonEn).toContain('2031-01-01');
    // Only the owner deletes evidence.
    const officer = await tenantA.issueKey('officer');
    expect((await api.call('DELETE', `/v1/evidence/${id}`, { key: officer, headers: { 'if-match': '"2"' } })).status).toBe(403);

    // A legal hold (with its reason) outlasts retention.
    expect((await api.call('POST', `/v1/evidence/${id}/legal-hold`, { key: tenantA.ownerKey, body: { on: true, reason: ' ' } })).status).toBe(400);
    const held = await api.call('POST', `/v1/evidence/${id}/legal-hold`, { key: officer, body: { on: true, reason: '個資保護委員會行政檢查' } });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body.legalHold).toMatchObject({ reason: '個資保護委員會行政檢查', since: now.toISOString() });
    expect((await api.call('POST', `/v1/evidence/${id}/legal-hold`, { key: officer, body: { on: true, reason: '再次' } })).body.code).toBe('LEGAL_HOLD_ALREADY_ON');

    now = new Date('2031-01-02T02:00:00Z');
    const onHold = await api.call('DELETE', `/v1/evidence/${id}`, { key: tenantA.ownerKey, headers: { 'if-match': held.headers.get('etag')! } });
    expect(onHold.status).toBe(422);
    expect(onHold.body.code).toBe('EVIDENCE_ON_LEGAL_HOLD');
    const lifted = await api.call('POST', `/v1/evidence/${id}/legal-hold`, { key: tenantA.ownerKey, body: { on: false, reason: '檢查結案' } });
    expect(lifted.status).toBe(200);
    expect(lifted.body.legalHold).toBeNull();

    expect((await api.call('DELETE', `/v1/evidence/${id}`, { key: tenantA.ownerKey, headers: { 'if-match': '"3"' } })).status).toBe(412);
    const deleted = await api.call('DELETE', `/v1/evidence/${id}`, { key: tenantA.ownerKey, headers: { 'if-match': lifted.headers.get('etag')! } });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toMatchObject({ id, status: 'complete', sha256: sha256(signInSheet), retentionEnded: true, deletedAt: now.toISOString() });
    expect((await api.call('GET', `/v1/evidence/${id}`, { key: tenantA.ownerKey })).status).toBe(404);
    expect((await api.call('GET', '/v1/evidence?supportsKind=incident&supportsId=inc_retention', { key: tenantA.ownerKey })).body.items).toEqual([]);
    expect(await api.deps.objectStore.get(`${tenantA.tenantId}/evidence/${id}`)).toBeUndefined();
    const audit = await api.call('GET', `/v1/audit-events?resourceType=evidence&resourceId=${id}`, { key: tenantA.ownerKey });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['evidence.create', 'evidence.verify', 'evidence.legalHold.on', 'evidence.legalHold.off', 'evidence.delete']);
    expect(audit.body.items[4]).toMatchObject({ action: 'evidence.delete', at: now.toISOString(), actorRole: 'owner' });
    now = new Date('2026-03-02T02:00:00Z');
  });

  it('are another tenant\'s business: no record, no file, no forged URL', async () => {
    const created = await register(tenantA.ownerKey, signInSheet, { supports: [{ kind: 'vendorCheck', id: 'vck_isolation' }] });
    const id: string = created.body.evidence.id;
    await upload(created.body.upload.url, created.body.upload.headers, signInSheet);
    await api.call('POST', `/v1/evidence/${id}/verification`, { key: tenantA.ownerKey });

    for (const [method, path, body] of [
      ['GET', `/v1/evidence/${id}`, undefined],
      ['POST', `/v1/evidence/${id}/verification`, undefined],
      ['POST', `/v1/evidence/${id}/legal-hold`, { on: true, reason: 'x' }],
    ] as const) {
      const answer = await api.call(method, path, { key: tenantB.ownerKey, body });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.type).toContain('not-found');
    }
    expect((await api.call('DELETE', `/v1/evidence/${id}`, { key: tenantB.ownerKey, headers: { 'if-match': '"2"' } })).status).toBe(404);
    expect((await api.call('GET', '/v1/evidence?supportsKind=vendorCheck&supportsId=vck_isolation', { key: tenantB.ownerKey })).body.items).toEqual([]);

    // B's own signed download URL, pointed at A's file: the signature covers the key.
    const own = await register(tenantB.ownerKey, signInSheet);
    await upload(own.body.upload.url, own.body.upload.headers, signInSheet);
    await api.call('POST', `/v1/evidence/${own.body.evidence.id}/verification`, { key: tenantB.ownerKey });
    const ownLink = new URL((await api.call('GET', `/v1/evidence/${own.body.evidence.id}`, { key: tenantB.ownerKey })).body.download.url);
    ownLink.pathname = `/local-objects/${tenantA.tenantId}/evidence/${id}`;
    const stolen = await api.app.request(ownLink.toString());
    expect(stolen.status).toBe(403);
    expect(stolen.headers.get('content-type')).toContain('application/problem+json');
    // Nor can B overwrite A's file with B's upload URL.
    const overwrite = new URL(own.body.upload.url);
    overwrite.pathname = `/local-objects/${tenantA.tenantId}/evidence/${id}`;
    expect((await upload(overwrite.toString(), own.body.upload.headers, signInSheet)).status).toBe(403);
  });
});

describe('the local signed URLs', () => {
  it('refuse an expired URL, a forged signature, another media type, a longer body and path traversal', async () => {
    const created = await register(tenantA.ownerKey, signInSheet);
    const { url, headers } = created.body.upload as { url: string; headers: Record<string, string> };

    const forged = new URL(url);
    forged.searchParams.set('signature', forged.searchParams.get('signature')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    const forgedAnswer = await upload(forged.toString(), headers, signInSheet);
    expect(forgedAnswer.status).toBe(403);
    expect(await forgedAnswer.json()).toMatchObject({ status: 403, code: 'SIGNATURE_INVALID' });

    const longer = new URL(url);
    longer.searchParams.set('size', String(signInSheet.byteLength * 10));
    expect((await upload(longer.toString(), headers, signInSheet)).status).toBe(403);
    expect((await upload(url, { 'content-type': 'application/pdf' }, signInSheet)).status).toBe(403);

    const tooLarge = await upload(url, headers, Buffer.concat([signInSheet, Buffer.from('x')]));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'BODY_LARGER_THAN_SIGNED' });

    for (const path of ['/local-objects/tn_x%2F..%2F..%2Fsecret', '/local-objects/tn_x/%2E%2E%5Csecret', '/local-objects/.meta/x', '/local-objects/tn_x/%00']) {
      const traversal = await api.app.request(`http://localhost:3000${path}?expires=9999999999&size=1&signature=x`, { method: 'PUT', headers, body: 'x' });
      expect(traversal.status, path).toBe(400);
      expect(await traversal.json()).toMatchObject({ code: 'OBJECT_KEY_INVALID' });
    }
    // Dot segments are resolved by URL parsing before routing: they never reach the objects folder.
    expect((await api.app.request('http://localhost:3000/local-objects/%2e%2e/%2e%2e/etc/passwd', { method: 'PUT', headers, body: 'x' })).status).toBe(404);

    now = new Date(now.getTime() + 16 * 60_000);
    const expired = await upload(url, headers, signInSheet);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ code: 'URL_EXPIRED' });
    expect(await api.deps.objectStore.head(`${tenantA.tenantId}/evidence/${created.body.evidence.id}`)).toBeUndefined();
    now = new Date('2026-03-02T02:00:00Z');
  });
});
