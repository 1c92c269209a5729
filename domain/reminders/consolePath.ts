/**
 * Where the compliance console shows an item. Reminder e-mails link here ("act now"), and the
 * console registers exactly these paths (consolePathTemplates), so a link is never a 404:
 *   /console/tasks/{taskId}
 *   /console/data-subject-requests/{requestId}
 *   /console/incidents/{incidentId}
 *   /console/vendors/{vendorId}
 *   /console/plan/versions/{n}
 */
export type ConsoleItem =
  | { kind: 'task'; taskId: string }
  | { kind: 'dataSubjectRequest'; requestId: string }
  | { kind: 'incident'; incidentId: string }
  | { kind: 'vendor'; vendorId: string }
  | { kind: 'planVersion'; versionNumber: number };

export type ConsoleItemKind = ConsoleItem['kind'];

/** The route patterns, one per kind, for the console to register. */
export const consolePathTemplates: Readonly<Record<ConsoleItemKind, string>> = {
  task: '/console/tasks/{taskId}',
  dataSubjectRequest: '/console/data-subject-requests/{requestId}',
  incident: '/console/incidents/{incidentId}',
  vendor: '/console/vendors/{vendorId}',
  planVersion: '/console/plan/versions/{n}',
};

/** Task ids hold `:`, `|` and `#` (duty:…#2026-01-01): every segment is URL-encoded. */
const segment = (value: string) => encodeURIComponent(value);

export function consolePathOf(item: ConsoleItem): string {
  switch (item.kind) {
    case 'task':
      return `/console/tasks/${segment(item.taskId)}`;
    case 'dataSubjectRequest':
      return `/console/data-subject-requests/${segment(item.requestId)}`;
    case 'incident':
      return `/console/incidents/${segment(item.incidentId)}`;
    case 'vendor':
      return `/console/vendors/${segment(item.vendorId)}`;
    case 'planVersion':
      if (!Number.isInteger(item.versionNumber) || item.versionNumber < 1) throw new RangeError(`Not a plan version number: ${item.versionNumber}`);
      return `/console/plan/versions/${item.versionNumber}`;
  }
}

/** API resource paths that tasks point at (StoredTask.resourcePath) and the console item each is. */
const resourcePatterns: { pattern: RegExp; item: (id: string) => ConsoleItem }[] = [
  { pattern: /^\/v1\/incidents\/([^/?#]+)/, item: (incidentId) => ({ kind: 'incident', incidentId }) },
  { pattern: /^\/v1\/data-subject-requests\/([^/?#]+)/, item: (requestId) => ({ kind: 'dataSubjectRequest', requestId }) },
  { pattern: /^\/v1\/vendors\/([^/?#]+)/, item: (vendorId) => ({ kind: 'vendor', vendorId }) },
  { pattern: /^\/v1\/plan\/versions\/(\d+)/, item: (n) => ({ kind: 'planVersion', versionNumber: Number(n) }) },
];

/**
 * The console item a reminder about a task opens: the incident, request, vendor or plan version
 * the task is about when its resource path names one, else the task itself.
 */
export function consoleItemOfTask(task: { taskId: string; resourcePath?: string | null }): ConsoleItem {
  for (const { pattern, item } of resourcePatterns) {
    const match = task.resourcePath ? pattern.exec(task.resourcePath) : null;
    if (match) return item(decodeURIComponent(match[1]!));
  }
  return { kind: 'task', taskId: task.taskId };
}

/**
 * Absolute link: the console's origin and the item path. A base configured with the /console
 * prefix (http://host/console) and one without (http://host) give the same link.
 */
export function consoleLinkOf(consoleBaseUrl: string, item: ConsoleItem): string {
  const base = consoleBaseUrl.replace(/\/+$/, '').replace(/\/console$/, '');
  return `${base}${consolePathOf(item)}`;
}
