/**
 * The entity labeller's WebAssembly core: src/entities/core.wat compiled (wabt, a development
 * dependency) into src/entities/core-wasm.ts, which the recognizer imports. `npm run
 * build:entities` writes it; tests/entities-core.test.ts fails while it differs from a fresh compile.
 */
import { watModuleText } from '../../src/core/wat-module.js';

export const CORE_SOURCE = 'src/entities/core.wat';
export const CORE_MODULE = 'src/entities/core-wasm.ts';

/** The text of CORE_MODULE, compiled from CORE_SOURCE. */
export function compileEntitiesCore(): Promise<string> {
  return watModuleText(CORE_SOURCE, 'ENTITIES_CORE_WASM', 'npm run build:entities');
}
