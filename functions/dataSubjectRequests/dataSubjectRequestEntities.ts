/**
 * The declared entity model of data-subject requests in a tenant table.
 *
 * Entities:
 *   DataSubjectRequest ........... PK=DSR#<id>       SK=REQUEST
 *   DataSubjectRequestLookup ..... PK=DSR#<id>       SK=LOOKUP#<field>   (a keyed hash, never the value)
 *   DataSubjectRequestSettings ... PK=DSR_SETTINGS   SK=SETTINGS
 *   CaseNumberCounter ............ PK=DSR_CASE_NUMBERS SK=<receipt date yyyy-mm-dd>  (last sequence of the day)
 *
 * Access patterns:
 *   get a request ........................... PK=DSR#<id>  SK=REQUEST
 *   by status, soonest deadline first ....... byResource      gsi1pk=DSR#STATUS#<status>  gsi1sk=<nextDueAt|~>#<id>
 *   the register, newest first .............. byOwnerOrActor  gsi2pk=DSRS  gsi2sk=<receivedAt>#<id>
 *   a person's requests (no clear text) ..... byOwnerOrActor  gsi2pk=DSR_LOOKUP#<field>#<keyed hash>  gsi2sk=<receivedAt>#<id>
 *   undecided items due before an instant ... dueByDate       duePk=DUE#dataSubjectRequest  dueSk=<nextDueAt>#<id>
 *     (sparse: only requests with an undecided item carry duePk, so "overdue" reads only those)
 *   tenant settings ......................... PK=DSR_SETTINGS SK=SETTINGS
 *   next case number of a receipt day ....... PK=DSR_CASE_NUMBERS SK=<date> (atomic ADD, never in a transaction)
 *
 * "Holding an item of type X" narrows any of these with a filter: a request holds up to seven
 * types, and one index per type would multiply the writes for a rare question.
 */
import type { KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

export const lookupFields = ['email', 'phone', 'nationalId'] as const;
export type LookupField = (typeof lookupFields)[number];

const DUE_PARTITION = 'DUE#dataSubjectRequest';
const REGISTER_PARTITION = 'DSRS';
/** Sorts after every ISO instant, so requests with nothing due come last in a status list. */
const NOTHING_DUE = '~';

export const dataSubjectRequestKeys = {
  request: (id: string) => ({ pk: `DSR#${id}`, sk: 'REQUEST' }),
  lookup: (id: string, field: LookupField) => ({ pk: `DSR#${id}`, sk: `LOOKUP#${field}` }),
  settings: () => ({ pk: 'DSR_SETTINGS', sk: 'SETTINGS' }),
  caseNumberCounter: (receiptDate: string) => ({ pk: 'DSR_CASE_NUMBERS', sk: receiptDate }),
};

const statusPartition = (status: string) => `DSR#STATUS#${status}`;
const lookupPartition = (field: LookupField, hash: string) => `DSR_LOOKUP#${field}#${hash}`;
const receivedOrder = (request: { id: string; receivedAt: string }) => `${request.receivedAt}#${request.id}`;

/** The index attributes a request carries: its status list, the register, and (while undecided) the due index. */
export function requestIndexKeys(request: { id: string; status: string; receivedAt: string }, nextDueAt: string | null): Record<string, string> {
  return {
    gsi1pk: statusPartition(request.status),
    gsi1sk: `${nextDueAt ?? NOTHING_DUE}#${request.id}`,
    gsi2pk: REGISTER_PARTITION,
    gsi2sk: receivedOrder(request),
    ...(nextDueAt ? { duePk: DUE_PARTITION, dueSk: `${nextDueAt}#${request.id}` } : {}),
  };
}

/** The index attributes of a lookup entry: the person's partition, newest request first. */
export function lookupIndexKeys(field: LookupField, hash: string, request: { id: string; receivedAt: string }): Record<string, string> {
  return { gsi2pk: lookupPartition(field, hash), gsi2sk: receivedOrder(request) };
}

/** Exclusive upper bound on `<instant>#<id>` sort keys: '~' sorts after any id, so the instant itself is included. */
export const throughInstant = (instant: string) => `${instant}#~`;

function holdingType(type: string | undefined): Pick<KeyQuery, 'filter'> {
  return type ? { filter: { expression: 'contains(#types, :type)', names: { '#types': 'itemTypes' }, values: { ':type': type } } } : {};
}

export const dataSubjectRequestAccess = {
  /** Requests in one status, soonest deadline first; `dueBefore` keeps those due before a bound. */
  byStatus: (status: string, options: { dueBefore?: string; type?: string } = {}): KeyQuery => ({
    index: tenantTableIndexes.byResource,
    pk: statusPartition(status),
    ...(options.dueBefore ? { sk: { lessThan: options.dueBefore } } : {}),
    ...holdingType(options.type),
  }),
  /** Undecided requests (any status) whose next deadline is before a bound. */
  dueBefore: (bound: string, options: { type?: string } = {}): KeyQuery => ({
    index: tenantTableIndexes.dueByDate,
    pk: DUE_PARTITION,
    sk: { lessThan: bound },
    ...holdingType(options.type),
  }),
  /** The register, newest first; `receivedFrom` keeps those received at or after an instant. */
  register: (options: { receivedFrom?: string; type?: string } = {}): KeyQuery => ({
    index: tenantTableIndexes.byOwnerOrActor,
    pk: REGISTER_PARTITION,
    ...(options.receivedFrom ? { sk: { atLeast: options.receivedFrom } } : {}),
    descending: true,
    ...holdingType(options.type),
  }),
  /** Lookup entries of one person's identifier (by keyed hash), newest request first. */
  byLookup: (field: LookupField, hash: string): KeyQuery => ({
    index: tenantTableIndexes.byOwnerOrActor,
    pk: lookupPartition(field, hash),
    descending: true,
  }),
};
