/**
 * Split a polygon into k compact, contiguous parts of about equal area — or of about equal
 * mass (residents) when given a weighted sample.
 *
 * Method (documented in geodata/SOURCES.md): sample the polygon with a regular grid of
 * points (`spacingM` metres apart) in the local metric projection, each of mass 1 (or take
 * the caller's points with their masses); seed k centres with mass-weighted k-means++ from a
 * seeded PRNG; then alternate Lloyd steps (centres move to the mass centroid of their
 * points) with weight updates of a power diagram until every part holds the same mass. The
 * parts are the power-diagram cells — convex polygons bounded by straight lines shared
 * exactly by neighbours — clipped to the polygon, so the parts tile it with no gaps or
 * overlaps by construction.
 */

import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { type LocalProjection, pointInRing, yangpuProjection } from '../core/geo';
import { mulberry32 } from './random';

export interface PartitionOptions {
  /** grid spacing for the area sample, metres (default 25) */
  spacingM?: number;
  /** PRNG seed (default 1) */
  seed?: number;
  /** Lloyd iterations (default 40) */
  iterations?: number;
  proj?: LocalProjection;
}

export interface PartitionResult {
  /** parts in the order of their centres, clipped to the polygon */
  parts: Feature<Polygon | MultiPolygon>[];
  /** power-diagram centres (lon/lat) */
  centres: Position[];
  /** mass per part after balancing (grid points, or the sample's mass) */
  counts: number[];
}

/** Points (projected x, y in m) with a mass each (e.g. residents), all inside the polygon. */
export interface WeightedSample {
  x: Float64Array;
  y: Float64Array;
  mass: Float64Array;
  /** area each point stands for, m² */
  cellAreaM2: number;
}

type XY = [number, number];

function gridInside(rings: XY[][], spacing: number): XY[] {
  const outer = rings[0]!;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const pts: XY[] = [];
  for (let y = Math.floor(minY / spacing) * spacing + spacing / 2; y < maxY; y += spacing) {
    for (let x = Math.floor(minX / spacing) * spacing + spacing / 2; x < maxX; x += spacing) {
      if (pointInRing(x, y, outer) && !rings.slice(1).some((h) => pointInRing(x, y, h))) pts.push([x, y]);
    }
  }
  return pts;
}

