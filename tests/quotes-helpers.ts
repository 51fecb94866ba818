import { createDocument } from '../src/core/document.js';
import type { Analysis } from '../src/core/analysis.js';
import type { Entity, EntityMention } from '../src/entities/types.js';
import { extractQuotes, type ExtractOptions } from '../src/quotes/extract.js';
import type { Quote } from '../src/quotes/types.js';

/** [surface, type, canonical?]: every occurrence of the surface is a mention of that entity. */
export type Name = [string, Entity['type'], string?];

/** An analysis of `text` with hand-built entity mentions, as the entities component would give them. */
export function analysisWith(text: string, names: readonly Name[] = []): Analysis {
  const doc = createDocument(text, { id: 'test' });
  const mentions: EntityMention[] = [];
  const entities = new Map<string, Entity>();
  for (const [surface, type, canonical = surface] of names) {
    let entity = entities.get(canonical);
    if (!entity) {
      entity = { id: `e${entities.size}`, canonical, type, roles: [], mentions: [], aliases: [] };
      entities.set(canonical, entity);
    }
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      const before = text[i - 1];
      const after = text[i + surface.length];
      if ((before && /\p{L}/u.test(before)) || (after && /\p{L}/u.test(after))) continue;
      if (mentions.some((m) => m.start < i + surface.length && i < m.end)) continue;
      mentions.push({ start: i, end: i + surface.length, text: surface, type, entity: entity.id });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const e of entities.values()) e.mentions = mentions.flatMap((m, i) => (m.entity === e.id ? [i] : []));
  return { ...doc, mentions, entities: [...entities.values()], warnings: [] };
}

export function quotesOf(text: string, names: readonly Name[] = [], options: ExtractOptions = {}): Quote[] {
  return extractQuotes(analysisWith(text, names), options);
}

/** The compact view tests compare: parts, speaker name, verb lemma, kind. */
export function brief(q: Quote): { parts: string[]; speaker: string | null | undefined; verb: string | null; kind: string } {
  return { parts: q.parts.map((p) => p.text), speaker: q.speaker?.name ?? null, verb: q.verb?.lemma ?? null, kind: q.kind };
}
