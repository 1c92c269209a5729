/**
 * The API areas. Each Lambda serves some of them (see infra/); the local server serves all.
 * A new area is one entry here and one module under functions/<area>/.
 */
import { auditArea, platformAuditArea } from '../audit/routes';
import { keysArea } from '../keys/routes';
import { platformArea } from '../platform/routes';
import type { ApiArea } from './app';

export const areaGroups = {
  platform: [platformArea, platformAuditArea],
  tenantAdmin: [keysArea, auditArea],
} satisfies Record<string, readonly ApiArea[]>;

export type AreaGroup = keyof typeof areaGroups;

export const allAreas: readonly ApiArea[] = Object.values(areaGroups).flat();
