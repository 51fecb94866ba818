import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelSpans, project, readConll } from '../src/entities/corpus.js';
import { LABELS, NerModel, allowed, serializeModel, viterbi, L } from '../src/entities/model.js';
import { trainModelFile } from '../src/entities/training.js';
import { trainNerAction, parseLexicon } from '../src/entities/command.js';
import { activeRuns, recognize } from '../src/entities/recognize.js';
import { tokenInfos } from '../src/entities/features.js';
import { createDocument } from '../src/core/document.js';

const label = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);

const CONLL = `-DOCSTART- O

Donald B-PER
Trump I-PER
a O
reçu O
Sergueï B-PER
Lavrov I-PER
à O
Washington B-LOC
. O

La O
CGT B-ORG
appelle O
à O
la O
grève O
à O
Douai B-LOC
. O
`;

describe('CoNLL reading and projection', () => {
  it('reads IOB2 into text spans and cuts them with extrait’s tokenizer', () => {
    const sentences = readConll(CONLL);
    expect(sentences.map((s) => s.text)).toEqual(['Donald Trump a reçu Sergueï Lavrov à Washington.', 'La CGT appelle à la grève à Douai.']);
    const projected = project(sentences[0]!);
    const found = labelSpans(projected.labels).map((s) => projected.tokens.slice(s.start, s.end).map((t) => t.text).join(' ') + '/' + s.type);
    expect(found).toEqual(['Donald Trump/PER', 'Sergueï Lavrov/PER', 'Washington/LOC']);
  });

  it('reads IO, BIOES and numbered columns alike', () => {
    const io = readConll('1\tJean\tI-PER\n2\tDupont\tI-PER\n3\tà\tO\n4\tLyon\tI-LOC\n');
    expect(io[0]!.spans.map((s) => io[0]!.text.slice(s.start, s.end))).toEqual(['Jean Dupont', 'Lyon']);
    const bioes = readConll('Le O\nParti B-ORG\nsocialiste E-ORG\net O\nRenaissance S-ORG\n');
    expect(bioes[0]!.spans.map((s) => bioes[0]!.text.slice(s.start, s.end))).toEqual(['Parti socialiste', 'Renaissance']);
  });

  it('rejects a line without a tag', () => {
    expect(() => readConll('Jean\n', 'x.conll')).toThrow(/x.conll:1/);
  });
});

