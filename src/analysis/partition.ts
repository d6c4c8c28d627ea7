/**
 * Split a polygon into k compact, contiguous parts of about equal area.
 *
 * Method (documented in geodata/SOURCES.md): sample the polygon with a regular grid of
 * points (`spacingM` metres apart) in the local metric projection; seed k centres with
 * k-means++ from a seeded PRNG; then alternate Lloyd steps (centres move to the centroid
 * of their points) with weight updates of a power diagram until every part holds the same
 * number of grid points (equal area). The parts are the power-diagram cells — convex
 * polygons bounded by straight lines shared exactly by neighbours — clipped to the
 * polygon, so the parts tile it with no gaps or overlaps by construction.
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
  /** grid points per part after balancing */
  counts: number[];
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

function kmeansPlusPlus(points: XY[], k: number, rand: () => number): XY[] {
  const centres: XY[] = [points[Math.floor(rand() * points.length)]!];
  const d2 = points.map(() => Infinity);
  while (centres.length < k) {
    const c = centres[centres.length - 1]!;
    let sum = 0;
    points.forEach((p, i) => {
      d2[i] = Math.min(d2[i]!, (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2);
      sum += d2[i]!;
    });
    let r = rand() * sum;
    let pick = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      r -= d2[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centres.push([...points[pick]!] as XY);
  }
  return centres;
}

function assign(points: XY[], centres: XY[], weights: number[], labels: Int32Array, counts: number[]): void {
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
    counts[best]! += 1;
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

/** Split `shape` into k parts of about equal area; see the module comment for the method. */
export function partitionPolygon(
  shape: Feature<Polygon>,
  k: number,
  options: PartitionOptions = {},
): PartitionResult {
  const proj = options.proj ?? yangpuProjection;
  const spacing = options.spacingM ?? 25;
  const iterations = options.iterations ?? 40;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (k === 1) {
    const c = shape.geometry.coordinates[0]!;
    const centre = c.reduce((s, p) => [s[0]! + p[0]! / c.length, s[1]! + p[1]! / c.length], [0, 0]);
    return { parts: [shape], centres: [centre], counts: [0] };
  }
  const rings = shape.geometry.coordinates.map((r) => r.map((p) => proj.toXY(p)));
  const points = gridInside(rings, spacing);
  if (points.length < k * 10)
    throw new RangeError(`polygon too small to split in ${k} at ${spacing} m spacing`);
  const rand = mulberry32(options.seed ?? 1);
  const centres = kmeansPlusPlus(points, k, rand);
  const weights = new Array<number>(k).fill(0);
  const labels = new Int32Array(points.length);
  const counts = new Array<number>(k).fill(0);
  const target = points.length / k;
  const cellArea = spacing * spacing;
  for (let outer = 0; outer < iterations; outer++) {
    // Balance: adjust power weights until all parts hold the target number of points.
    for (let inner = 0; inner < 200; inner++) {
      assign(points, centres, weights, labels, counts);
      const worst = Math.max(...counts.map((n) => Math.abs(n - target) / target));
      if (worst < 0.002) break;
      for (let j = 0; j < k; j++) weights[j]! += (0.5 * 2 * (target - counts[j]!) * cellArea) / Math.PI;
    }
    // Lloyd step: move each centre to the centroid of its points, keeping weights.
    const sx = new Array<number>(k).fill(0);
    const sy = new Array<number>(k).fill(0);
    for (let i = 0; i < points.length; i++) {
      const j = labels[i]!;
      sx[j]! += points[i]![0];
      sy[j]! += points[i]![1];
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
  for (let inner = 0; inner < 400; inner++) {
    assign(points, centres, weights, labels, counts);
    if (Math.max(...counts.map((n) => Math.abs(n - target) / target)) < 0.002) break;
    for (let j = 0; j < k; j++) weights[j]! += (0.5 * 2 * (target - counts[j]!) * cellArea) / Math.PI;
  }
  const xs = rings[0]!.map((p) => p[0]);
  const ys = rings[0]!.map((p) => p[1]);
  const pad = 1000;
  const box: [number, number, number, number] = [
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) + pad,
    Math.max(...ys) + pad,
  ];
  const parts = centres.map((_, j) => {
    const cell = powerCell(centres, weights, j, box).map(([x, y]) => proj.toLonLat(x, y));
    const cellPolygon = turfPolygon([[...cell, cell[0]!]]);
    const clipped = intersect(featureCollection([shape, cellPolygon]));
    if (!clipped) throw new Error(`part ${j} of ${k} is empty`);
    return clipped;
  });
  return { parts, centres: centres.map(([x, y]) => proj.toLonLat(x, y)), counts: [...counts] };
}
