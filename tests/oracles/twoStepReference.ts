/**
 * An independent two-step floating catchment reference, written from the formula (Luo & Wang
 * 2003; Gaussian weights after Dai 2010), not from src/analysis/access: every (site, resident
 * cell) pair measured with Math.hypot on lon/lat projected afresh, no catchment lists, no
 * caches. Straight-line distance only. Slow (sites × cells) and plain on purpose.
 */
import type { PopulationModel } from '../../src/analysis/coverage/model';
import type { AgeGroup } from '../../src/core/ageGroups';

export interface ReferenceSite {
  lonLat: number[];
  /** null = unknown: the site offers nothing */
  capacity: number | null;
}

/** Beds (or places …) per `per` people of the group in reach, per circle and for the district. */
/** Resident cells of a group, from the model's fields alone: centre (m), people, circle. */
export function referenceCells(model: PopulationModel, group: AgeGroup | null) {
  const { grid } = model;
  const cell: number[] = [];
  const cx: number[] = [];
  const cy: number[] = [];
  const people: number[] = [];
  const circle: number[] = [];
  for (let c = 0; c < model.land.length; c++) {
    if (!model.land[c] || !(model.population[c]! > 0)) continue;
    const share = group ? model.bucketAgeShare[group]![model.bucketOf[c]!]! : 1;
    cell.push(c);
    cx.push(grid.x0 + (c % grid.cols) * grid.cellM);
    cy.push(grid.y0 + Math.floor(c / grid.cols) * grid.cellM);
    people.push(model.population[c]! * share);
    circle.push(model.circleOf[c]!);
  }
  return { cell, cx, cy, people, circle };
}

/**
 * The total capacity the binary 2SFCA must hand out: every site of known capacity with some
 * people of the group within `radiusM` (straight line) of it.
 */
export function reachingCapacityReference(
  model: PopulationModel,
  sites: ReferenceSite[],
  group: AgeGroup | null,
  radiusM: number,
): number {
  const { cx, cy, people } = referenceCells(model, group);
  let total = 0;
  for (const s of sites) {
    if (s.capacity === null) continue;
    const [sx, sy] = model.grid.proj.toXY(s.lonLat);
    for (let r = 0; r < cx.length; r++) {
      if (people[r]! > 0 && Math.hypot(cx[r]! - sx, cy[r]! - sy) <= radiusM) {
        total += s.capacity;
        break;
      }
    }
  }
  return total;
}

export function twoStepReference(
  model: PopulationModel,
  sites: ReferenceSite[],
  group: AgeGroup | null,
  radiusM: number,
  per: number,
  decay: 'binary' | 'gaussian',
): { circles: (number | null)[]; district: number | null } {
  const { grid } = model;
  const { cx, cy, people, circle } = referenceCells(model, group);
  const weight = (d: number) => {
    if (d > radiusM) return 0;
    if (decay === 'binary') return 1;
    const g = (x: number) => Math.exp(-0.5 * x * x);
    return (g(d / radiusM) - g(1)) / (1 - g(1));
  };
  const access = new Float64Array(cx.length);
  for (const s of sites) {
    if (s.capacity === null) continue;
    const [sx, sy] = grid.proj.toXY(s.lonLat);
    const w = new Float64Array(cx.length);
    let demand = 0;
    for (let r = 0; r < cx.length; r++) {
      w[r] = weight(Math.hypot(cx[r]! - sx, cy[r]! - sy));
      demand += w[r]! * people[r]!;
    }
    if (demand <= 0) continue;
    for (let r = 0; r < cx.length; r++) access[r]! += (s.capacity / demand) * w[r]!;
  }
  const K = model.circles.length;
  const num = new Float64Array(K + 1);
  const den = new Float64Array(K + 1);
  for (let r = 0; r < cx.length; r++) {
    for (const k of circle[r]! >= 0 ? [circle[r]!, K] : [K]) {
      num[k]! += access[r]! * people[r]!;
      den[k]! += people[r]!;
    }
  }
  const ratio = (k: number) => (den[k]! > 0 ? (num[k]! / den[k]!) * per : null);
  return { circles: Array.from({ length: K }, (_, k) => ratio(k)), district: ratio(K) };
}
