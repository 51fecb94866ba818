import type { Document, Warning } from './types.js';
import type { Entity, EntityMention } from '../entities/types.js';
import type { Quote } from '../quotes/types.js';
import type { TimeExpression } from '../dates/types.js';
import type { Topics } from '../topics/types.js';

export interface LanguageGuess {
  /** ISO 639-3 code from franc (`fra`), or `und` when the text is too short to tell. */
  code: string;
  french: boolean;
}

/** A document and everything the pipeline components added to it. Absent fields: that component did not run. */
export interface Analysis extends Document {
  language?: LanguageGuess;
  mentions?: EntityMention[];
  entities?: Entity[];
  quotes?: Quote[];
  dates?: TimeExpression[];
  topics?: Topics;
  warnings: Warning[];
}
