import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../../src/core/paths.js';

/** The shared material beside the checkout (`../shared`), or EXTRAIT_SHARED. */
export function sharedDir(): string {
  const dir = process.env.EXTRAIT_SHARED ?? resolve(packageRoot(), '..', 'shared');
  if (!existsSync(join(dir, 'README.md'))) throw new Error(`shared data not found at ${dir} (set EXTRAIT_SHARED)`);
  return dir;
}
