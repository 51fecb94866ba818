import type { Span } from '../core/types.js';
import type { EntityType } from '../entities/types.js';
import type { Cue } from './cues.js';
import { Discourse, type Referent } from './discourse.js';
import type { Gender } from './lexicon.js';

/** A speaker once resolved: a referent, a described role, or nobody in particular. */
export interface Resolved {
  name: string | null;
  type?: EntityType;
  entity?: string;
  mention: Span | null;
  /** name: the speaker is named; pronoun: il, elle, ce dernier, qui; role: a noun phrase. */
  via: 'name' | 'pronoun' | 'role';
  /** The name is a role or description, not a referent of the text. */
  described?: boolean;
  confidence: number;
}

const PRONOUN_GENDER: Record<string, { gender?: Gender; plural: boolean } | undefined> = {
  il: { gender: 'm', plural: false },
  lui: { gender: 'm', plural: false },
  elle: { gender: 'f', plural: false },
  ils: { gender: 'm', plural: true },
  eux: { gender: 'm', plural: true },
  elles: { gender: 'f', plural: true },
};
const FIRST_PERSON = new Set(['je', "j'", 'nous', 'me', "m'", 'moi']);
/** How much a referent of unknown gender counts against one whose gender fits. */
const UNKNOWN_GENDER = 0.6;

const fromReferent = (r: Referent, mention: Span, via: Resolved['via'], confidence: number): Resolved => ({
  name: r.canonical,
  type: r.type,
  entity: r.id,
  mention,
  via,
  confidence,
});

const nobody = (mention: Span | null, via: Resolved['via']): Resolved => ({ name: null, mention, via, confidence: 0.6 });

export interface ResolveContext {
  discourse: Discourse;
  /** The speaker of the quotation this one is nested in: "je" inside it is that speaker. */
  outer?: Resolved | null;
}

/** The most salient person (or organisation) at `offset` that fits a gender and number. */
function personFor(d: Discourse, offset: number, gender: Gender | undefined, plural: boolean, exclude?: (r: Referent) => boolean): Referent | undefined {
  let best: Referent | undefined;
  let bestScore = 0;
  for (const r of d.referents.values()) {
    if (exclude?.(r)) continue;
    let factor = 1;
    if (plural) {
      if (r.type !== 'ORG' && !(r.type === 'PER' && r.plural)) continue;
    } else {
      if (r.type !== 'PER') continue;
      if (gender && r.gender && r.gender !== gender) continue;
      if (gender && !r.gender) factor = UNKNOWN_GENDER;
    }
    const s = d.salience(r.id, offset) * factor;
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  if (!best && !plural) {
    // "il" for an organisation: l'Élysée … il
    return d.best(offset, (r) => r.type === 'ORG', 0.5);
  }
  return best;
}

const groupsOf = (r: Referent) => r.roles.map((x) => x.group).filter((g) => g !== 'any');

/** Resolves a speaker phrase to a referent of the text, at the offset where it stands. */
export function resolveCue(cue: Cue, ctx: ResolveContext): Resolved {
  const d = ctx.discourse;
  const at = cue.span.start;
  switch (cue.kind) {
    case 'name': {
      const m = d.mentions[cue.mention]!;
      const r = d.referents.get(m.entity);
      if (!r) return { name: m.text, type: m.type, mention: cue.span, via: 'name', confidence: 0.8 };
      if (cue.role) d.addRole(r.id, { key: cue.role.key, group: cue.role.group, ...(cue.role.gender && { gender: cue.role.gender }), complement: cue.complement ?? '' });
      return fromReferent(r, cue.span, 'name', 0.95);
    }
    case 'place': {
      const inner = resolveCue(cue.place, ctx);
      return { ...inner, mention: cue.pronoun, via: 'pronoun', confidence: 0.8 };
    }
    case 'pronoun': {
      if (FIRST_PERSON.has(cue.pronoun)) return ctx.outer ? { ...ctx.outer, mention: cue.span, via: 'pronoun' } : nobody(cue.span, 'pronoun');
      const gn = PRONOUN_GENDER[cue.pronoun];
      if (!gn) return nobody(cue.span, 'pronoun');
      const r = personFor(d, at, gn.gender, gn.plural);
      return r ? fromReferent(r, cue.span, 'pronoun', 0.8) : nobody(cue.span, 'pronoun');
    }
    case 'demo': {
      const r = personFor(d, at, cue.gender, cue.plural);
      return r ? fromReferent(r, cue.span, 'pronoun', 0.75) : nobody(cue.span, 'pronoun');
    }
    case 'relative': {
      if (!cue.antecedent) return nobody(cue.span, 'pronoun');
      const inner = resolveCue(cue.antecedent, ctx);
      return { ...inner, mention: cue.span, via: 'pronoun' };
    }
    case 'last': {
      const r = d.latest(at, (x) => (cue.plural ? x.type === 'ORG' || x.plural : x.type === 'PER') && (!cue.gender || !x.gender || x.gender === cue.gender));
      return r ? fromReferent(r, cue.span, 'pronoun', 0.85) : nobody(cue.span, 'pronoun');
    }
    case 'source': {
      if (!cue.of) return nobody(cue.span, 'role');
      const inner = resolveCue(cue.of, ctx);
      return { ...inner, mention: cue.span };
    }
    case 'anonymous':
      return nobody(cue.span, 'role');
    case 'role':
      return resolveRole(cue, ctx);
  }
}

function resolveRole(cue: Extract<Cue, { kind: 'role' }>, ctx: ResolveContext): Resolved {
  const d = ctx.discourse;
  const at = cue.span.start;
  if (cue.indefinite || !cue.role) return nobody(cue.span, 'role');
  const role = cue.role;
  if (role.group === 'org') {
    const named = d.best(at, (r) => r.type === 'ORG' && r.canonical.toLowerCase().includes(cue.head));
    const r = named ?? d.best(at, (x) => x.type === 'ORG', Discourse.reach * 10);
    return r ? fromReferent(r, cue.span, 'role', named ? 0.8 : 0.6) : described(cue);
  }
  if (cue.plural) return nobody(cue.span, 'role');
  // a person the text gave this role: le formateur Pieter Van den Bossche … le formateur
  const linked = d.best(
    at,
    (r) => r.type === 'PER' && r.roles.some((x) => x.key === role.key && complementsAgree(x.complement, cue.complement)),
    0,
  );
  if (linked) return fromReferent(linked, cue.span, 'role', 0.85);
  const gender = cue.gender;
  const r = personFor(d, at, gender, false, (x) => {
    const groups = groupsOf(x);
    return role.group !== 'any' && groups.length > 0 && !groups.includes(role.group);
  });
  if (r && d.salience(r.id, at) >= Discourse.reach) {
    d.addRole(r.id, { key: role.key, group: role.group, ...(role.gender && { gender: role.gender }), complement: cue.complement });
    return fromReferent(r, cue.span, 'role', 0.7);
  }
  return described(cue);
}

/** Two role complements name the same post unless both are given and share no word (du Var / de la CEI). */
function complementsAgree(a: string, b: string): boolean {
  const words = (s: string) => new Set(s.split(/[\s']+/).filter((w) => w.length > 3));
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return true;
  for (const w of x) if (y.has(w)) return true;
  return false;
}

/** The role itself as the speaker, when no person is known: "porte-parole du gouvernement". */
function described(cue: Extract<Cue, { kind: 'role' }>): Resolved {
  const name = cue.span.text.replace(/^(?:les?|la|l['’]|son|sa|ses|leur|ce|cet|cette)\s*/i, '');
  return { name, mention: cue.span, via: 'role', described: true, confidence: 0.5 };
}
