/** A CoNLL-U sentence: its `# text`, its surface tokens and its syntactic words. */
export interface ConlluSentence {
  id?: string;
  text: string;
  /** Surface tokens: a multiword token (du = de + le) is one, with its words as parts. */
  tokens: ConlluToken[];
}

export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  feats: string;
  misc: string;
}

export interface ConlluToken {
  form: string;
  /** The syntactic words: one for a plain token, several for a multiword token. */
  words: ConlluWord[];
  spaceAfter: boolean;
}

/** Parses CoNLL-U text (UD 2.x): comments, multiword token ranges; empty nodes (8.1) are skipped. */
export function parseConllu(source: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence = { text: '', tokens: [] };
  let rangeEnd = 0;
  let range: ConlluToken | undefined;
  const flush = () => {
    if (current.tokens.length > 0) sentences.push(current);
    current = { text: '', tokens: [] };
    rangeEnd = 0;
    range = undefined;
  };
  for (const line of source.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m) {
        if (m[1] === 'text') current.text = m[2]!;
        else current.id = m[2]!;
      }
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10) continue;
    const id = cols[0]!;
    const misc = cols[9]!;
    const spaceAfter = !/(^|\|)SpaceAfter=No(\||$)/.test(misc);
    if (id.includes('-')) {
      rangeEnd = Number(id.split('-')[1]);
      range = { form: cols[1]!, words: [], spaceAfter };
      current.tokens.push(range);
      continue;
    }
    if (id.includes('.')) continue;
    const word: ConlluWord = { form: cols[1]!, lemma: cols[2]!, upos: cols[3]!, feats: cols[5]!, misc };
    if (range && Number(id) <= rangeEnd) {
      range.words.push(word);
      if (Number(id) === rangeEnd) range = undefined;
    } else {
      current.tokens.push({ form: word.form, words: [word], spaceAfter });
    }
  }
  flush();
  return sentences;
}
