import { ExtraitError } from '../core/errors.js';
import type { Component } from './component.js';

/**
 * The components to run, in an order where each comes after what it needs: the requested ones
 * (or every default one), minus the disabled, plus what they need. A default component that needs
 * a disabled one is left out too; a requested one that does is a usage error, so `--no-pos` never
 * silently runs the tagger.
 */
export function planComponents(
  registry: readonly Component[],
  requested: readonly string[] | undefined,
  disabled: readonly string[] = [],
): Component[] {
  const byName = new Map(registry.map((c) => [c.name, c]));
  for (const name of [...(requested ?? []), ...disabled]) {
    if (!byName.has(name)) {
      throw new ExtraitError('E_UNKNOWN_COMPONENT', `unknown component '${name}' (known: ${[...byName.keys()].join(', ')})`);
    }
  }
  const off = new Set(disabled);
  // by default, what needs a switched-off component is left out with it (--no-pos drops topics);
  // a component the caller names explicitly must have its needs, or the call is an error
  if (!requested) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const c of registry) {
        if (!off.has(c.name) && c.needs.some((n) => off.has(n))) {
          off.add(c.name);
          changed = true;
        }
      }
    }
  }
  const wanted = requested ? requested.filter((n) => !off.has(n)) : registry.filter((c) => c.defaultOn && !off.has(c.name)).map((c) => c.name);
  const ordered: Component[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, by: string | undefined) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new ExtraitError('E_COMPONENT_CYCLE', `components need each other in a cycle through '${name}'`);
    if (off.has(name)) throw new ExtraitError('E_USAGE', `'${by}' needs '${name}', which is switched off`);
    const component = byName.get(name);
    if (!component) throw new ExtraitError('E_UNKNOWN_COMPONENT', `'${by}' needs unknown component '${name}'`);
    state.set(name, 'visiting');
    for (const need of component.needs) visit(need, name);
    // what it reads when available comes first if it runs at all
    for (const use of component.uses ?? []) if (willRun.has(use)) visit(use, name);
    state.set(name, 'done');
    ordered.push(component);
  };
  const willRun = closure(wanted, byName, off);
  for (const name of wanted) visit(name, undefined);
  return ordered;
}

/** The wanted components and everything they need, transitively (errors are left to the ordering). */
function closure(wanted: readonly string[], byName: Map<string, Component>, off: Set<string>): Set<string> {
  const names = new Set<string>();
  const add = (name: string) => {
    if (names.has(name) || off.has(name)) return;
    names.add(name);
    for (const need of byName.get(name)?.needs ?? []) add(need);
  };
  wanted.forEach(add);
  return names;
}
