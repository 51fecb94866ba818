/** The load-time forms of the POS files, compiled from their sources (scripts/train/pos-compile.ts writes them). */
import { blockIndex } from './block-lines.js';
import { MODEL_FILE, TABLES_FILE } from './index.js';
import { LEXICON_FILE, LEXICON_INDEX_FILE } from './lexicon.js';
import { decodeModels } from './model.js';
import { compileTables } from './tables.js';

/** Each compiled file with its bytes; `read` gives a source file of lexicons/pos by name. */
export function compilePosFiles(read: (name: string) => Buffer): { file: string; data: Buffer }[] {
  const model = read(MODEL_FILE);
  const lexicon = read(LEXICON_FILE);
  return [
    { file: TABLES_FILE, data: compileTables(decodeModels(model, MODEL_FILE), { file: MODEL_FILE, bytes: model.length }) },
    { file: LEXICON_INDEX_FILE, data: Buffer.from(blockIndex(LEXICON_FILE, lexicon).join('\n') + '\n') },
  ];
}
