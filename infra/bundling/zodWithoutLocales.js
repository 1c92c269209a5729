/**
 * zod's classic API (node_modules/zod/v4/classic/external.js) without `z.locales`, the ~260 KiB
 * of message tables for 40+ languages. Bundles alias `zod` to this file (infra/lambdaBundling.ts):
 * zod's English default still registers itself (classic/schemas.js) and the API renders its own
 * zh-TW / English field errors, so no Lambda reads a zod locale. Same module files as the real
 * package, so schema classes keep one identity across zod, @hono/zod-openapi and our code.
 * Also without `z.toJSONSchema` / `z.fromJSONSchema` (15 KiB: the OpenAPI document is generated at
 * build time, never in a Lambda) and without the opt-in `z.compile` fast path (29 KiB, unused).
 */
export * as core from './zodCoreWithoutLocales.js';
export * from '../../node_modules/zod/v4/classic/schemas.js';
export * from '../../node_modules/zod/v4/classic/checks.js';
export * from '../../node_modules/zod/v4/classic/errors.js';
export * from '../../node_modules/zod/v4/classic/parse.js';
export * from '../../node_modules/zod/v4/classic/compat.js';
export { globalRegistry, registry, config, memoizer, $output, $input, $brand, clone, regexes, treeifyError, prettifyError, formatError, flattenError, TimePrecision, util, NEVER, toZod, getDiscriminatedOption } from '../../node_modules/zod/v4/core/index.js';
export { deepPartial } from '../../node_modules/zod/v4/classic/deep-partial.js';
export { input, output } from '../../node_modules/zod/v4/classic/in-out.js';
export { ZodISODateTime, ZodISODate, ZodISOTime, ZodISODuration } from '../../node_modules/zod/v4/classic/iso.js';
export * as iso from '../../node_modules/zod/v4/classic/iso.js';
export * as coerce from '../../node_modules/zod/v4/classic/coerce.js';
