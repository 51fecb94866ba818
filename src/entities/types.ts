import type { Span } from '../core/types.js';

export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC';

/** One occurrence of a named entity in the text. */
export interface EntityMention extends Span {
  type: EntityType;
  /** Id of the entity (cluster) this mention belongs to, e.g. `e3`. */
  entity: string;
  /** How the mention was found (model, gazetteer, user lexicon…), for `--explain`. */
  rule?: string;
  confidence?: number;
}

/** A role found for a person in the text: "le secrétaire d'État Rex Tillerson". */
export interface EntityRole extends Span {
  /** The role noun phrase normalised (lower case, no determiner): "secrétaire d'état". */
  role: string;
}

/** A referent: the mentions of one person, place, organisation or thing, clustered. */
export interface Entity {
  id: string;
  canonical: string;
  type: EntityType;
  gender?: 'm' | 'f';
  roles: EntityRole[];
  /** Indices into `Analysis.mentions`. */
  mentions: number[];
  aliases: string[];
}
