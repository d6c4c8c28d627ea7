/**
 * The per-cell distance field the gap contours are drawn from (gapGeometry.ts), kept in the
 * engine's cache (straight-line fields shared with the engine's gated copies; network ones
 * per overlay): distance (m) from every cell centre to a category's nearest target, capped
 * (values beyond the cap only need to be "beyond"). Straight: exact straight-line distance.
 * Network: the land cells in the network take their walking distance — the values the
 * coverage mask is read from; unreached = the cap — and every other cell its straight-line
 * distance, as in the numbers. Walk: as network, with the straight line's estimated walk
 * (median route factor) for every other cell — the field whose contour at the radius is the
 * walk table's coverage.
 */
import type { CoverageCategory } from '../../core/categories';
import { estimatedWalkM } from '../network/routeFactors';
import { cappedDistance } from './distanceField';
import type { CoverageEngine, DistanceKind } from './engine';

export function reachDistance(
  engine: CoverageEngine,
  category: CoverageCategory,
  capM: number,
  distance: DistanceKind = 'straight',
): Float32Array {
  const mode = engine.modeFor(category, distance);
  return engine.cached('reach', { target: category, radiusM: capM, distance: mode }, () => {
    const target = engine.targetsOf(category);
    const straight = () =>
      cappedDistance(
        engine.model.grid,
        target.kind === 'line' ? [] : target.points,
        engine.targetSegments(category),
        capM,
      );
    if (mode === 'straight') return straight();
    const d = Float32Array.from(reachDistance(engine, category, capM, 'straight'));
    // walk: outside the network, the straight line's estimated walk (median factor), capped
    const f = mode === 'walk' ? engine.routeFactors : null;
    if (f)
      for (let c = 0; c < d.length; c++) if (d[c]! < capM) d[c] = Math.min(capM, estimatedWalkM(f, d[c]!));
    const net = engine.networkField(category)?.land ?? [];
    const { landCells } = engine.model;
    for (let k = 0; k < landCells.length; k++) {
      const v = net[k]!;
      if (!Number.isNaN(v)) d[landCells[k]!] = Math.min(v, capM);
    }
    return d;
  });
}
