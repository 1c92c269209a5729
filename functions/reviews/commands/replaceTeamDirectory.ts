/** Replaces the team directory (who holds each role); roles listed with nobody are dropped. */
import { complianceRoleLabels } from '../../../domain/reviews/duty';
import type { RoleDirectory } from '../../../domain/reviews/sweep';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { putEntityWrite } from '../../store/entityModel';
import { toTeamDirectoryView } from '../reviewModel';
import { getTeamDirectory, teamDirectoryItem } from '../reminderStore';

export async function replaceTeamDirectory(context: TenantCommandContext, input: { members: RoleDirectory; expectedVersion: number | undefined }) {
  const current = await getTeamDirectory(context.table);
  assertVersion(current.version, input.expectedVersion);
  const members = Object.fromEntries(Object.entries(input.members).filter(([, people]) => people.length > 0));
  const updated = { members, updatedAt: context.clock().toISOString(), version: current.version + 1 };
  const view = toTeamDirectoryView(updated, complianceRoleLabels);
  await commitChange(context, {
    changes: [{ action: 'teamDirectory.replace', resourceType: 'teamDirectory', resourceId: 'team', before: current.version === 0 ? null : current.members, after: members }],
    writes: [putEntityWrite(context.table.tableName, teamDirectoryItem(updated), current.version === 0 ? null : current.version)],
    response: { status: 200, body: view },
  });
  return { view, version: updated.version };
}
