/**
 * Where evidence files (and other binary attachments) live: S3 in AWS, a folder locally.
 * Keys are always prefixed by the tenant id by the caller's adapter (tenant isolation); an implementation
 * stores whatever key it is given and never lists across keys.
 */
export interface ObjectStore {
  /** A short-lived URL the client PUTs the bytes to (S3 pre-signed PUT; locally a signed URL on the local server). */
  presignUpload(
    key: string,
    options: { mediaType: string; sizeBytes: number; expiresInSeconds: number },
  ): Promise<{ url: string; method: 'PUT'; headers: Record<string, string>; expiresAt: string }>;
  /** A short-lived download URL. */
  presignDownload(key: string, options: { expiresInSeconds: number; fileName: string }): Promise<{ url: string; expiresAt: string }>;
  /** Stores bytes; `tags` become S3 object tags (lifecycle rules select on them, e.g. inspection packs expire). */
  put(key: string, body: Uint8Array, mediaType: string, options?: { tags?: Record<string, string> }): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  head(key: string): Promise<{ sizeBytes: number } | undefined>;
  delete(key: string): Promise<void>;
  /**
   * Optional: protects the stored bytes until `retainUntil` (S3 Object Lock, governance mode) and sets or
   * clears a legal hold. Stores without such a lock leave it out; the domain still refuses early deletion.
   */
  retain?(key: string, options: { retainUntil: string; legalHold: boolean }): Promise<void>;
}

/** The store of a Lambda the stack gives no evidence bucket: any use is a wiring error, not a 4xx. */
export function unconfiguredObjectStore(): ObjectStore {
  const fail = () => Promise.reject(new Error('this Lambda has no evidence bucket (EVIDENCE_BUCKET is not set)'));
  return { presignUpload: fail, presignDownload: fail, put: fail, get: fail, head: fail, delete: fail };
}
