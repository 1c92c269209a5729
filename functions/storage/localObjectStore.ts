/**
 * The object store of a local run and of the tests: files under `<PDPA_LOCAL_DIR or .local>/objects/`.
 * Pre-signed URLs point at the local server (`/local-objects/<key>`, localObjectRoutes.ts) and carry
 * an HMAC over the method, key, expiry and what the signer allowed (size and media type for an
 * upload, the file name for a download), so they behave like S3's: short-lived and not forgeable.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { ObjectStore } from './objectStore';

export const LOCAL_OBJECTS_PATH = '/local-objects';

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

/** A key is slash-separated safe segments: no empty, `.` or `..` segment, nothing that leaves the folder. */
export function isSafeObjectKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && segment !== '.' && segment !== '..');
}

export type SignatureCheck =
  | { ok: true; sizeBytes: number; mediaType: string; fileName: string }
  | { ok: false; reason: 'expired' | 'signature' | 'key' };

/**
 * Why the local object server refuses a request, as the API's problem types (functions/http/problem.ts):
 * slug, status, title, code and the reason in zh-TW and en. Spelled out here because storage sits
 * below http (http's AppDeps names the ObjectStore port) and must not import it back.
 */
export const localObjectRefusals = {
  signature: { slug: 'forbidden', status: 403, title: '權限不足', code: 'SIGNATURE_INVALID', reason: { zhTW: '簽章不符：網址遭修改或不是為此檔案核發', en: 'The signature does not match: the URL was altered or not issued for this file' } },
  expired: { slug: 'forbidden', status: 403, title: '權限不足', code: 'URL_EXPIRED', reason: { zhTW: '網址已過期，請重新取得上傳或下載網址', en: 'The URL has expired; request a new upload or download URL' } },
  key: { slug: 'validation-error', status: 400, title: '請求內容不正確', code: 'OBJECT_KEY_INVALID', reason: { zhTW: '檔案路徑不合法', en: 'The object path is not valid' } },
  tooLarge: { slug: 'payload-too-large', status: 413, title: '請求內容過大', code: 'BODY_LARGER_THAN_SIGNED', reason: { zhTW: '上傳內容大於核發網址時宣告之大小', en: 'The body is larger than the size the URL was issued for' } },
  missing: { slug: 'not-found', status: 404, title: '找不到資源', code: 'OBJECT_NOT_FOUND', reason: { zhTW: '找不到此檔案', en: 'No such object' } },
} as const;
export type LocalObjectRefusal = keyof typeof localObjectRefusals;

export interface LocalObjectStore extends ObjectStore {
  /** Checks a signed URL's query against the request (method, key, Content-Type for uploads). */
  checkSignature(request: { purpose: 'upload' | 'download'; key: string; query: URLSearchParams; contentType?: string }): SignatureCheck;
  /** The media type stored with an object (served as Content-Type on download). */
  mediaTypeOf(key: string): Promise<string | undefined>;
}

export interface LocalObjectStoreOptions {
  /** The folder objects live in (created on first write). */
  rootDir: string;
  /** Where the local server answers, e.g. http://localhost:3000. */
  publicBaseUrl: string;
  /** HMAC key of the signed URLs. */
  signingKey: Buffer;
  clock?: () => Date;
}

/** Derives the URL-signing key from a local secret, so the cursor secret itself never signs URLs. */
export function localObjectSigningKey(secret: Buffer): Buffer {
  return createHash('sha256').update('pdpa local-objects v1\0').update(secret).digest();
}

function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

