/**
 * The object store in AWS: one S3 bucket (infra/constructs/evidenceStorage.ts: versioning, SSE-KMS,
 * Object Lock, SSL only). The client and the presigner load lazily so the API Lambdas that never
 * touch evidence do not pay for them at cold start.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { unconfiguredObjectStore, type ObjectStore } from './objectStore';

export interface S3ObjectStoreOptions {
  bucketName: string;
  region: string;
  clock?: () => Date;
  /** Tests pass a client (aws-sdk-client-mock); otherwise one is created on first use. */
  client?: S3Client;
}

/** Quotes a file name for Content-Disposition: ASCII fallback plus the RFC 5987 UTF-8 form (zh-TW names). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return name === 'NoSuchKey' || name === 'NotFound' || status === 404;
}

/** The evidence bucket the stack names (infra/constructs/evidenceStorage.ts); unset → every use fails loudly. */
export function s3ObjectStoreFromEnvironment(region: string): ObjectStore {
  const bucketName = process.env.EVIDENCE_BUCKET;
  return bucketName ? createS3ObjectStore({ bucketName, region }) : unconfiguredObjectStore();
}

export function createS3ObjectStore(options: S3ObjectStoreOptions): ObjectStore {
  const clock = options.clock ?? (() => new Date());
  let client: Promise<S3Client> | undefined;
  const s3 = () =>
    (client ??= options.client
      ? Promise.resolve(options.client)
      : import('@aws-sdk/client-s3').then(({ S3Client: Client }) =>
          // Checksums only when S3 requires them: a default CRC32 of the presign-time (empty) body would break the URL.
          new Client({ region: options.region, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' })));
  const sdk = () => import('@aws-sdk/client-s3');
  const presigner = () => import('@aws-sdk/s3-request-presigner');
  const expiry = (seconds: number) => new Date(clock().getTime() + seconds * 1000).toISOString();

  return {
    async presignUpload(key, { mediaType, sizeBytes, expiresInSeconds }) {
      const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), presigner()]);
      const command = new PutObjectCommand({ Bucket: options.bucketName, Key: key, ContentType: mediaType, ContentLength: sizeBytes });
      // Content-Type and Content-Length are signed: S3 refuses another type or a longer (or shorter) body.
      const url = await getSignedUrl(await s3(), command, { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) });
      return { url, method: 'PUT', headers: { 'content-type': mediaType, 'content-length': String(sizeBytes) }, expiresAt: expiry(expiresInSeconds) };
    },

    async presignDownload(key, { expiresInSeconds, fileName }) {
      const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), presigner()]);
      const command = new GetObjectCommand({ Bucket: options.bucketName, Key: key, ResponseContentDisposition: contentDisposition(fileName) });
      return { url: await getSignedUrl(await s3(), command, { expiresIn: expiresInSeconds }), expiresAt: expiry(expiresInSeconds) };
    },

    async put(key, body, mediaType, putOptions) {
      const { PutObjectCommand } = await sdk();
      const tagging = putOptions?.tags ? new URLSearchParams(putOptions.tags).toString() : undefined;
      await (await s3()).send(new PutObjectCommand({ Bucket: options.bucketName, Key: key, Body: body, ContentType: mediaType, ...(tagging ? { Tagging: tagging } : {}) }));
    },

    async get(key) {
      const { GetObjectCommand } = await sdk();
      try {
        const result = await (await s3()).send(new GetObjectCommand({ Bucket: options.bucketName, Key: key }));
        if (!result.Body) return undefined;
        return await result.Body.transformToByteArray();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async head(key) {
      const { HeadObjectCommand } = await sdk();
      try {
        const result = await (await s3()).send(new HeadObjectCommand({ Bucket: options.bucketName, Key: key }));
        return { sizeBytes: result.ContentLength ?? 0 };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async delete(key) {
      const { DeleteObjectCommand } = await sdk();
      // Without a version id this adds a delete marker: locked versions stay until their retention ends,
      // and the bucket's noncurrent-version lifecycle removes them after that.
      await (await s3()).send(new DeleteObjectCommand({ Bucket: options.bucketName, Key: key }));
    },

    async retain(key, { retainUntil, legalHold }) {
      const { PutObjectRetentionCommand, PutObjectLegalHoldCommand } = await sdk();
      const client = await s3();
      // Governance mode: the app cannot shorten it, an administrator with s3:BypassGovernanceRetention can
      // correct a wrong date; compliance mode could not be undone even by the account root.
      await client.send(new PutObjectRetentionCommand({ Bucket: options.bucketName, Key: key, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(retainUntil) } }));
      await client.send(new PutObjectLegalHoldCommand({ Bucket: options.bucketName, Key: key, LegalHold: { Status: legalHold ? 'ON' : 'OFF' } }));
    },
  };
}

export { unconfiguredObjectStore } from './objectStore';
