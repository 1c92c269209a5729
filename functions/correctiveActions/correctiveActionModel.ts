import { z } from '@hono/zod-openapi';
import { correctiveActionStatuses } from '../../domain/correctiveAction';

/**
 * The API view of a corrective or preventive action, whatever caused it (an incident or an
 * assessment finding): `id`, the cause's own keys, then the fields every action has.
 */
export function correctiveActionViewSchemaOf<const Cause extends z.ZodRawShape>(cause: Cause) {
  return z.object({
    id: z.string(),
    ...cause,
    kind: z.enum(['corrective', 'preventive']),
    title: z.string(),
    description: z.string(),
    owner: z.string(),
    dueDate: z.string(),
    status: z.enum(correctiveActionStatuses),
    history: z.array(z.object({ status: z.enum(correctiveActionStatuses), at: z.string(), by: z.string(), note: z.string().optional() })),
    version: z.number().int(),
  });
}
