/**
 * Scenario difference maps: a scenario's engine (today's facilities plus proposed sites,
 * gates, closures) against today's. The cells newly covered (and, in theory never, lost),
 * with the residents and target-group residents gained per circle and in total: the same
 * masks the tables count, so the totals are the table gains (to float rounding). And the
 * same for capacity in reach: where the ratio rises and falls. Pure.
 */
import type { CoverageCategory } from '../../core/categories';
import type { CoverageEngine, DistanceKind } from '../coverage/engine';
import { targetRows } from '../coverage/targets';
import { type CapacityQuery, capacityAccess, isCapacityResult } from './capacity';
import { demandOf } from './demand';
import { type AccessDistance, measuredWith } from './reach';

/**
 * The engine's own distance kind for a distance model. The engine on main knows 'straight'
 * and 'network'; 'walk' (issue 19, h-walk) is passed through once the engine measures it.
 */
export function engineDistance(d: AccessDistance): DistanceKind {
  return d as DistanceKind;
}

export interface DifferenceRow {
  residentsGained: number;
  residentsLost: number;
  /** target-group residents (estimates); null when the type has no group or its shares are unknown */
  targetGained: number | null;
  targetLost: number | null;
  cellsGained: number;
  cellsLost: number;
}

export interface CoverageDifference {
  category: CoverageCategory;
  radiusM: number;
  distance: AccessDistance;
  circles: (DifferenceRow & { id: string })[];
  district: DifferenceRow;
  /** per grid cell: 1 newly covered, −1 lost, 0 unchanged (land cells; 0 elsewhere) */
  cell: Int8Array;
}

function emptyRow(target: boolean): DifferenceRow {
  return {
    residentsGained: 0,
    residentsLost: 0,
    targetGained: target ? 0 : null,
    targetLost: target ? 0 : null,
    cellsGained: 0,
    cellsLost: 0,
  };
}

/** Cells gained and lost between two engines on the same model, with the residents in them. */
export function coverageDifference(
  before: CoverageEngine,
  after: CoverageEngine,
  category: CoverageCategory,
  radiusM: number,
  distance: AccessDistance = 'straight',
): CoverageDifference {
  const mode = measuredWith(before, category, distance);
  const kind = engineDistance(mode);
  const a = before.coverage(category, radiusM, kind).mask;
  const b = after.coverage(category, radiusM, kind).mask;
  const model = before.model;
  const { landCells, population, bucketOf, buckets, circles } = model;
  const nb = buckets.length;
  const gainedPop = new Float64Array(nb);
  const lostPop = new Float64Array(nb);
  const cellsGained = new Int32Array(nb);
  const cellsLost = new Int32Array(nb);
  const cell = new Int8Array(model.land.length);
  for (const c of landCells) {
    if (a[c] === b[c]) continue;
    const bk = bucketOf[c]!;
    if (b[c]) {
      cell[c] = 1;
      gainedPop[bk]! += population[c]!;
      cellsGained[bk]!++;
    } else {
      cell[c] = -1;
      lostPop[bk]! += population[c]!;
      cellsLost[bk]!++;
    }
  }
  // target groups with the engine's own shares and sums (coverage/targets.ts)
  const gainedTarget = targetRows(model, category, gainedPop);
  const lostTarget = targetRows(model, category, lostPop);
  const hasTarget = gainedTarget.group !== null;
  const K = circles.length;
  const rows = Array.from({ length: K + 1 }, () => emptyRow(hasTarget));
  buckets.forEach(([k], bk) => {
    for (const row of [k >= 0 ? rows[k] : null, rows[K]]) {
      if (!row) continue;
      row.residentsGained += gainedPop[bk]!;
      row.residentsLost += lostPop[bk]!;
      row.cellsGained += cellsGained[bk]!;
      row.cellsLost += cellsLost[bk]!;
    }
  });
  const S = model.subdistrictNames.length;
  if (hasTarget) {
    rows.forEach((row, r) => {
      const t = r < K ? r : K + S;
      row.targetGained = gainedTarget.rows[t]!.covered;
      row.targetLost = lostTarget.rows[t]!.covered;
    });
  }
  return {
    category,
    radiusM,
    distance: mode,
    circles: circles.map((circle, k) => ({ id: circle.id, ...rows[k]! })),
    district: rows[K]!,
    cell,
  };
}

export interface CapacityDifferenceRow {
  /** per `per` people of the demand group; null where either side has no figure */
  before: number | null;
  after: number | null;
  change: number | null;
  /** demand (people) in cells where the ratio rises / falls */
  demandRising: number;
  demandFalling: number;
}

export interface CapacityDifference {
  category: CoverageCategory;
  radiusM: number;
  circles: (CapacityDifferenceRow & { id: string })[];
  district: CapacityDifferenceRow;
  /** per grid cell: after − before (capacity per `per` people; NaN off land) */
  cellChange: Float32Array;
}

const EPS = 1e-9;

/** Capacity in reach before and after, per circle, the district and cell (null when the type has none). */
export function capacityDifference(
  before: CoverageEngine,
  after: CoverageEngine,
  q: CapacityQuery,
): CapacityDifference | null {
  const a = capacityAccess(before, q);
  const b = capacityAccess(after, q);
  if (!isCapacityResult(a) || !isCapacityResult(b)) return null;
  const model = before.model;
  const cellChange = new Float32Array(model.land.length).fill(Number.NaN);
  const K = model.circles.length;
  const rising = new Float64Array(K + 1);
  const falling = new Float64Array(K + 1);
  const demand = demandOf(model, a.group)!;
  for (const c of model.landCells) {
    const d = b.cellRatio[c]! - a.cellRatio[c]!;
    cellChange[c] = d;
    const k = model.circleOf[c]!;
    const people = demand[c]!;
    if (!(people > 0)) continue;
    if (d > EPS) {
      if (k >= 0) rising[k]! += people;
      rising[K]! += people;
    } else if (d < -EPS) {
      if (k >= 0) falling[k]! += people;
      falling[K]! += people;
    }
  }
  const row = (x: typeof a.district, y: typeof b.district, r: number): CapacityDifferenceRow => ({
    before: x.ratio,
    after: y.ratio,
    change: x.ratio !== null && y.ratio !== null ? y.ratio - x.ratio : null,
    demandRising: rising[r]!,
    demandFalling: falling[r]!,
  });
  return {
    category: q.category,
    radiusM: q.radiusM,
    circles: a.circles.map((c, k) => ({ id: c.id, ...row(c, b.circles[k]!, k) })),
    district: row(a.district, b.district, K),
    cellChange,
  };
}
