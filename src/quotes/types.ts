import type { Span } from '../core/types.js';
import type { EntityType } from '../entities/types.js';

export type QuoteKind = 'direct' | 'partial' | 'dialogue' | 'mention';
export type NonSpeechKind = 'title' | 'term' | 'scare';
export type SpeakerMethod = 'name' | 'pronoun' | 'role' | 'continuation' | 'colon' | 'selon' | 'alternation';

export interface Speaker {
  /** Canonical name of the resolved entity, or the role itself when no person is known; null when anonymous. */
  name: string | null;
  type?: EntityType;
  /** Entity id in `Analysis.entities` when resolved to one. */
  entity?: string;
  /** The text that identifies the speaker (name, pronoun, role phrase), or null. */
  mention: Span | null;
  method: SpeakerMethod;
  /** True when the speaker was inferred (pronoun, role, continuation) rather than named at the quote. */
  inferred: boolean;
  /** True when `name` is a role or description ("porte-parole du gouvernement"), not an entity of the text. */
  described?: boolean;
}

export interface Quote extends Span {
  /** Segments of the quotation (inner text without marks); an incise or a new paragraph splits it. */
  parts: Span[];
  kind: QuoteKind;
  /** For kind `mention`: why the quoted material is not speech. */
  why?: NonSpeechKind;
  speaker: Speaker | null;
  /** The reporting verb: infinitive lemma and where it stands. */
  verb: (Span & { lemma: string }) | null;
  /** Index of the enclosing quotation for a nested quote. */
  parent?: number;
  unterminated?: boolean;
  /** How sure the extractor is of the quotation and its speaker, 0–1. */
  confidence: number;
  /** The rule that attributed it (shown with --explain). */
  rule?: string;
}
