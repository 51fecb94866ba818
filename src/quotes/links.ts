import { nameAt, phraseAt, type CueContext } from './cues.js';
import { roleEntry, type Discourse } from './discourse.js';
import { auxiliary, hasClass, isWord, looksVerbal } from './grammar.js';
import type { RoleEntry } from './lexicon.js';
import type { Item } from './view.js';

const DE = new Set(['de', "d'", 'du', 'des']);
const REACH = 8;

function roleIn(items: readonly Item[], from: number, to: number): { entry: RoleEntry; end: number } | undefined {
  for (let k = from; k < to; k++) {
    const words: string[] = [];
    for (let m = k; m < k + 4 && m < to && isWord(items[m]); m++) words.push(items[m]!.norm);
    const entry = roleEntry(words);
    if (entry) return { entry, end: k + entry.words.length };
  }
  return undefined;
}

/**
 * Links persons to the roles the text gives them: "le formateur Pieter Van den Bossche",
 * "le maire, Frédéric Lagarde", "Karim Benhadj, 52 ans, délégué CGT".
 */
export function linkRoles(items: readonly Item[], ctx: CueContext): void {
  const d: Discourse = ctx.discourse;
  const link = (mention: number, role: { entry: RoleEntry; end: number }, complementEnd: number) => {
    const m = d.mentions[mention]!;
    if (m.type !== 'PER') return;
    const complement = items.slice(role.end, complementEnd).filter(isWord).map((x) => x.norm).join(' ');
    d.addRole(m.entity, { key: role.entry.key, group: role.entry.group, ...(role.entry.gender && { gender: role.entry.gender }), complement });
  };
  for (let i = 0; i < items.length; i++) {
    const name = nameAt(items, i, items.length, ctx);
    if (!name) continue;
    if (d.mentions[name.mention]!.type !== 'PER') {
      i = name.end - 1;
      continue;
    }
    // role words right before: le capitaine Rafael Mendonça, l'expert psychiatre Bernard Téchené
    let k = i - 1;
    while (k >= 0 && i - k <= REACH && isWord(items[k]) && !looksVerbal(items[k]) && !(hasClass(items[k], 'prep') && !DE.has(items[k]!.norm))) {
      if (hasClass(items[k], 'det')) break;
      k--;
    }
    const before = roleIn(items, k + 1, i);
    if (before) link(name.mention, before, i);
    else if (items[i - 1]?.text === ',') {
      // apposition: le maire, Frédéric Lagarde
      let a = i - 2;
      while (a >= 0 && i - a <= REACH + 2 && isWord(items[a]) && !hasClass(items[a], 'det')) a--;
      if (a >= 0 && hasClass(items[a], 'det')) {
        const role = roleIn(items, a + 1, Math.min(a + 3, i - 1));
        if (role) link(name.mention, role, i - 1);
      }
    }
    // apposition after: Karim Benhadj, 52 ans, délégué CGT
    let e = name.end;
    if (items[e]?.text === '(') while (e < items.length && items[e]!.text !== ')') e++;
    if (items[e]?.text === ')') e++;
    if (items[e]?.text === ',') {
      let n = e + 1;
      if (/^\d/.test(items[n]?.text ?? '') && items[n + 1]?.norm === 'ans' && items[n + 2]?.text === ',') n += 3;
      const withDet = hasClass(items[n], 'det') && !phraseAt(items, n, 'last');
      if (withDet) n++;
      const role = roleIn(items, n, n + 1);
      if (role) {
        let stop = role.end;
        while (stop < items.length && isWord(items[stop]) && !looksVerbal(items[stop]) && !auxiliary(items[stop])) stop++;
        // "Marianne Lopez, l'accusé a peiné": with an article, a verb after it makes it the next subject
        const clauseGoesOn = isWord(items[stop]) && (looksVerbal(items[stop]) || auxiliary(items[stop]) !== undefined);
        if (!(withDet && clauseGoesOn)) link(name.mention, role, stop);
      }
    }
    i = name.end - 1;
  }
}
