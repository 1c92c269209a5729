/** What `import { z } from 'zod'` gives, built on ./zodWithoutLocales.js (see there). */
import * as z from './zodWithoutLocales.js';
export * from './zodWithoutLocales.js';
export { z, z as default };
