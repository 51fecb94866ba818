import { readdir, stat } from 'node:fs/promises';
import { join, normalize, relative, resolve, sep } from 'node:path';
import type { ErrorCode } from '../core/errors.js';
import { hasInputExtension } from './format.js';
import type { InputError } from './types.js';

type Matcher = (path: string) => boolean;
type Picomatch = typeof import('picomatch');

let picomatchModule: Promise<Picomatch> | undefined;
/** picomatch is imported only when a pattern is a glob. */
async function loadPicomatch(): Promise<Picomatch> {
  picomatchModule ??= import('picomatch').then((m) => ((m as { default?: Picomatch }).default ?? m) as Picomatch);
  return picomatchModule;
}

const GLOB_CHARS = /[*?[\]{}()!]/;
/** Folders a walk never enters unless a pattern names them: version control, dependencies, hidden folders. */
const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * Expands command-line inputs into the files to read, sorted and without duplicates: files as named,
 * directories walked recursively (files with an input extension: .txt .text .md .markdown .html .htm .xhtml
 * .jsonl .ndjson; hidden folders, hidden files and node_modules skipped; symbolic links to folders not
 * followed), globs (`*`, `**`, `?`, `[ab]`, `{a,b}`; every matching file, whatever its extension), and
 * `!pattern` exclusions (a file is dropped when it or one of its folders matches).
 * A path that does not exist, or a glob that matches nothing, is an error naming it.
 */
export async function expandInputs(patterns: readonly string[]): Promise<{ files: string[]; errors: InputError[] }> {
  const errors: InputError[] = [];
  const positives = patterns.filter((p) => !p.startsWith('!') && p !== '');
  const negatives = patterns.filter((p) => p.startsWith('!') && p.length > 1).map((p) => cleanPath(p.slice(1)));
  const excluded = await exclusionMatcher(negatives);
  const found = new Map<string, string>();
  const add = (path: string) => {
    const key = resolve(path);
    if (!found.has(key) && !excluded(path)) found.set(key, path);
  };
  const fail = (source: string, code: ErrorCode, message: string) => errors.push({ source, code, message });

  for (const pattern of positives) {
    const path = cleanPath(pattern);
    const info = await statOrError(path);
    if (info === 'missing' && GLOB_CHARS.test(pattern)) {
      const matched = await expandGlob(path, excluded, add, fail);
      if (matched === 0) fail(pattern, 'E_INPUT_NOT_FOUND', 'no file matches this pattern');
    } else if (info === 'missing') {
      fail(pattern, 'E_INPUT_NOT_FOUND', 'no such file or directory');
    } else if (typeof info === 'string') {
      fail(pattern, 'E_INPUT_UNREADABLE', `cannot read (${info})`);
    } else if (info.isDirectory()) {
      const failures = errors.length;
      const seen = await walk(path, { maxDepth: Infinity, allowDot: false, excluded, fail }, (file) => {
        if (hasInputExtension(file)) add(file);
        return hasInputExtension(file);
      });
      if (seen === 0 && errors.length === failures) fail(pattern, 'E_INPUT_NOT_FOUND', 'no .txt, .md, .html or .jsonl file in this directory');
    } else {
      add(path);
    }
  }
  const files = [...found.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, errors };
}

async function expandGlob(pattern: string, excluded: Matcher, add: (path: string) => void, fail: WalkOptions['fail']): Promise<number> {
  const picomatch = await loadPicomatch();
  const { base, glob } = picomatch.scan(pattern);
  const root = base === '' ? '.' : base;
  const globstar = glob.includes('**');
  const allowDot = /(?:^|\/)\.[^./]/.test(glob);
  const matches = picomatch(glob, { dot: allowDot });
  const depth = globstar ? Infinity : glob.split('/').length - 1;
  let count = 0;
  const rootInfo = await statOrError(root);
  if (typeof rootInfo === 'string' || !rootInfo.isDirectory()) return 0;
  await walk(
    root,
    {
      maxDepth: depth,
      allowDot,
      excluded,
      fail,
      onDir: async (dir, rel) => {
        if (globstar || !matches(rel)) return;
        count++;
        await walk(dir, { maxDepth: Infinity, allowDot: false, excluded, fail }, (file) => {
          if (hasInputExtension(file)) add(file);
          return true;
        });
      },
    },
    (file, rel) => {
      if (!matches(rel)) return false;
      count++;
      add(file);
      return true;
    },
  );
  return count;
}

interface WalkOptions {
  maxDepth: number;
  allowDot: boolean;
  excluded: Matcher;
  fail: (source: string, code: ErrorCode, message: string) => void;
  onDir?: (dir: string, rel: string) => Promise<void>;
}

/** Walks a folder; `onFile` says whether it took the file. Resolves to the number of files taken. */
async function walk(root: string, options: WalkOptions, onFile: (path: string, rel: string) => boolean): Promise<number> {
  let taken = 0;
  const visit = async (dir: string, rel: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      options.fail(dir, 'E_INPUT_UNREADABLE', `cannot read directory (${reason(error)})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const hidden = entry.name.startsWith('.');
      let isFile = entry.isFile();
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = await statOrError(path);
        isFile = typeof target !== 'string' && !target.isDirectory();
        isDir = false;
      }
      if (isDir) {
        if ((hidden && !options.allowDot) || SKIPPED_DIRS.has(entry.name) || options.excluded(path)) continue;
        if (options.onDir) await options.onDir(path, childRel);
        if (depth < options.maxDepth) await visit(path, childRel, depth + 1);
      } else if (isFile && (!hidden || options.allowDot) && onFile(path, childRel)) {
        taken++;
      }
    }
  };
  await visit(root, '', 0);
  return taken;
}

/** Exclusions match a file or any of its folders, as given and relative to the working directory. */
async function exclusionMatcher(negatives: string[]): Promise<Matcher> {
  if (negatives.length === 0) return () => false;
  const picomatch = await loadPicomatch();
  const matchers = negatives.map((n) => picomatch(n, { dot: true }));
  const test = (path: string) => {
    for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) {
      const prefix = path.slice(0, end);
      if (matchers.some((m) => m(prefix))) return true;
    }
    return false;
  };
  return (path) => test(path) || test(toPosix(relative('.', path)));
}

async function statOrError(path: string): Promise<import('node:fs').Stats | 'missing' | string> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : reason(error);
  }
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** `./a//b/` → `a/b`, with forward slashes. */
function cleanPath(path: string): string {
  const out = toPosix(normalize(path));
  return out.length > 1 && out.endsWith('/') ? out.slice(0, -1) : out;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