describe('labeller', () => {
  it('never lets I-X follow O or another type', () => {
    expect(allowed(-1, label('I-PER'))).toBe(false);
    expect(allowed(label('O'), label('I-LOC'))).toBe(false);
    expect(allowed(label('B-ORG'), label('I-LOC'))).toBe(false);
    expect(allowed(label('B-LOC'), label('I-LOC'))).toBe(true);
    // Emissions that prefer I-PER everywhere still decode to a valid B-PER I-PER.
    const emit = new Float64Array(2 * L);
    emit[label('I-PER')] = 5;
    emit[L + label('I-PER')] = 5;
    emit[label('B-PER')] = 1;
    const path = viterbi(emit, 2, new Float64Array((L + 1) * L)).map((i) => LABELS[i]);
    expect(path).toEqual(['B-PER', 'I-PER']);
  });

  it('trains deterministically and round-trips through the model file', () => {
    const sentences = readConll(CONLL.repeat(5)).map(project);
    const options = { epochs: 3, maxFeatures: 10_000, training: { test: true } };
    const a = trainModelFile(sentences, options);
    const b = trainModelFile(sentences, options);
    expect(a.equals(b)).toBe(true);
    const model = NerModel.fromBuffer(a);
    expect(model.info.training.test).toBe(true);
    const doc = createDocument('Donald Trump a reçu Sergueï Lavrov à Washington.');
    const found = recognize(doc.text, doc.tokens, doc.sentences, { model }).map((m) => `${doc.tokens[m.start]!.text}/${m.type}`);
    expect(found).toContain('Donald/PER');
  });

  it('decodes only the stretches around capitals, digits and listed names', () => {
    const doc = createDocument('il pleut depuis trois jours sur la ville et les habitants attendent toujours que la pluie cesse avant Noël');
    const infos = tokenInfos(doc.tokens, 0, doc.tokens.length);
    const noel = doc.tokens.findIndex((t) => t.text === 'Noël');
    expect(activeRuns(infos)).toEqual([[noel - 2, doc.tokens.length]]);
    const none = createDocument('il pleut depuis trois jours');
    expect(activeRuns(tokenInfos(none.tokens, 0, none.tokens.length))).toEqual([]);
  });

  it('reads a format-2 model (each key and its weights in a slot) with the same scores', () => {
    const weights = new Map<number, Float64Array>();
    for (const [h, w] of [[0x9e3779b1, 2], [7, -1.5], [0xffffffff, 0.25], [123456, 3]] as const) weights.set(h, Float64Array.from({ length: L }, (_, j) => w * (j - 4)));
    const transitions = Float64Array.from({ length: (L + 1) * L }, (_, k) => (k % 7) / 10);
    const current = NerModel.fromBuffer(serializeModel(weights, transitions, { test: true }, 4));
    // Format 2, written by hand: magic, header, then per slot a Uint32 key and L int16 weights in 24 bytes.
    const info = { ...current.info, version: 2, slots: 8 };
    const header = Buffer.from(JSON.stringify(info));
    const head = Buffer.alloc(12);
    head.write('XNER0002', 0, 'latin1');
    head.writeUInt32LE(header.length, 8);
    const table = new Uint32Array(8 * 6);
    const halves = new Int16Array(table.buffer);
    for (const h of [...weights.keys()].sort((a, b) => a - b)) {
      let slot = (Math.imul(h, 0x9e3779b1) >>> 0) & 7;
      while (table[slot * 6] !== 0) slot = (slot + 1) & 7;
      table[slot * 6] = h;
      for (let j = 0; j < L; j++) halves[slot * 12 + 2 + j] = Math.round(weights.get(h)![j]! / current.info.scale);
    }
    const pad = Buffer.alloc((4 - ((12 + header.length) % 4)) % 4);
    const old = NerModel.fromBuffer(Buffer.concat([head, header, pad, Buffer.from(table.buffer), Buffer.from(Float32Array.from(transitions).buffer)]));
    for (const h of [...weights.keys(), 1, 99]) {
      const a = new Float64Array(L);
      const b = new Float64Array(L);
      current.addScores(Uint32Array.of(h), a);
      old.addScores(Uint32Array.of(h), b);
      expect([...b], String(h)).toEqual([...a]);
    }
    expect([...old.transitions]).toEqual([...current.transitions]);
    expect(old.toBuffer().equals(current.toBuffer())).toBe(true);
  });

  it('refuses a file that is not a model', () => {
    expect(() => NerModel.fromBuffer(Buffer.from('not a model at all'))).toThrow(/not an extrait entity model/);
  });
});

describe('train-ner and --lexicon', () => {
  it('trains a model from a CoNLL file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extrait-ner-'));
    const data = join(dir, 'data.conll');
    const out = join(dir, 'model.bin');
    writeFileSync(data, CONLL.repeat(3));
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
    };
    const code = await trainNerAction.run([], { data, out, epochs: '2' }, io);
    expect(code).toBe(0);
    expect(stderr).toMatch(/training on 6 sentences/);
    expect(stdout).toMatch(/EXTRAIT_NER_MODEL=/);
    expect(NerModel.fromBuffer(readFileSync(out)).info.training.epochs).toBe(2);
  });

  it('asks for --data', async () => {
    const io = { stdout: process.stdout, stderr: process.stderr };
    await expect(trainNerAction.run([], {}, io)).rejects.toThrow(/--data/);
  });

  it('parses a lexicon file and rejects a bad row', () => {
    expect(parseLexicon('# names\nCanaris\tORG\tFC Nantes\nJamaïque\torg\n')).toEqual([
      { name: 'Canaris', type: 'ORG', canonical: 'FC Nantes' },
      { name: 'Jamaïque', type: 'ORG' },
    ]);
    expect(() => parseLexicon('Canaris\tTEAM\n', 'names.tsv')).toThrow(/names.tsv:1/);
  });
});
