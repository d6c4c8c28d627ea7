/**
 * Clipping to a region: lines cut exactly at the outline (checked against dense sampling),
 * areas intersected, holes respected.
 */
import type { MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/analysis/random';
import { pointInGeometry } from '../../../src/core/geo';
import { ClipRegion } from '../../../src/data/osm/clip';
import { box } from './fixtures';

const square = new ClipRegion(box([0, 0, 1, 1]));
/** A square with a square hole: the ring 0–3 minus 1–2. */
const ring: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [0, 3],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 2],
        [2, 2],
        [2, 1],
        [1, 1],
      ],
    ],
  ],
};

const length = (l: Position[]) =>
  l.slice(1).reduce((s, p, i) => s + Math.hypot(p[0]! - l[i]![0]!, p[1]! - l[i]![1]!), 0);

/** Length of `line` inside `geometry` by sampling every segment at `n` points (an independent estimate). */
function sampledInside(line: Position[], geometry: MultiPolygon, n = 4000): number {
  let total = 0;
  for (let s = 1; s < line.length; s++) {
    const a = line[s - 1]!;
    const b = line[s]!;
    let hits = 0;
    for (let k = 0; k < n; k++) {
      const t = (k + 0.5) / n;
      if (pointInGeometry([a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)], geometry)) hits++;
    }
    total += (hits / n) * Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
  }
  return total;
}

describe('ClipRegion', () => {
  it('cuts a line exactly where it leaves the region', () => {
    expect(
      square.clipLine([
        [0.5, 0.5],
        [1.5, 0.5],
      ]),
    ).toEqual([
      [
        [0.5, 0.5],
        [1, 0.5],
      ],
    ]);
    expect(
      square.clipLine([
        [-1, 0.5],
        [2, 0.5],
      ]),
    ).toEqual([
      [
        [0, 0.5],
        [1, 0.5],
      ],
    ]);
  });

  it('returns a line wholly inside unchanged, one wholly outside as nothing', () => {
    const inside = [
      [0.2, 0.2],
      [0.4, 0.3],
      [0.6, 0.2],
    ];
    expect(square.clipLine(inside)).toEqual([inside]);
    expect(
      square.clipLine([
        [2, 2],
        [3, 3],
      ]),
    ).toEqual([]);
  });

  it('splits a line that leaves and comes back into two parts', () => {
    const parts = square.clipLine([
      [0.5, 0.5],
      [1.5, 0.5],
      [1.5, 0.8],
      [0.5, 0.8],
    ]);
    expect(parts).toEqual([
      [
        [0.5, 0.5],
        [1, 0.5],
      ],
      [
        [1, 0.8],
        [0.5, 0.8],
      ],
    ]);
  });

  it('respects holes', () => {
    const r = new ClipRegion(ring);
    expect(r.contains([1.5, 1.5])).toBe(false);
    expect(r.contains([0.5, 1.5])).toBe(true);
    expect(
      r.clipLine([
        [0.5, 1.5],
        [2.5, 1.5],
      ]),
    ).toEqual([
      [
        [0.5, 1.5],
        [1, 1.5],
      ],
      [
        [2, 1.5],
        [2.5, 1.5],
      ],
    ]);
  });

  it('keeps the length inside that dense sampling measures, on 300 random lines', () => {
    const r = new ClipRegion(ring);
    const rand = mulberry32(11);
    for (let i = 0; i < 300; i++) {
      const line = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => [
        rand() * 4 - 0.5,
        rand() * 4 - 0.5,
      ]);
      const parts = r.clipLine(line);
      const clipped = parts.reduce((s, p) => s + length(p), 0);
      expect(clipped).toBeCloseTo(sampledInside(line, ring), 2);
      for (const p of parts.flat()) expect(p[0]! >= -1e-12 && p[0]! <= 3 + 1e-12).toBe(true);
    }
  });

  it('intersects an area that crosses the outline; keeps inside areas, drops outside ones', () => {
    const crossing = box([0.5, 0.5, 1.5, 0.8]);
    expect(square.clipArea(crossing)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0.5, 0.5],
          [1, 0.5],
          [1, 0.8],
          [0.5, 0.8],
          [0.5, 0.5],
        ],
      ],
    });
    const inside = box([0.1, 0.1, 0.2, 0.2]);
    expect(square.clipArea(inside)).toBe(inside);
    expect(square.clipArea(box([2, 2, 3, 3]))).toBeNull();
  });
});
