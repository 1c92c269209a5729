import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, PutObjectLegalHoldCommand, PutObjectRetentionCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { contentDisposition, createS3ObjectStore, unconfiguredObjectStore } from '../../../functions/storage/s3ObjectStore';

const client = new S3Client({ region: 'ap-northeast-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const s3 = mockClient(client);
const now = new Date('2026-03-02T01:30:00.000Z');
const store = createS3ObjectStore({ bucketName: 'pdpa-evidence', region: 'ap-northeast-1', client, clock: () => now });
const key = 'tn_01jq3z5k8m9n0p1q2r3s4t5v6w/evidence/evd_01jq3z5k8m9n0p1q2r3s4t5v6w';

afterEach(() => s3.reset());

describe('S3 object store', () => {
  it('pre-signs a PUT that binds the key, media type and length, expiring when asked', async () => {
    const upload = await store.presignUpload(key, { mediaType: 'application/pdf', sizeBytes: 1234, expiresInSeconds: 900 });
    const url = new URL(upload.url);
    expect(url.hostname).toContain('pdpa-evidence');
    expect(url.pathname).toBe(`/${key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type', 'host']));
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/pdf', 'content-length': '1234' }, expiresAt: '2026-03-02T01:45:00.000Z' });
  });

  it('pre-signs a GET that downloads under the file name (UTF-8 names too)', async () => {
    const download = await store.presignDownload(key, { expiresInSeconds: 300, fileName: '教育訓練簽到表.pdf' });
    const url = new URL(download.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-disposition')).toBe(contentDisposition('教育訓練簽到表.pdf'));
    expect(download.expiresAt).toBe('2026-03-02T01:35:00.000Z');
  });

  it('quotes file names safely for Content-Disposition', () => {
    expect(contentDisposition('a "b".pdf')).toBe('attachment; filename="a _b_.pdf"; filename*=UTF-8\'\'a%20%22b%22.pdf');
    expect(contentDisposition('簽到.pdf')).toBe('attachment; filename="__.pdf"; filename*=UTF-8\'\'%E7%B0%BD%E5%88%B0.pdf');
  });

  it('puts, reads, heads and deletes by key in the bucket', async () => {
    s3.on(PutObjectCommand).resolves({});
    // The SDK's stream body, as far as the store uses it.
    const body = { transformToByteArray: async () => new TextEncoder().encode('hello') };
    s3.on(GetObjectCommand).resolves({ Body: body as never });
    s3.on(HeadObjectCommand).resolves({ ContentLength: 5 });
    s3.on(DeleteObjectCommand).resolves({});
    await store.put(key, new TextEncoder().encode('hello'), 'text/plain');
    expect(Buffer.from((await store.get(key))!).toString()).toBe('hello');
    expect(await store.head(key)).toEqual({ sizeBytes: 5 });
    await store.delete(key);
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({ Bucket: 'pdpa-evidence', Key: key, ContentType: 'text/plain' });
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Tagging).toBeUndefined();
    await store.put(key, new TextEncoder().encode('pack'), 'application/zip', { tags: { 'pdpa-object': 'inspection-pack' } });
    expect(s3.commandCalls(PutObjectCommand)[1]!.args[0].input.Tagging).toBe('pdpa-object=inspection-pack');
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'pdpa-evidence', Key: key });
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'pdpa-evidence', Key: key });
  });

  it('answers undefined for a missing object and rethrows anything else', async () => {
    s3.on(GetObjectCommand).rejects(Object.assign(new Error('no such key'), { name: 'NoSuchKey' }));
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('not found'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    expect(await store.get(key)).toBeUndefined();
    expect(await store.head(key)).toBeUndefined();
    s3.on(GetObjectCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    await expect(store.get(key)).rejects.toThrow('denied');
  });

  it('locks a file in governance mode until its retention date and sets or clears the legal hold', async () => {
    s3.on(PutObjectRetentionCommand).resolves({});
    s3.on(PutObjectLegalHoldCommand).resolves({});
    await store.retain!(key, { retainUntil: '2031-01-01T00:00:00.000Z', legalHold: true });
    await store.retain!(key, { retainUntil: '2031-01-01T00:00:00.000Z', legalHold: false });
    expect(s3.commandCalls(PutObjectRetentionCommand)[0]!.args[0].input).toEqual({ Bucket: 'pdpa-evidence', Key: key, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date('2031-01-01T00:00:00.000Z') } });
    expect(s3.commandCalls(PutObjectLegalHoldCommand).map((call) => call.args[0].input.LegalHold)).toEqual([{ Status: 'ON' }, { Status: 'OFF' }]);
  });

  it('refuses every use in a Lambda without an evidence bucket', async () => {
    await expect(unconfiguredObjectStore().get(key)).rejects.toThrow('EVIDENCE_BUCKET');
  });
});
