import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type ImportedLayer, mergeImports } from '../../src/data/imports';
import type { LoadedData } from '../../src/data/load';

const fc = (features: unknown[]): FeatureCollection =>
  ({ type: 'FeatureCollection', features }) as FeatureCollection;
const point = (props: Record<string, unknown>) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: [121.5, 31.3] },
});

function base(): LoadedData {
  const empty = fc([]);
  return {
    layers: {
      district: empty,
      subdistricts: fc([
        { type: 'Feature', properties: { name: '殷行街道', population2020: 100 }, geometry: null },
      ]),
      circles: fc([
        { type: 'Feature', properties: { id: 'C-1', name: '殷行-1', derived: true }, geometry: null },
      ]),
      riverfront: empty,
      riverEdge: empty,
      eldercare: fc([point({ id: 'E1', family: 'eldercare', category: 'elder-canteen' })]),
      childcare: fc([point({ id: 'K1', family: 'childcare', category: 'kindergarten' })]),
      services: empty,
      metroLines: empty,
      metroStations: empty,
      elevatedRoads: empty,
      residential: empty,
      green: empty,
      water: empty,
      walkNetwork: empty,
      osmCoverage: empty,
      populationModel: empty,
    },
    unlocated: [],
    walkGraph: null,
    walkGraphError: null,
  };
}

const layer = (p: Partial<ImportedLayer>): ImportedLayer => ({
  id: 'L',
  kind: 'facilities',
  fileName: 'f.csv',
  crs: 'WGS84',
  importedAt: '2026-11-22T00:00:00Z',
  facilities: [],
  circles: [],
  ...p,
});

describe('mergeImports', () => {
  const fac = {
    id: 'b1',
    name: '宝宝屋',
    category: 'baby-room',
    address: null,
    lonLat: [121.5, 31.3] as [number, number],
  };

  it('adds imported facilities to their family and leaves the defaults untouched', () => {
    const b = base();
    const before = JSON.stringify(b);
    const merged = mergeImports(b, [layer({ facilities: [fac] })], 'baby-room');
    expect(merged.layers.childcare.features.map((f) => f.properties?.id)).toEqual(['K1', 'L:b1']);
    expect(merged.layers.childcare.features[1]!.properties?.source).toBe('imported: f.csv');
    expect(JSON.stringify(b)).toBe(before);
  });

  it('replaces a family’s defaults in replace mode', () => {
    const merged = mergeImports(base(), [layer({ mode: 'replace', facilities: [fac] })], 'baby-room');
    expect(merged.layers.childcare.features.map((f) => f.properties?.id)).toEqual(['L:b1']);
    expect(merged.layers.eldercare.features).toHaveLength(1);
  });

  it('applies subdistrict and circle populations', () => {
    const merged = mergeImports(
      base(),
      [
        layer({
          kind: 'population',
          population: [
            { target: 'subdistrict', key: '殷行街道', population: 182500 },
            { target: 'circle', key: 'C-1', population: 40000 },
          ],
        }),
      ],
      'baby-room',
    );
    expect(merged.layers.subdistricts.features[0]!.properties?.population2020).toBe(182500);
    expect(merged.layers.circles.features[0]!.properties?.populationOverride).toBe(40000);
  });

  it('applies age-group counts, alone or with a total, without touching the total when none is given', () => {
    const merged = mergeImports(
      base(),
      [
        layer({
          kind: 'population',
          population: [
            { target: 'subdistrict', key: '殷行街道', population: null, ageGroups: { age60plus: 60 } },
            { target: 'circle', key: 'C-1', population: 40000, ageGroups: { under3: 800 } },
          ],
        }),
      ],
      'baby-room',
    );
    const sub = merged.layers.subdistricts.features[0]!.properties!;
    expect(sub.population2020).toBe(100);
    expect(sub.ageGroups).toEqual({ age60plus: 60 });
    const circle = merged.layers.circles.features[0]!.properties!;
    expect(circle.populationOverride).toBe(40000);
    expect(circle.ageGroupsOverride).toEqual({ under3: 800 });
  });
});
