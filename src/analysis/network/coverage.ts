/**
 * Coverage by walking distance on the network, for the cells in the network (the others
 * keep straight-line distance, labelled). Used by CoverageEngine in network mode; pure.
 */
import type { PopulationModel } from '../coverage/model';
import type { NetworkContext, NetworkField } from './context';
import type { GraphOverlay } from './dijkstra';
import type { Snap } from './snap';

/** A circle's (or the district's) figures on the network, beside straight-line for the same residents. */
export interface NetworkFigures {
  /** residents in the network (inside its extent, within 150 m of a mapped walk) */
  residents: number;
  /** residents in the network / all residents of the area (0–1) */
  residentsShare: number | null;
  /** of those, covered by walking distance (network) */
  covered: number;
  share: number | null;
  /** of the same residents, covered by straight-line distance */
  straightCovered: number;
  straightShare: number | null;
  /** population-weighted median distance to the nearest facility (m): along the network, and straight */
  medianNetworkM: number | null;
  medianStraightM: number | null;
  /** median network ÷ median straight-line distance (≥ 1) */
  detourIndex: number | null;
}

/**
 * Facilities join the network at their nearest point on an edge however far it is (up to
 * 3 km), the access leg counted in every distance: a facility outside the mapped network is
 * reached by walking to the network's edge and on in a straight line (a lower bound).
 */
export const FACILITY_SNAP_M = 3000;

/** Snap projected target points (m) onto the network; points more than FACILITY_SNAP_M away are dropped. */
export function snapTargets(
  ctx: NetworkContext,
  points: [number, number][],
): { snaps: Snap[]; index: number[] } {
  const snaps: Snap[] = [];
  const index: number[] = [];
  points.forEach(([x, y], i) => {
    const s = ctx.index.nearest(x, y, FACILITY_SNAP_M);
    if (s) {
      snaps.push(s);
      index.push(i);
    }
  });
  return { snaps, index };
}

/** Call `mark(cell)` for every land cell in the network within `radiusM` along the network. */
export function markNetworkCells(
  model: PopulationModel,
  field: NetworkField,
  radiusM: number,
  mark: (cell: number) => void,
): void {
  const r = radiusM + 1e-6;
  const { landCells } = model;
  for (let k = 0; k < landCells.length; k++) {
    const d = field.land[k]!;
    if (d <= r) mark(landCells[k]!);
  }
}

/** Add to `reach` (per circle: target indices) the targets within the radius of a resident in the network. */
export function addNetworkReach(
  model: PopulationModel,
  ctx: NetworkContext,
  targets: { snaps: Snap[]; index: number[] },
  radiusM: number,
  overlay: GraphOverlay,
  reach: Set<number>[],
): void {
  const { landCells, circleOf, population } = model;
  targets.snaps.forEach((s, i) => {
    // a target whose access leg alone exceeds the radius reaches no one along the network
    if (s.accessM > radiusM) return;
    const f = targets.index[i]!;
    // a circle already reached by this target needs no more of its cells measured
    const skip = (k: number) => {
      const c = landCells[k]!;
      const circle = circleOf[c]!;
      return circle < 0 || population[c]! <= 0 || reach[circle]!.has(f);
    };
    ctx.visitWithin(s, radiusM, overlay, skip, (k) => reach[circleOf[landCells[k]!]!]!.add(f));
  });
}

function weightedMedian(pairs: [number, number][]): number | null {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  if (total <= 0) return null;
  pairs.sort((a, b) => a[0] - b[0]);
  let sum = 0;
  for (const [d, w] of pairs) {
    sum += w;
    if (sum >= total / 2) return d;
  }
  return pairs[pairs.length - 1]![0];
}

/**
 * Network figures per circle (index k) and for the district (last entry): residents in the
 * network, covered by network and by straight-line distance (`straightMask`), medians.
 */
export function networkFigures(
  model: PopulationModel,
  field: NetworkField,
  straightMask: Uint8Array,
  straightSample: Float32Array | null,
  radiusM: number,
  circlePopulation: number[],
): NetworkFigures[] {
  const K = model.circles.length;
  const acc = Array.from({ length: K + 1 }, () => ({ residents: 0, covered: 0, straight: 0 }));
  const r = radiusM + 1e-6;
  model.landCells.forEach((c, k) => {
    const d = field.land[k]!;
    const pop = model.population[c]!;
    if (Number.isNaN(d) || pop <= 0) return;
    const circle = model.circleOf[c]!;
    for (const a of circle >= 0 ? [acc[circle]!, acc[K]!] : [acc[K]!]) {
      a.residents += pop;
      if (d <= r) a.covered += pop;
      if (straightMask[c]) a.straight += pop;
    }
  });
  const net: [number, number][][] = Array.from({ length: K + 1 }, () => []);
  const str: [number, number][][] = Array.from({ length: K + 1 }, () => []);
  model.sampleCells.forEach((_, t) => {
    const d = field.sample[t]!;
    const w = model.sampleWeight[t]!;
    if (Number.isNaN(d) || w <= 0 || !straightSample) return;
    const circle = model.sampleCircle[t]!;
    for (const k of circle >= 0 ? [circle, K] : [K]) {
      net[k]!.push([d, w]);
      str[k]!.push([straightSample[t]!, w]);
    }
  });
  const totalPopulation = circlePopulation.reduce((s, p) => s + p, 0);
  return acc.map((a, k) => {
    const pop = k < K ? circlePopulation[k]! : totalPopulation;
    const medianNetworkM = weightedMedian(net[k]!);
    const medianStraightM = weightedMedian(str[k]!);
    const share = (v: number) => (a.residents > 0 ? v / a.residents : null);
    return {
      residents: a.residents,
      residentsShare: pop > 0 ? a.residents / pop : null,
      covered: a.covered,
      share: share(a.covered),
      straightCovered: a.straight,
      straightShare: share(a.straight),
      medianNetworkM: Number.isFinite(medianNetworkM ?? NaN) ? medianNetworkM : null,
      medianStraightM,
      detourIndex:
        medianNetworkM !== null && medianStraightM && Number.isFinite(medianNetworkM)
          ? medianNetworkM / medianStraightM
          : null,
    };
  });
}
