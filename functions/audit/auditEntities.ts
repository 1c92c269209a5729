/**
 * The audit chain as read back, in a tenant table or the control plane (both have the same
 * shape; events are written only by store/auditedCommit.ts). Time order equals sequence order
 * (the chain never goes back in time), so every filter is a key condition on a sorted key:
 *
 * Access patterns:
 *   the whole chain, in order ........ PK=AUDIT  SK begins_with EVENT#                          (chainInOrder)
 *   the anchors of the chain shards .. PK=AUDIT  SK begins_with ANCHOR#                         (anchorsInOrder)
 *   events in a time window .......... PK=AUDIT  SK BETWEEN EVENT#<from> AND EVENT#<to>#~        (auditEvents)
 *   by resource ...................... GSI byResource     gsi1pk=AUDIT#<type>#<id>  by gsi1sk     (auditEvents)
 *   by actor ......................... GSI byOwnerOrActor gsi2pk=AUDIT_ACTOR#<id>   by gsi2sk     (auditEvents)
 */
import type { KeyQuery } from '../store/entityModel';
import { auditIndexKeys, tenantKeys, tenantTableIndexes } from '../store/tableDesign';

const AUDIT_PARTITION = tenantKeys.auditHead().pk;
const EVENT_PREFIX = 'EVENT#';

export interface AuditFilter {
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  /** Inclusive, as stored (toISOString(), with milliseconds). */
  from?: string;
  /** Inclusive up to the end of that instant. */
  to?: string;
}

const equals = (attribute: string, placeholder: string, value: string): NonNullable<KeyQuery['filter']> => ({
  expression: `#${placeholder} = :${placeholder}`,
  names: { [`#${placeholder}`]: attribute },
  values: { [`:${placeholder}`]: value },
});

export const auditAccess = {
  /** Every event in chain order (verification walks it page by page). */
  chainInOrder: (): KeyQuery => ({ pk: AUDIT_PARTITION, sk: { beginsWith: EVENT_PREFIX }, consistentRead: true }),

  /** The anchors that tie the chain shards together, oldest first (store/auditedCommit.ts). */
  anchorsInOrder: (): KeyQuery => ({ pk: AUDIT_PARTITION, sk: { beginsWith: 'ANCHOR#' }, consistentRead: true }),

  /**
   * Events in a time window, narrowed by resource (the resource index), by actor (the actor
   * index) or neither (the chain itself); the other filter, if any, narrows within it.
   */
  auditEvents: (filter: AuditFilter, descending: boolean): KeyQuery => {
    const lower = filter.from ?? '0000';
    const upper = `${filter.to ?? '9999'}#~`;
    if (filter.resourceType && filter.resourceId) {
      return {
        index: tenantTableIndexes.byResource,
        pk: auditIndexKeys.byResource(filter.resourceType, filter.resourceId),
        sk: { between: [lower, upper] },
        descending,
        ...(filter.actorId ? { filter: equals('actorId', 'actor', filter.actorId) } : {}),
      };
    }
    if (filter.actorId) {
      return {
        index: tenantTableIndexes.byOwnerOrActor,
        pk: auditIndexKeys.byActor(filter.actorId),
        sk: { between: [lower, upper] },
        descending,
        ...(filter.resourceType ? { filter: equals('resourceType', 'type', filter.resourceType) } : {}),
      };
    }
    return {
      pk: AUDIT_PARTITION,
      sk: { between: [`${EVENT_PREFIX}${lower}`, `${EVENT_PREFIX}${upper}`] },
      descending,
      ...(filter.resourceType ? { filter: equals('resourceType', 'type', filter.resourceType) } : {}),
    };
  },
};
