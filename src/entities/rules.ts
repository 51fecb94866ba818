import type { Sentence, Token } from '../core/types.js';
import { buildTrie, matchGazetteer, type GazetteerEntry } from './lexicon.js';
import type { FoundMention } from './recognize.js';

/**
 * Rules applied after the labeller, each naming itself in `rule`:
 * - lexicon: the user's names (`--lexicon`) win over the model wherever they occur.
 */
export function applyRules(
  _text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  found: FoundMention[],
  lexicon: readonly GazetteerEntry[],
): FoundMention[] {
  let mentions = found;
  if (lexicon.length) mentions = addUserNames(tokens, sentences, mentions, lexicon);
  return mentions.sort((a, b) => a.start - b.start);
}

function addUserNames(tokens: readonly Token[], sentences: readonly Sentence[], found: FoundMention[], lexicon: readonly GazetteerEntry[]): FoundMention[] {
  const trie = buildTrie(lexicon);
  const added: FoundMention[] = [];
  for (const s of sentences) {
    for (const m of matchGazetteer(tokens, s.tokenStart, s.tokenEnd, trie)) added.push({ start: m.start, end: m.end, type: m.entry.type, rule: 'lexicon' });
  }
  if (!added.length) return found;
  const kept = found.filter((f) => !added.some((a) => a.start < f.end && f.start < a.end));
  return [...kept, ...added];
}
