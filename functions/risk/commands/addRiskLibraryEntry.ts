/** Adds a tenant entry (risk type and countermeasure) to the risk library; ids are never reused. */
import { mergeRiskLibrary, type RiskLibraryEntry, type TenantRiskLibraryEntryInput } from '../../../domain/risk/riskLibrary';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { loadTenantLibraryEntries, putLibraryEntryWrite } from '../riskStore';

export async function addRiskLibraryEntry(context: TenantCommandContext, input: TenantRiskLibraryEntryInput): Promise<RiskLibraryEntry> {
  const library = unwrap(mergeRiskLibrary([...(await loadTenantLibraryEntries(context.table)), input]));
  const entry = library.get(input.id)!;
  await commitChange(
    context,
    {
      changes: [{ action: 'riskLibraryEntry.create', resourceType: 'riskLibraryEntry', resourceId: input.id, before: null, after: input }],
      writes: [putLibraryEntryWrite(context.table.tableName, input)],
      response: { status: 201, body: entry },
    },
    'create',
  );
  return entry;
}
