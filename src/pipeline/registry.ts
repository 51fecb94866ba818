import type { Component } from './component.js';
import { languageComponent } from '../language/index.js';
import { quotesComponent } from '../quotes/index.js';
import { datesComponent } from '../dates/index.js';
import { entitiesComponent } from '../entities/index.js';
import { posComponent } from '../pos/index.js';
import { topicsComponent } from '../topics/index.js';

/**
 * Every pipeline component, in no particular order: the pipeline orders them by what they need.
 * A capability adds its component here with one import and one entry.
 */
export const registry: readonly Component[] = [
  entitiesComponent,
  languageComponent,
  quotesComponent,
  datesComponent,
  posComponent,
  topicsComponent,
];