export function createLocalObjectStore(options: LocalObjectStoreOptions): LocalObjectStore {
  const root = resolve(options.rootDir);
  const clock = options.clock ?? (() => new Date());
  const base = options.publicBaseUrl.replace(/\/+$/, '');

  /** The file of a key; throws on a key that could leave the folder (defence in depth behind isSafeObjectKey). */
  function fileOf(key: string): string {
    if (!isSafeObjectKey(key)) throw new Error('unsafe object key');
    const file = resolve(root, ...key.split('/'));
    if (!file.startsWith(root + sep)) throw new Error('unsafe object key');
    return file;
  }
  const metaFileOf = (key: string) => join(root, '.meta', `${fileOf(key).slice(root.length + 1)}.json`);

  const signatureOf = (parts: readonly string[]) => createHmac('sha256', options.signingKey).update(parts.join('\n')).digest('base64url');
  const uploadParts = (key: string, expires: string, size: string, mediaType: string) => ['PUT', key, expires, size, mediaType];
  const downloadParts = (key: string, expires: string, fileName: string) => ['GET', key, expires, fileName];
  const expiresOf = (seconds: number) => Math.floor(clock().getTime() / 1000) + seconds;

  async function readOrUndefined(file: string): Promise<Buffer | undefined> {
    try {
      return await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  return {
    async presignUpload(key, { mediaType, sizeBytes, expiresInSeconds }) {
      fileOf(key);
      const expires = String(expiresOf(expiresInSeconds));
      const size = String(sizeBytes);
      const query = new URLSearchParams({ expires, size, signature: signatureOf(uploadParts(key, expires, size, mediaType)) });
      return {
        url: `${base}${LOCAL_OBJECTS_PATH}/${encodeKey(key)}?${query}`,
        method: 'PUT',
        headers: { 'content-type': mediaType },
        expiresAt: new Date(Number(expires) * 1000).toISOString(),
      };
    },

    async presignDownload(key, { expiresInSeconds, fileName }) {
      fileOf(key);
      const expires = String(expiresOf(expiresInSeconds));
      const query = new URLSearchParams({ expires, fileName, signature: signatureOf(downloadParts(key, expires, fileName)) });
      return { url: `${base}${LOCAL_OBJECTS_PATH}/${encodeKey(key)}?${query}`, expiresAt: new Date(Number(expires) * 1000).toISOString() };
    },

    checkSignature({ purpose, key, query, contentType }) {
      if (!isSafeObjectKey(key)) return { ok: false, reason: 'key' };
      const expires = query.get('expires') ?? '';
      const given = Buffer.from(query.get('signature') ?? '', 'utf8');
      const size = query.get('size') ?? '';
      const fileName = query.get('fileName') ?? '';
      const mediaType = (contentType ?? '').trim();
      const expected = Buffer.from(signatureOf(purpose === 'upload' ? uploadParts(key, expires, size, mediaType) : downloadParts(key, expires, fileName)), 'utf8');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
      // Only a signed expiry is trusted, so this check comes after the signature.
      if (!/^[0-9]{1,12}$/.test(expires) || Number(expires) * 1000 < clock().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, sizeBytes: purpose === 'upload' ? Number(size) : 0, mediaType, fileName };
    },

    async put(key, body, mediaType, putOptions) {
      const file = fileOf(key);
      const metaFile = metaFileOf(key);
      await mkdir(dirname(file), { recursive: true });
      await mkdir(dirname(metaFile), { recursive: true });
      await writeFile(file, body);
      // Tags are recorded like S3's; no local lifecycle deletes by them (the API stops offering expired packs).
      await writeFile(metaFile, JSON.stringify({ mediaType, ...(putOptions?.tags ? { tags: putOptions.tags } : {}) }));
    },

    async get(key) {
      const bytes = await readOrUndefined(fileOf(key));
      return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
    },

    async head(key) {
      try {
        const info = await stat(fileOf(key));
        return info.isFile() ? { sizeBytes: info.size } : undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },

    async delete(key) {
      await rm(fileOf(key), { force: true });
      await rm(metaFileOf(key), { force: true });
    },

    async mediaTypeOf(key) {
      const meta = await readOrUndefined(metaFileOf(key));
      if (!meta) return undefined;
      return (JSON.parse(meta.toString('utf8')) as { mediaType?: string }).mediaType;
    },
    // No retain(): a folder has no lock; the evidence rules refuse early deletion on their own.
  };
}
