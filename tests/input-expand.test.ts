import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../src/input/index.js';

const N = 'fixtures/input/nested';
const isRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(join(tmpdir(), 'extrait-input-'));
afterAll(() => {
  chmodSync(scratch, 0o700);
  rmSync(scratch, { recursive: true, force: true });
});

describe('expandInputs', () => {
  it('walks a directory recursively: input extensions only, hidden files and folders and node_modules skipped', async () => {
    expect(await expandInputs([N])).toEqual({
      files: [`${N}/a.txt`, `${N}/deeper/b.md`, `${N}/deeper/c.html`, `${N}/deeper/d.jsonl`],
      errors: [],
    });
  });

  it('takes a named file whatever its extension, hidden ones included', async () => {
    expect(await expandInputs([`${N}/data.csv`, `${N}/.hidden/secret.txt`])).toEqual({
      files: [`${N}/.hidden/secret.txt`, `${N}/data.csv`],
      errors: [],
    });
  });

  it('walks a hidden folder when it is named', async () => {
    expect((await expandInputs([`${N}/.hidden`])).files).toEqual([`${N}/.hidden/secret.txt`]);
  });

  it('expands globs: *, **, ?, braces; hidden paths only when the pattern names them', async () => {
    expect((await expandInputs([`${N}/**/*.txt`])).files).toEqual([`${N}/a.txt`]);
    expect((await expandInputs([`${N}/*.csv`])).files).toEqual([`${N}/data.csv`]);
    expect((await expandInputs([`${N}/deeper/{b,c}.*`])).files).toEqual([`${N}/deeper/b.md`, `${N}/deeper/c.html`]);
    expect((await expandInputs(['fixtures/input/utf16??-bom.txt'])).files).toEqual(['fixtures/input/utf16be-bom.txt', 'fixtures/input/utf16le-bom.txt']);
    expect((await expandInputs([`${N}/.hidden/*.txt`])).files).toEqual([`${N}/.hidden/secret.txt`]);
    expect((await expandInputs([`${N}/.*.txt`])).files).toEqual([`${N}/.dotfile.txt`]);
  });

  it('walks the folders a one-level glob matches', async () => {
    expect((await expandInputs([`${N}/deep*`])).files).toEqual([`${N}/deeper/b.md`, `${N}/deeper/c.html`, `${N}/deeper/d.jsonl`]);
  });

  it('excludes with !pattern, a folder excluding everything under it', async () => {
    expect((await expandInputs([N, `!${N}/deeper`])).files).toEqual([`${N}/a.txt`]);
    expect((await expandInputs([N, '!**/*.{md,html}'])).files).toEqual([`${N}/a.txt`, `${N}/deeper/d.jsonl`]);
    expect((await expandInputs([`!./${N}/a.txt`, `./${N}`])).files).toEqual([`${N}/deeper/b.md`, `${N}/deeper/c.html`, `${N}/deeper/d.jsonl`]);
  });

  it('sorts and removes duplicates, however a path is spelled', async () => {
    expect((await expandInputs([`${N}/deeper/b.md`, `./${N}/a.txt`, `${N}//a.txt`, N, `${N}/deeper/../a.txt`])).files).toEqual([
      `${N}/a.txt`,
      `${N}/deeper/b.md`,
      `${N}/deeper/c.html`,
      `${N}/deeper/d.jsonl`,
    ]);
  });

  it('names a missing path, a glob without matches and a folder without inputs; keeps the rest', async () => {
    const empty = join(scratch, 'sans-textes');
    mkdirSync(empty);
    writeFileSync(join(empty, 'image.png'), 'x');
    expect(await expandInputs(['absent.txt', `${N}/*.pdf`, empty, `${N}/a.txt`])).toEqual({
      files: [`${N}/a.txt`],
      errors: [
        { source: 'absent.txt', code: 'E_INPUT_NOT_FOUND', message: 'no such file or directory' },
        { source: `${N}/*.pdf`, code: 'E_INPUT_NOT_FOUND', message: 'no file matches this pattern' },
        { source: empty, code: 'E_INPUT_NOT_FOUND', message: 'no .txt, .md, .html or .jsonl file in this directory' },
      ],
    });
  });

  it('reports a path that cannot be resolved (symbolic link loop) as unreadable', async () => {
    const loop = join(scratch, 'boucle.txt');
    symlinkSync(loop, loop);
    expect(await expandInputs([loop])).toEqual({
      files: [],
      errors: [{ source: loop, code: 'E_INPUT_UNREADABLE', message: 'cannot read (too many symbolic links)' }],
    });
  });

  it('follows symbolic links to files, not to folders', async () => {
    const dir = join(scratch, 'liens');
    mkdirSync(dir);
    symlinkSync(join(process.cwd(), N, 'a.txt'), join(dir, 'lien.txt'));
    symlinkSync(join(process.cwd(), N, 'deeper'), join(dir, 'dossier'));
    expect((await expandInputs([dir])).files).toEqual([join(dir, 'lien.txt')]);
  });

  it.skipIf(isRoot)('reports a folder without read permission as unreadable', async () => {
    const locked = join(scratch, 'verrouillé');
    mkdirSync(locked);
    writeFileSync(join(locked, 'a.txt'), 'x');
    chmodSync(locked, 0o000);
    try {
      expect((await expandInputs([locked])).errors).toEqual([
        { source: locked, code: 'E_INPUT_UNREADABLE', message: 'cannot read directory (permission denied)' },
      ]);
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});