function kmeansPlusPlus(points: XY[], mass: ArrayLike<number>, k: number, rand: () => number): XY[] {
  const centres: XY[] = [points[Math.floor(rand() * points.length)]!];
  const d2 = points.map(() => Infinity);
  while (centres.length < k) {
    const c = centres[centres.length - 1]!;
    let sum = 0;
    points.forEach((p, i) => {
      d2[i] = Math.min(d2[i]!, (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2);
      sum += d2[i]! * mass[i]!;
    });
    let r = rand() * sum;
    let pick = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      r -= d2[i]! * mass[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centres.push([...points[pick]!] as XY);
  }
  return centres;
}

function assign(
  points: XY[],
  mass: ArrayLike<number>,
  centres: XY[],
  weights: number[],
  labels: Int32Array,
  counts: number[],
): void {
  counts.fill(0);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    let best = 0;
    let bestD = Infinity;
    for (let j = 0; j < centres.length; j++) {
      const c = centres[j]!;
      const d = (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 - weights[j]!;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    labels[i] = best;
    counts[best]! += mass[i]!;
  }
}

/** Clip a convex polygon (XY, open ring) by the half-plane a·x + b·y ≤ c. */
function clipHalfPlane(poly: XY[], a: number, b: number, c: number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    const fp = a * p[0] + b * p[1] - c;
    const fq = a * q[0] + b * q[1] - c;
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The convex power cell of centre j, clipped to a box (XY, open ring, CCW). */
export function powerCell(
  centres: XY[],
  weights: number[],
  j: number,
  box: [number, number, number, number],
): XY[] {
  let cell: XY[] = [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[2], box[3]],
    [box[0], box[3]],
  ];
  const cj = centres[j]!;
  for (let i = 0; i < centres.length && cell.length > 0; i++) {
    if (i === j) continue;
    const ci = centres[i]!;
    // |x-cj|² - wj ≤ |x-ci|² - wi  ⇔  2x·(ci-cj) ≤ |ci|² - |cj|² - wi + wj
    const a = 2 * (ci[0] - cj[0]);
    const b = 2 * (ci[1] - cj[1]);
    const c = ci[0] ** 2 + ci[1] ** 2 - cj[0] ** 2 - cj[1] ** 2 - weights[i]! + weights[j]!;
    cell = clipHalfPlane(cell, a, b, c);
  }
  return cell;
}

/**
 * Power-diagram weight step towards equal mass: each part's mass deficit is turned into an
 * area (÷ its mean mass per m², or the overall one for an empty part) and the weight grows by
 * area ÷ π (a disc's r² for that area).
 */
function rebalance(
  weights: number[],
  counts: number[],
  areas: number[],
  target: number,
  density: number,
): void {
  for (let j = 0; j < weights.length; j++) {
    const d = counts[j]! > 0 && areas[j]! > 0 ? counts[j]! / areas[j]! : density;
    weights[j]! += (0.5 * 2 * (target - counts[j]!)) / d / Math.PI;
  }
}

const worstImbalance = (counts: number[], target: number) =>
  Math.max(...counts.map((n) => Math.abs(n - target) / target));

interface Balanced {
  centres: XY[];
  weights: number[];
  counts: number[];
}

/**
 * Adjust the power weights (centres fixed) until every part holds the target mass (±0.2 %),
 * at most `rounds` passes. Returns each point's part and each part's mass, as last assigned.
 */
function settle(
  points: XY[],
  mass: ArrayLike<number>,
  d: { centres: XY[]; weights: number[] },
  cellArea: number,
  rounds: number,
): { labels: Int32Array; counts: number[] } {
  const k = d.centres.length;
  const labels = new Int32Array(points.length);
  const counts = new Array<number>(k).fill(0);
  const areas = new Array<number>(k).fill(0);
  let total = 0;
  for (let i = 0; i < points.length; i++) total += mass[i]!;
  const target = total / k;
  const density = total / (points.length * cellArea);
  for (let r = 0; r < rounds; r++) {
    assign(points, mass, d.centres, d.weights, labels, counts);
    areas.fill(0);
    for (let i = 0; i < points.length; i++) areas[labels[i]!]! += cellArea;
    if (worstImbalance(counts, target) < 0.002) break;
    rebalance(d.weights, counts, areas, target, density);
  }
  return { labels, counts };
}

/** Centres and power weights giving k parts of equal mass (see the module comment). */
function balance(
  points: XY[],
  mass: Float64Array,
  k: number,
  cellArea: number,
  options: PartitionOptions,
): Balanced {
  const iterations = options.iterations ?? 40;
  const rand = mulberry32(options.seed ?? 1);
  const d = { centres: kmeansPlusPlus(points, mass, k, rand), weights: new Array<number>(k).fill(0) };
  const { centres, weights } = d;
  for (let outer = 0; outer < iterations; outer++) {
    // Balance: adjust power weights until all parts hold the target mass.
    const { labels, counts } = settle(points, mass, d, cellArea, 200);
    // Lloyd step: move each centre to the mass centroid of its points, keeping weights.
    const sx = new Array<number>(k).fill(0);
    const sy = new Array<number>(k).fill(0);
    for (let i = 0; i < points.length; i++) {
      const j = labels[i]!;
      sx[j]! += points[i]![0] * mass[i]!;
      sy[j]! += points[i]![1] * mass[i]!;
    }
    let moved = 0;
    for (let j = 0; j < k; j++) {
      if (counts[j]! === 0) continue;
      const nx = sx[j]! / counts[j]!;
      const ny = sy[j]! / counts[j]!;
      moved = Math.max(moved, Math.hypot(nx - centres[j]![0], ny - centres[j]![1]));
      centres[j] = [nx, ny];
    }
    // Shift weights so they stay centred (only differences matter).
    const mean = weights.reduce((a, b) => a + b, 0) / k;
    for (let j = 0; j < k; j++) weights[j]! -= mean;
    if (moved < 0.5) break;
  }
  return { centres, weights, counts: settle(points, mass, d, cellArea, 400).counts };
}

/** The power cells of a balanced diagram clipped to the shape. */
function clipParts(
  shape: Feature<Polygon>,
  rings: XY[][],
  b: Balanced,
  proj: LocalProjection,
): Feature<Polygon | MultiPolygon>[] {
  const k = b.centres.length;
  const xs = rings[0]!.map((p) => p[0]);
  const ys = rings[0]!.map((p) => p[1]);
  const pad = 1000;
  const box: [number, number, number, number] = [
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) + pad,
    Math.max(...ys) + pad,
  ];
  return b.centres.map((_, j) => {
    const cell = powerCell(b.centres, b.weights, j, box).map(([x, y]) => proj.toLonLat(x, y));
    const cellPolygon = turfPolygon([[...cell, cell[0]!]]);
    const clipped = intersect(featureCollection([shape, cellPolygon]));
    if (!clipped) throw new Error(`part ${j} of ${k} is empty`);
    return clipped;
  });
}

function wholeShape(shape: Feature<Polygon>): PartitionResult {
  const c = shape.geometry.coordinates[0]!;
  const centre = c.reduce((s, p) => [s[0]! + p[0]! / c.length, s[1]! + p[1]! / c.length], [0, 0]);
  return { parts: [shape], centres: [centre], counts: [0] };
}

/** Split `shape` into k parts of about equal area; see the module comment for the method. */
export function partitionPolygon(
  shape: Feature<Polygon>,
  k: number,
  options: PartitionOptions = {},
): PartitionResult {
  const proj = options.proj ?? yangpuProjection;
  const spacing = options.spacingM ?? 25;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (k === 1) return wholeShape(shape);
  const rings = shape.geometry.coordinates.map((r) => r.map((p) => proj.toXY(p)));
  const points = gridInside(rings, spacing);
  if (points.length < k * 10)
    throw new RangeError(`polygon too small to split in ${k} at ${spacing} m spacing`);
  const balanced = balance(points, new Float64Array(points.length).fill(1), k, spacing * spacing, options);
  return {
    parts: clipParts(shape, rings, balanced, proj),
    centres: balanced.centres.map(([x, y]) => proj.toLonLat(x, y)),
    counts: [...balanced.counts],
  };
}

/** A weighted sample's points of positive mass. */
function massPoints(sample: WeightedSample): { points: XY[]; mass: Float64Array } {
  const points: XY[] = [];
  const masses: number[] = [];
  for (let i = 0; i < sample.mass.length; i++) {
    if (!(sample.mass[i]! > 0)) continue;
    points.push([sample.x[i]!, sample.y[i]!]);
    masses.push(sample.mass[i]!);
  }
  return { points, mass: Float64Array.from(masses) };
}

/**
 * Split `shape` into k parts of about equal mass: the sample's points (projected, inside the
 * shape) with their masses, e.g. the resident surface's cells. Points of zero mass are
 * ignored; see the module comment for the method. With `coarse` (the same mass on fewer
 * points, e.g. 2 × 2 blocks of cells), the diagram is found on it and only its final
 * balance is made on `sample`, several times faster.
 */
export function partitionWeighted(
  shape: Feature<Polygon>,
  k: number,
  sample: WeightedSample,
  options: PartitionOptions & { coarse?: WeightedSample } = {},
): PartitionResult {
  const proj = options.proj ?? yangpuProjection;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (k === 1) return wholeShape(shape);
  const fine = massPoints(sample);
  const start = options.coarse ? massPoints(options.coarse) : fine;
  if (start.points.length < k * 10)
    throw new RangeError(`too few weighted points (${start.points.length}) to split in ${k}`);
  const rings = shape.geometry.coordinates.map((r) => r.map((p) => proj.toXY(p)));
  const balanced = balance(start.points, start.mass, k, (options.coarse ?? sample).cellAreaM2, options);
  if (options.coarse)
    balanced.counts = settle(fine.points, fine.mass, balanced, sample.cellAreaM2, 400).counts;
  return {
    parts: clipParts(shape, rings, balanced, proj),
    centres: balanced.centres.map(([x, y]) => proj.toLonLat(x, y)),
    counts: [...balanced.counts],
  };
}
