/**
 * The per-cell distance field the gap contours are drawn from (gapGeometry.ts), cached (per
 * engine in network mode; straight-line ones shared with the engine's gated copies):
 * distance (m) from every cell centre to a category's nearest target, capped (values beyond
 * the cap only need to be "beyond"). Straight: exact straight-line distance. Network:
 * the land cells in the network take their walking distance — the values the coverage mask
 * is read from; unreached = the cap — and every other cell its straight-line distance, as in
 * the numbers.
 */
import { cappedDistance } from './distanceField';
import type { CoverageEngine, DistanceKind } from './engine';

/** network fields by engine (they depend on its gates); straight ones by their owner, shared by gated engines */
const cache = new WeakMap<object, Map<string, Float32Array>>();

export function reachDistance(
  engine: CoverageEngine,
  category: string,
  capM: number,
  distance: DistanceKind = 'straight',
): Float32Array {
  const mode = engine.modeFor(category, distance);
  const owner = mode === 'network' ? engine : engine.straightOwner;
  let fields = cache.get(owner);
  if (!fields) {
    fields = new Map();
    cache.set(owner, fields);
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
