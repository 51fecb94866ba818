import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { cli } from './cli-helpers.js';
import { version } from '../src/cli/index.js';

const root = join(__dirname, '..');
const GREVE = 'fixtures/cli/greve.txt';

describe('extrait: exit codes and streams', () => {
  it('prints the version and nothing else', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version()}\n`, stderr: '' });
  });

  it('writes sentences as JSON Lines, one item per line with its document', async () => {
    const r = await cli(['sentences', GREVE, '-f', 'jsonl']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '{"document":"fixtures/cli/greve.txt","index":0,"paragraph":0,"start":0,"end":13,"text":"Grève à Douai","tokens":3}\n' +
        '{"document":"fixtures/cli/greve.txt","index":1,"paragraph":1,"start":15,"end":43,"text":"Les salariés ont voté mardi.","tokens":6}\n' +
        '{"document":"fixtures/cli/greve.txt","index":2,"paragraph":1,"start":44,"end":79,"text":"« On ne lâchera rien », a-t-il dit.","tokens":11}\n',
    });
  });

  it('names a missing file on stderr, writes the others, and exits 1', async () => {
    const r = await cli(['sentences', 'fixtures/cli/absent.txt', GREVE, '-f', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('extrait: error: fixtures/cli/absent.txt: no such file or directory\n');
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('exits 2 on an unknown option or a bad value, with nothing on stdout', async () => {
    expect(await cli(['sentences', '--bogus', GREVE])).toEqual({
      code: 2,
      stdout: '',
      stderr: "extrait: error: unknown option '--bogus'\n(see extrait --help)\n",
    });
    expect(await cli(['sentences', '-f', 'xml', GREVE])).toEqual({
      code: 2,
      stdout: '',
      stderr: "extrait: error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, json, jsonl, csv, tsv.\n(see extrait --help)\n",
    });
  });

  it('exits 2 when there is no input and standard input is a terminal', async () => {
    expect(await cli(['sentences'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'extrait: error: no input: name files or directories, or pipe text in (extrait --help)\n',
    });
  });

  it('exits 2 on a reference date that is no day', async () => {
    expect(await cli(['dates', GREVE, '--ref-date', '2017-02-30'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "extrait: error: --ref-date: expected a day written YYYY-MM-DD, got '2017-02-30'\n",
    });
  });

  it('exits 2 on an unknown component', async () => {
    const r = await cli(['--only', 'horoscope', GREVE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^extrait: error: unknown component 'horoscope' \(known: [a-z, ]*language/);
  });

  it('reads standard input when no path is given', async () => {
    const r = await cli(['tokens', '--only', 'language', '-f', 'tsv'], { input: 'Peut-on le dire ?' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'document\tindex\tsentence\tstart\tend\ttext\tkind\tpos\tlemma',
      'stdin\t0\t0\t0\t4\tPeut\tword\t\t',
      "stdin\t1\t0\t4\t7\t'-on\tword\t\t",
    ]);
  });

  it('shows parts of speech and lemmas of tokens, and leaves them out with --no-pos', async () => {
    const tagged = await cli(['tokens', '-f', 'tsv'], { input: 'Le ministre a-t-il dit du bien ?' });
    expect(tagged.stdout.split('\n').slice(1, 7)).toEqual([
      'stdin\t0\t0\t0\t2\tLe\tword\tDET\tle',
      'stdin\t1\t0\t3\t11\tministre\tword\tNOUN\tministre',
      'stdin\t2\t0\t12\t13\ta\tword\tAUX\tavoir',
      "stdin\t3\t0\t13\t18\t'-t-il\tword\tPRON\tlui",
      'stdin\t4\t0\t19\t22\tdit\tword\tVERB\tdire',
      'stdin\t5\t0\t23\t25\tdu\tword\tADP+DET\tde+le',
    ]);
    const untagged = await cli(['tokens', '--no-pos', '-f', 'tsv'], { input: 'Le ministre a-t-il dit du bien ?' });
    expect(untagged.stdout.split('\n')[1]).toBe('stdin\t0\t0\t0\t2\tLe\tword\t\t');
  });

  it('prints help with examples', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Usage: extrait [options] [command]');
    expect(r.stdout).toContain('$ extrait fixtures/lavrov-washington.txt');
    expect(r.stdout).toContain('sentences [options] [inputs...]');
    expect(r.stdout).toContain('train-ner [options]');
  });

  it("prints a command's own options and the global ones in its help", async () => {
    const r = await cli(['quotes', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: extrait quotes [options] [inputs...]');
    expect(r.stdout).toContain('--speaker');
    expect(r.stdout).toContain('-f, --format <format>');
    expect(r.stdout).toContain('--no-entities');
  });
});

describe('extrait: language', () => {
  it('warns about a text that is not French and keeps it', async () => {
    const r = await cli(['sentences', 'fixtures/cli/english.txt', '-f', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("extrait: warning: fixtures/cli/english.txt: the text looks like 'eng', not French; results may be poor\n");
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('skips it with --strict-language', async () => {
    const r = await cli(['sentences', 'fixtures/cli/english.txt', GREVE, '-f', 'jsonl', '--strict-language', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).document)).toEqual([GREVE, GREVE, GREVE]);
  });
});

describe('extrait: offsets', () => {
  const text = 'Bravo 👏 à Lyon. Fin.';
  it('counts code points by default', async () => {
    const r = await cli(['sentences', '-f', 'jsonl'], { input: text });
    expect(r.stdout.split('\n').filter(Boolean).map((l) => [JSON.parse(l).start, JSON.parse(l).end])).toEqual([[0, 15], [16, 20]]);
  });
  it('counts UTF-16 code units with --offsets utf16', async () => {
    const r = await cli(['sentences', '-f', 'jsonl', '--offsets', 'utf16'], { input: text });
    expect(r.stdout.split('\n').filter(Boolean).map((l) => [JSON.parse(l).start, JSON.parse(l).end])).toEqual([[0, 16], [17, 21]]);
  });
});

describe('extrait: CSV and colours', () => {
  it('quotes CSV cells and neutralises what a spreadsheet would run', async () => {
    const r = await cli(['tokens', '--only', 'language', '-f', 'csv'], { input: '=SOMME(A1), dit-il.' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('document,index,sentence,start,end,text,kind,pos,lemma');
    expect(lines[1]).toBe("stdin,0,0,0,1,'=,symbol,,");
    expect(lines).toContain('stdin,5,0,10,11,",",punct,,');
    expect(lines).toContain("stdin,7,0,15,18,'-il,word,,");
  });

  it('colours a table on a terminal unless NO_COLOR is set', async () => {
    const coloured = await cli(['sentences', GREVE, '-f', 'table'], { tty: true });
    expect(coloured.stdout).toContain('\u001b[');
    const plain = await cli(['sentences', GREVE, '-f', 'table'], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain('Les salariés ont voté mardi.');
    const dumb = await cli(['sentences', GREVE, '--no-color'], { tty: true });
    expect(dumb.stdout).not.toContain('\u001b[');
  });

  it('writes JSON when stdout is not a terminal', async () => {
    const r = await cli(['sentences', GREVE]);
    expect(JSON.parse(r.stdout).schemaVersion).toBe('1.0');
  });
});

describe('bin/extrait.js', () => {
  const bin = join(root, 'bin', 'extrait.js');
  it('runs as a program and stays quiet when the reader closes the pipe', () => {
    const r = spawnSync('sh', ['-c', `node ${bin} tokens --only language -f jsonl fixtures/lavrov-washington.txt fixtures/lavrov-washington.txt | head -n 1`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).text).toBe('Le');
  });
  it('exits 130 when interrupted', async () => {
    const child = spawn(process.execPath, [bin, 'sentences', '-'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write('Une phrase qui attend la suite');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
  });
  it('exits with the code of the run', () => {
    const r = spawnSync(process.execPath, [bin, 'sentences', 'fixtures/cli/absent.txt'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
  });
});

describe('the built command line (dist/cli)', () => {
  const program = join(root, 'dist', 'cli', 'program.cjs');
  it('is ASCII, so that it can be read as Latin-1 (a plain copy)', () => {
    expect(readFileSync(program).every((byte) => byte < 0x80)).toBe(true);
  });
  it('runs with the code cache the build wrote: V8 accepts it', () => {
    const check = `import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'src', 'cli', 'code-cache.js')).href)})
      .then((m) => console.log(m.requireWithCodeCache(${JSON.stringify(program)}, ${JSON.stringify(join(root, 'dist', 'cli', 'program.cache'))}).cacheUsed))`;
    const r = spawnSync(process.execPath, ['-e', check], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true\n');
  });
});
