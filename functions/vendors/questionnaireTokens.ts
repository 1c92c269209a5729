/**
 * The secret of a vendor's self-assessment link: 256 random bits, of which only the SHA-256 is
 * ever stored (control-plane index + the response). See questionnaireLinks.ts for how a link is
 * resolved.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'vqt_';
/** 32 bytes = 256 bits, base64url without padding = 43 characters. */
export const TOKEN_PATTERN = /^vqt_[A-Za-z0-9_-]{43}$/;

export function newQuestionnaireToken(): { token: string; tokenHash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const publicQuestionnairePath = (token: string) => `/v1/public/vendor-questionnaires/${token}`;
