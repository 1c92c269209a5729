/**
 * The declared entity model of the personal-data inventory in a tenant table. Access patterns:
 *   a file by its id ............ PK=INVENTORY        SK=FILE#<fileId>
 *   every file (list, totals) ... Query PK=INVENTORY begins_with(SK, 'FILE#')  (consistent read)
 *   a page of files ............. the same Query, narrowed by the list filters (subject, status,
 *                                 cross-border, special, retired)
 *   tenant code lists ........... PK=INVENTORY        SK=CODE_LISTS
 *   inventory head (total lock) . PK=INVENTORY        SK=HEAD
 *   import progress ............. PK=INVENTORY_IMPORT#<importId> SK=IMPORT
 *   record-count history ........ PK=RECORD_COUNT     SK=<yyyy-mm-dd>  (read by the plan area)
 *
 * Files share one partition on the base table, not a GSI: the record-count total must be summed
 * from a strongly consistent read in the same breath as the write that changes it, and a
 * tenant's inventory is hundreds of files at most, well within one partition.
 */
import type { IsoDate } from '../../domain/shared/isoDate';
import type { KeyQuery } from '../store/entityModel';

const INVENTORY_PARTITION = 'INVENTORY';
const FILE_SK_PREFIX = 'FILE#';

export const inventoryKeys = {
  file: (fileId: string) => ({ pk: INVENTORY_PARTITION, sk: `${FILE_SK_PREFIX}${fileId}` }),
  codeLists: () => ({ pk: INVENTORY_PARTITION, sk: 'CODE_LISTS' }),
  head: () => ({ pk: INVENTORY_PARTITION, sk: 'HEAD' }),
  importRecord: (importId: string) => ({ pk: `INVENTORY_IMPORT#${importId}`, sk: 'IMPORT' }),
  recordCount: (date: IsoDate) => ({ pk: 'RECORD_COUNT', sk: date }),
};

/**
 * A vendor's item as vendors/vendorEntities.ts declares it (PK=VENDOR#<vendorId> SK=VENDOR), read
 * to check the 委外廠商 of a file. Copied rather than imported: the vendors area imports this one
 * (a vendor's file ids are checked against the inventory) and areas depend one way
 * (test/unit/architecture/importLayers). test/unit/inventory/recordLinks.test.ts keeps the two equal.
 */
export const linkedVendorKey = (vendorId: string) => ({ pk: `VENDOR#${vendorId}`, sk: 'VENDOR' });

/** The list filters stored on each file item (denormalised for the FilterExpression). */
export interface FileListFilters {
  includeRetired?: boolean;
  subjectAttribute?: string;
  status?: string;
  crossBorder?: boolean;
  special?: boolean;
}

export const inventoryAccessPatterns = {
  /** Every file, retired ones included, strongly consistent (totals are summed from it). */
  allFiles: (): KeyQuery => ({ pk: INVENTORY_PARTITION, sk: { beginsWith: FILE_SK_PREFIX }, consistentRead: true }),

  /** Files in id order; filters narrow the partition (a page may hold fewer than its limit). */
  filesPage: (filters: FileListFilters): KeyQuery => {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (!filters.includeRetired) {
      conditions.push('#isRetired = :false');
      names['#isRetired'] = 'isRetired';
      values[':false'] = false;
    }
    for (const key of ['subjectAttribute', 'status', 'crossBorder', 'special'] as const) {
      if (filters[key] === undefined) continue;
      conditions.push(`#${key} = :${key}`);
      names[`#${key}`] = key;
      values[`:${key}`] = filters[key];
    }
    return {
      pk: INVENTORY_PARTITION,
      sk: { beginsWith: FILE_SK_PREFIX },
      ...(conditions.length > 0 ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
    };
  },
};
