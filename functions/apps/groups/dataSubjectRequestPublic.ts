/**
 * Area group `dataSubjectRequestPublic`: the public request form of a tenant (no credential) — the
 * form, a submission, the one-time confirmation that creates the request, the status page. Its
 * own Lambda because it mails (the confirmation link and the receipt): the officers' request API
 * then carries no SES client.
 */
import { dataSubjectRequestPublicIntakeArea } from '../../dataSubjectRequests/publicIntakeRoutes';
import type { ApiArea } from '../../http/app';

export const dataSubjectRequestPublicGroup: readonly ApiArea[] = [dataSubjectRequestPublicIntakeArea];
