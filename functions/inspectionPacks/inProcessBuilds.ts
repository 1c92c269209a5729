/**
 * Local builds: the build runs in this process after the request's response (a later turn of the
 * event loop), like the asynchronous Lambda invoke in AWS. `settled()` lets tests and the local
 * server wait for the builds under way.
 */
import type { InspectionPackBuilds } from '../http/appDeps';
import { buildInspectionPack, type BuilderDeps } from './buildInspectionPack';

export interface InProcessInspectionPackBuilds extends InspectionPackBuilds {
  /** Resolves when every build started so far has ended (ready or failed). */
  settled(): Promise<void>;
}

/** `deps` is read when a build starts: the deps object that holds this runner is built after it. */
export function createInProcessBuilds(deps: () => BuilderDeps): InProcessInspectionPackBuilds {
  const running = new Set<Promise<void>>();
  return {
    async start(request) {
      const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(async () => {
          await buildInspectionPack(deps(), request);
        })
        .catch((error: unknown) => {
          // buildInspectionPack marks the job failed itself; this is only a failure to even read it.
          deps().logger.error('inspection pack build crashed', { ...request, error: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => running.delete(run));
      running.add(run);
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
