import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** A CommonJS file run with a V8 code cache beside it, and the means to write that cache. */
export interface CachedModule<T> {
  exports: T;
  /** Whether V8 used the cache (false when missing, or made by another Node.js or other flags). */
  cacheUsed: boolean;
  /** Writes the code compiled so far, functions compiled lazily while running included. */
  saveCache(): void;
}

/**
 * Runs a CommonJS bundle, ASCII only, from its source with V8's code cache: start-up skips parsing and
 * compiling the functions that the build's warm-up run compiled. Node 20 has no module compile
 * cache of its own (module.enableCompileCache came with Node 22). A missing or stale cache only
 * costs the compile time, never correctness: V8 checks it against the source and its own version.
 */
export function requireWithCodeCache<T>(file: string, cacheFile: string): CachedModule<T> {
  // the build escapes the bundle to ASCII (scripts/bundle.mjs): read as Latin-1, it is a plain copy
  const source = readFileSync(file, 'latin1');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    saveCache: () => writeFileSync(cacheFile, script.createCachedData()),
  };
}
