import { kinks } from '@turf/kinks';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/analysis/random';
import {
  findRingSelfIntersection,
  type LayerRules,
  validateFeatureCollection,
} from '../../src/data/validate';

const rules: LayerRules = {
  geometryTypes: ['Polygon', 'Point'],
  bbox: [121.44, 31.22, 121.61, 31.38],
  checkOrientation: true,
  requiredProps: ['id'],
  idProp: 'id',
};

const square = (x: number, y: number, d = 0.01) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

function fc(...features: { geometry: unknown; properties?: unknown }[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f, i) => ({
      type: 'Feature',
      properties: f.properties ?? { id: `f${i}` },
      geometry: f.geometry,
    })),
  } as FeatureCollection;
}

const messages = (v: unknown) => validateFeatureCollection(v, rules).map((p) => `${p.where}: ${p.problem}`);

describe('validateFeatureCollection', () => {
  it('accepts a valid layer', () => {
    expect(messages(fc({ geometry: { type: 'Polygon', coordinates: [square(121.5, 31.3)] } }))).toEqual([]);
  });

  it('rejects something that is not a FeatureCollection', () => {
    expect(messages({ type: 'Feature' })).toEqual(['null: not a GeoJSON FeatureCollection']);
  });

  it('rejects NaN coordinates', () => {
    expect(messages(fc({ geometry: { type: 'Point', coordinates: [Number.NaN, 31.3] } })).join()).toMatch(
      /feature 0: .*(finite|invalid GeoJSON)/,
    );
  });

  it('rejects coordinates outside the expected area', () => {
    expect(messages(fc({ geometry: { type: 'Point', coordinates: [120, 31.3] } })).join()).toMatch(
      /outside the expected area/,
    );
  });

  it('rejects an unclosed ring', () => {
    const ring = square(121.5, 31.3)
      .slice(0, 4)
      .concat([[121.5, 31.3001]]);
    expect(messages(fc({ geometry: { type: 'Polygon', coordinates: [ring] } })).join()).toMatch(
      /not closed|linear ring|invalid GeoJSON/,
    );
  });

  it('rejects a clockwise exterior', () => {
    const ring = square(121.5, 31.3).reverse();
    expect(messages(fc({ geometry: { type: 'Polygon', coordinates: [ring] } })).join()).toMatch(
      /exterior ring is clockwise/,
    );
  });

  it('finds a bow-tie self-intersection', () => {
    const bowtie = [
      [121.5, 31.3],
      [121.51, 31.31],
      [121.51, 31.3],
      [121.5, 31.31],
      [121.5, 31.3],
    ];
    expect(findRingSelfIntersection(bowtie)).not.toBeNull();
    expect(messages(fc({ geometry: { type: 'Polygon', coordinates: [bowtie] } })).join()).toMatch(
      /self-intersection/,
    );
  });

  it('agrees with @turf/kinks (an independent sweep line) on 2,000 random rings', () => {
    const rand = mulberry32(7);
    let crossing = 0;
    for (let t = 0; t < 2000; t++) {
      const n = 4 + Math.floor(rand() * 12);
      const ring = Array.from({ length: n }, () => [121.5 + rand() * 0.01, 31.3 + rand() * 0.01]);
      ring.push([...ring[0]!]);
      const ours = findRingSelfIntersection(ring) !== null;
      const theirs = kinks({ type: 'Polygon', coordinates: [ring] }).features.length > 0;
      expect(ours, JSON.stringify(ring)).toBe(theirs);
      if (ours) crossing++;
    }
    // both kinds occur, so the agreement is not vacuous
    expect(crossing).toBeGreaterThan(100);
    expect(crossing).toBeLessThan(2000);
  });

  it('rejects duplicate ids and missing properties', () => {
    const p = { type: 'Point', coordinates: [121.5, 31.3] };
    const out = messages(
      fc(
        { geometry: p, properties: { id: 'a' } },
        { geometry: p, properties: { id: 'a' } },
        { geometry: p, properties: {} },
      ),
    );
    expect(out).toContain('feature 1: duplicate id "a" (also feature 0)');
    expect(out).toContain('feature 2: missing required property "id"');
  });

  it('rejects a geometry type the layer does not take', () => {
    expect(
      messages(
        fc({
          geometry: {
            type: 'LineString',
            coordinates: [
              [121.5, 31.3],
              [121.51, 31.3],
            ],
          },
        }),
      ).join(),
    ).toMatch(/LineString is not one of/);
  });
});
