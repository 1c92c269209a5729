/**
 * The import graph of domain/ and functions/: no module cycles, no folder cycles between
 * functions/ areas, and the layers of functions/README.md (store and application never reach up
 * into http/ or an area; domain/ never reaches into functions/ or infra/).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports (type-only ones too: a type cycle is still a design cycle). */
export function relativeImportsOf(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    specifiers.push(match[1] ?? match[2]!);
  }
  return specifiers;
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

type Graph = Map<string, Set<string>>;

export function importGraph(files: string[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of relativeImportsOf(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, specifier);
      if (target) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan): each one is a cycle. */
export function cyclesOf(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

/** The functions/ folder a file belongs to (`http`, `store`, `dataSubjectRequests`, …). */
function folderOf(file: string): string | undefined {
  const path = relative(join(root, 'functions'), file);
  return path.startsWith('..') ? undefined : path.split('/')[0];
}

function folderGraph(graph: Graph): Graph {
  const folders: Graph = new Map();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (!from || from.endsWith('.ts')) continue;
    const edges = folders.get(from) ?? new Set<string>();
    for (const target of targets) {
      const to = folderOf(target);
      if (to && to !== from && !to.endsWith('.ts')) edges.add(to);
    }
    folders.set(from, edges);
  }
  return folders;
}

const files = [...sourceFiles(join(root, 'domain')), ...sourceFiles(join(root, 'functions'))];
const graph = importGraph(files);
const show = (paths: string[]) => paths.map((path) => relative(root, path));

/** Layers below the areas: what each may import (besides domain/ and itself). */
const LOWER_LAYERS: Record<string, readonly string[]> = {
  crypto: ['store'],
  mail: [],
  store: [],
  storage: [],
  application: ['store', 'crypto'],
  http: ['application', 'store', 'crypto', 'mail', 'storage'],
};

describe('import layers', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(100);
  });

  it('has no import cycle between modules', () => {
    expect(cyclesOf(graph).map(show)).toEqual([]);
  });

  it('has no cycle between functions/ folders (areas depend one way)', () => {
    expect(cyclesOf(folderGraph(graph))).toEqual([]);
  });

  it('keeps store, application and http below the areas', () => {
    const offenders: string[] = [];
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      if (!from || !(from in LOWER_LAYERS)) continue;
      for (const target of targets) {
        const to = folderOf(target);
        if (to && to !== from && !LOWER_LAYERS[from]!.includes(to)) offenders.push(`${relative(root, file)} → ${relative(root, target)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps domain/ from importing functions/ or infra/', () => {
    const offenders = [...graph]
      .filter(([file]) => relative(root, file).startsWith('domain/'))
      .flatMap(([file, targets]) => [...targets].filter((target) => !relative(root, target).startsWith('domain/')).map((target) => `${relative(root, file)} → ${relative(root, target)}`));
    expect(offenders).toEqual([]);
  });

  it('the cycle finder finds a planted cycle', () => {
    const planted: Graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cyclesOf(planted)).toEqual([['a', 'b', 'c']]);
    expect(cyclesOf(new Map([['a', new Set(['b'])], ['b', new Set()]]))).toEqual([]);
  });
});
