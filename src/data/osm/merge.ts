/**
 * Merge overlapping OSM files: each object (by type and id) is kept once, in its newest
 * version. Two exports of neighbouring areas share the objects on their edge, often in different
 * versions (the same way edited between the two downloads).
 */
import type { OsmElement, OsmFeature } from './types';

interface Versioned {
  version?: number;
  timestamp?: string;
}

/**
 * True when `a` is a newer version than `b`: the higher version number wins; at equal (or
 * missing) versions the later timestamp wins; otherwise `b` stays (the file given first).
 */
export function isNewer(a: Versioned, b: Versioned): boolean {
  const va = a.version ?? 0;
  const vb = b.version ?? 0;
  if (va !== vb) return va > vb;
  return (a.timestamp ?? '') > (b.timestamp ?? '');
}

export interface MergeResult<T> {
  /** the newest version of every object, sorted by type (node, way, relation) then id */
  items: T[];
  /** versions dropped because another file has a newer (or the same) version of the object */
  replaced: number;
}

const TYPE_ORDER = { node: 0, way: 1, relation: 2 } as const;

/**
 * Merge the objects of several files.
 *
 * Input: each file's objects, in the order the files were given. Output: one object per type
 * and id, the newest (see isNewer); deleted versions (visible=false, history files) are left out.
 * Sorted by type and id, so the output does not depend on the order of objects in the files.
 */
export function mergeElements(files: OsmElement[][]): MergeResult<OsmElement> {
  const byType = {
    node: new Map<number, OsmElement>(),
    way: new Map<number, OsmElement>(),
    relation: new Map<number, OsmElement>(),
  };
  let replaced = 0;
  for (const elements of files) {
    for (const e of elements) {
      const map = byType[e.type];
      const old = map.get(e.id);
      if (old) replaced++;
      if (!old || isNewer(e, old)) map.set(e.id, e);
    }
  }
  const items: OsmElement[] = [];
  for (const map of [byType.node, byType.way, byType.relation]) {
    const sorted = [...map.values()].filter((e) => e.visible !== false).sort((a, b) => a.id - b.id);
    for (const e of sorted) items.push(e);
  }
  return { items, replaced };
}

/**
 * Merge OSM features read from GeoJSON files: for each type and id, the features of the file
 * holding its newest version are kept (a file may split one way into several lines); features
 * without an id are all kept. Order: by type and id, features without an id last, in file order.
 */
export function mergeFeatures(files: OsmFeature[][]): MergeResult<OsmFeature> {
  const winner = new Map<string, { file: number; f: OsmFeature }>();
  files.forEach((features, file) => {
    for (const f of features) {
      if (f.id === null) continue;
      const key = `${f.osmType}/${f.id}`;
      const old = winner.get(key);
      if (!old || (old.file !== file && isNewer(f, old.f))) winner.set(key, { file, f });
    }
  });
  let replaced = 0;
  const kept: OsmFeature[] = [];
  const anonymous: OsmFeature[] = [];
  files.forEach((features, file) => {
    for (const f of features) {
      if (f.id === null) anonymous.push(f);
      else if (winner.get(`${f.osmType}/${f.id}`)?.file === file) kept.push(f);
      else replaced++;
    }
  });
  kept.sort((a, b) => TYPE_ORDER[a.osmType] - TYPE_ORDER[b.osmType] || a.id! - b.id!);
  return { items: [...kept, ...anonymous], replaced };
}
