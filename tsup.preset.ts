import type { Options } from 'tsup';

/** The one build preset every package uses: ESM + CJS with matching `.d.ts` / `.d.cts`. */
export function luckyPreset(options: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    tsconfig: 'tsconfig.build.json',
    ...options,
  };
}
