import { defineConfig } from 'tsup';
import { luckyPreset } from '../../tsup.preset';

export default defineConfig([
  luckyPreset({ entry: ['src/index.ts', 'src/testing/index.ts', 'src/redis.ts'] }),
  // The command line, run by bin/luckystack.js: ESM only, no types.
  { ...luckyPreset({ entry: ['src/cli.ts'] }), format: ['esm'], dts: false, clean: false },
]);
