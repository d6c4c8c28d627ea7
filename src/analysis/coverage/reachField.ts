/**
 * The per-cell distance field the gap contours are drawn from (gapGeometry.ts), cached per
 * engine: distance (m) from every cell centre to a category's nearest target, capped (values
 * beyond the cap only need to be "beyond"). Straight: exact straight-line distance. Network:
 * the land cells in the network take their walking distance — the values the coverage mask
 * is read from; unreached = the cap — and every other cell its straight-line distance, as in
 * the numbers.
 */
import { cappedDistance } from './distanceField';
import type { CoverageEngine, DistanceKind } from './engine';

const cache = new WeakMap<CoverageEngine, Map<string, Float32Array>>();

export function reachDistance(
  engine: CoverageEngine,
  category: string,
  capM: number,
  distance: DistanceKind = 'straight',
): Float32Array {
  const mode = engine.modeFor(category, distance);
  let fields = cache.get(engine);
  if (!fields) {
    fields = new Map();
    cache.set(engine, fields);
  }
  const key = `${category}@${capM}@${mode}`;
  let d = fields.get(key);
  if (!d) {
    if (mode === 'network') {
      d = Float32Array.from(reachDistance(engine, category, capM, 'straight'));
      const net = engine.networkField(category)!.land;
      const { landCells } = engine.model;
      for (let k = 0; k < landCells.length; k++) {
        const v = net[k]!;
        if (!Number.isNaN(v)) d[landCells[k]!] = Math.min(v, capM);
      }
    } else {
      const points = category === 'riverfront' ? [] : engine.targetsOf(category).points;
      d = cappedDistance(engine.model.grid, points, engine.targetSegments(category), capM);
    }
    fields.set(key, d);
  }
  return d;
}
