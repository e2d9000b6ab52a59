// Writes src/routes.gen.ts from the src/{page}/_api and src/{page}/_sync files, as `luckystack routes src`
// does. A script rather than the bin: on a fresh clone npm links no bin whose target (dist/) is not built yet.
import { fileURLToPath } from 'node:url';
import { generateRoutes } from '@luckystack/server';

const result = await generateRoutes({ srcDir: fileURLToPath(new URL('../src', import.meta.url)) });
const summary = `${result.api.length} api, ${result.sync.length} sync routes`;
console.log(`${result.changed ? 'Wrote' : 'Unchanged'} ${result.outFile} (${summary})`);
