/**
 * The geodata pipeline: raw sources (../shared/geodata-sources by default) → geodata/.
 * Pure with respect to its inputs: the same raw files give byte-identical outputs.
 */
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { largestRemainder, roundPreservingSum } from '../../src/analysis/allocate';
import { partitionPolygon } from '../../src/analysis/partition';
import { DATA_BBOX } from '../../src/core/extent';
import { geometryArea, lineLength } from '../../src/core/geo';
import {
  type CircleProps,
  type DistrictProps,
  type FacilityFeature,
  LAYER_FILES,
  type RiverfrontProps,
  type SubdistrictLayer,
  type SubdistrictProps,
} from '../../src/core/schema';
import { DataError } from '../../src/data/errors';
import { normaliseGeometry } from '../../src/data/normalise';
import { checkTiling, type TilingReport } from '../../src/data/tiling';
import { formatProblems, type LayerRules, validateFeatureCollection } from '../../src/data/validate';
import { collection, feature, round } from './geojson';
import { SourceReader } from './source-reader';
import { LINE_RULES, POLY_RULES } from './stage';
import { buildFacilities, type FacilityOutput } from './stages/facilities';

/** Number of life circles the district has drawn. */
export const CIRCLE_COUNT = 33;
/** Seed of the circle partition (changing it redraws every derived boundary). */
export const CIRCLE_SEED = 1;
/** Assumed half-width of the Huangpu here (m): the district edge runs mid-channel. */
export const RIVER_HALF_WIDTH_M = 200;
/** Grid spacing of the partition's area sample, m. */
export const CIRCLE_GRID_M = 25;

export interface LayerReport {
  file: string;
  features: number;
  bytes: number;
}

export interface BuildReport {
  layers: LayerReport[];
  facilities: FacilityOutput;
  circles: CircleProps[];
  allocation: { subdistrict: string; population: number; quota: number; circles: number }[];
  tilingSubdistricts: TilingReport;
  tilingCircles: TilingReport;
  districtAreaKm2: number;
  populationCheck: { subdistrictSum: number; censusTotal: number };
}

export interface BuildOutput {
  /** file name in geodata/ → content */
  files: Map<string, string>;
  report: BuildReport;
}

/** Stable, compact GeoJSON text: one feature per line, keys in the order they were built. */
export function stringifyCollection(fc: FeatureCollection, extra: Record<string, unknown> = {}): string {
  const head = JSON.stringify({ type: 'FeatureCollection', ...extra }).slice(0, -1);
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `${head},"features":[\n${lines.join(',\n')}\n]}\n`;
}

function shortName(zh: string): string {
  return zh.replace(/街道$/, '');
}

function shortNameEn(en: string): string {
  return en.replace(/ Subdistrict$/, '').replace(/ Road$/, ' Rd');
}

/** Run the whole pipeline in memory. */
export function buildGeodata(sourcesDir: string): BuildOutput {
  const src = new SourceReader(sourcesDir);
  const files = new Map<string, string>();
  const layers: LayerReport[] = [];
  const emit = (name: string, content: string, features: number) => {
    files.set(name, content);
    layers.push({ file: name, features, bytes: Buffer.byteLength(content) });
  };

  // --- population -----------------------------------------------------------------
  const census = src.csv('population/subdistricts-census-2020.csv', ['subdistrict', 'code', 'population']);
  const popByName = new Map<string, number>();
  let censusTotal = 0;
  census.rows.forEach((row, i) => {
    const pop = Number(row.population);
    if (!Number.isFinite(pop) || pop <= 0) {
      throw new DataError(
        'population/subdistricts-census-2020.csv',
        `row ${i + 2}, field population`,
        `"${row.population}" is not a positive number`,
      );
    }
    if (row.code === '310110') censusTotal = pop;
    else popByName.set(row.subdistrict!, pop);
  });

  // --- boundaries -----------------------------------------------------------------
  const rawSubs = src.layer<FeatureCollection<Polygon>>('boundaries/yangpu_subdistricts.geojson', {
    ...POLY_RULES,
    geometryTypes: ['Polygon'],
    requiredProps: ['name', 'name_en', 'code'],
    idProp: 'code',
  });
  if (rawSubs.features.length !== 12) {
    throw new DataError(
      'boundaries/yangpu_subdistricts.geojson',
      null,
      `expected 12 subdistricts, found ${rawSubs.features.length}`,
    );
  }
  const subdistricts: SubdistrictLayer = collection(
    [...rawSubs.features]
      .sort((a, b) => String(a.properties!.code).localeCompare(String(b.properties!.code)))
      .map((f, i) => {
        const p = f.properties as Record<string, string>;
        const population = popByName.get(p.name!);
        if (population === undefined) {
          throw new DataError(
            'population/subdistricts-census-2020.csv',
            null,
            `no population row for subdistrict ${p.name} (feature ${i})`,
          );
        }
        const areaKm2 = geometryArea(f.geometry) / 1e6;
        const props: SubdistrictProps = {
          name: p.name!,
          nameEn: p.name_en!,
          code: p.code!,
          areaKm2: round(areaKm2, 3),
          population2020: population,
          density: Math.round(population / areaKm2),
        };
        return feature(f.geometry, props);
      }),
  );
  const rawDistrict = src.layer<FeatureCollection<Polygon>>('boundaries/yangpu_district.geojson', {
    ...POLY_RULES,
    geometryTypes: ['Polygon'],
  });
  const d0 = rawDistrict.features[0]!;
  const districtArea = geometryArea(d0.geometry) / 1e6;
  const district = collection([
    feature<Polygon, DistrictProps>(d0.geometry, {
      name: '杨浦区',
      nameEn: 'Yangpu District',
      code: '310110',
      areaKm2: round(districtArea, 3),
      officialAreaKm2: Number(d0.properties?.official_area_km2 ?? 60.73),
      population2020: censusTotal,
    }),
  ]);
  const tilingSubdistricts = checkTiling(
    district.features[0]!.geometry,
    subdistricts.features.map((f) => f.geometry),
  );

  // --- life circles (derived) -----------------------------------------------------
  const pops = subdistricts.features.map((f) => f.properties.population2020);
  const perSub = largestRemainder(pops, CIRCLE_COUNT, 1);
  const popTotal = pops.reduce((a, b) => a + b, 0);
  const allocation = subdistricts.features.map((f, i) => ({
    subdistrict: f.properties.name,
    population: f.properties.population2020,
    quota: round((pops[i]! / popTotal) * CIRCLE_COUNT, 3),
    circles: perSub[i]!,
  }));
  const method =
    `derived by this project: ${CIRCLE_COUNT} circles allocated to subdistricts by 2020 population (largest remainder, ≥ 1 each); ` +
    `each subdistrict split into equal-area parts by a balanced power diagram (seeded k-means++ on a ${CIRCLE_GRID_M} m grid, seed ${CIRCLE_SEED}) clipped to the subdistrict; ` +
    'population = subdistrict density × area. Not an official boundary.';
  const circleFeatures: Feature<Polygon | GeoJSON.MultiPolygon, CircleProps>[] = [];
  subdistricts.features.forEach((sub, i) => {
    const k = perSub[i]!;
    const { parts } = partitionPolygon(sub as Feature<Polygon>, k, {
      seed: CIRCLE_SEED,
      spacingM: CIRCLE_GRID_M,
    });
    const withArea = parts.map((part) => {
      const g = normaliseGeometry(part.geometry);
      return { g, area: geometryArea(g), centre: centroidOf(g) };
    });
    // Stable order: north to south, then west to east.
    withArea.sort((a, b) => b.centre[1] - a.centre[1] || a.centre[0] - b.centre[0]);
    const subArea = withArea.reduce((s, x) => s + x.area, 0);
    const populations = roundPreservingSum(
      withArea.map((x) => (x.area / subArea) * sub.properties.population2020),
    );
    withArea.forEach((x, j) => {
      const short = shortName(sub.properties.name);
      circleFeatures.push(
        feature(x.g, {
          id: `${sub.properties.code}-${j + 1}`,
          name: `${short}-${j + 1}`,
          nameEn: `${shortNameEn(sub.properties.nameEn)}-${j + 1}`,
          subdistrict: sub.properties.name,
          areaKm2: round(x.area / 1e6, 3),
          population: populations[j]!,
          derived: true,
          method,
        }),
      );
    });
  });
  const circles = collection(circleFeatures);
  const tilingCircles = checkTiling(
    district.features[0]!.geometry,
    circles.features.map((f) => f.geometry),
  );

  // --- riverfront -----------------------------------------------------------------
  const rawRiver = src.layer<FeatureCollection<LineString>>(
    'riverfront/yangpu_riverfront_corridor_derived.geojson',
    {
      ...LINE_RULES,
      geometryTypes: ['LineString'],
      requiredProps: ['section'],
    },
  );
  const riverfront = collection(
    rawRiver.features.map((f) => {
      const p = f.properties as Record<string, unknown>;
      const section = p.section === 'south' ? 'south' : 'north';
      return feature<LineString, RiverfrontProps>(f.geometry, {
        name: section === 'south' ? '杨浦滨江 南段 (秦皇岛路—定海路)' : '杨浦滨江 北段 (定海路—军工路)',
        section,
        lengthKm: round(lineLength(f.geometry.coordinates) / 1000, 2),
        nominalLengthKm: Number(p.nominal_length_km),
        derived: true,
        accuracyM: 150,
        method:
          'derived from the district boundary shared with Pudong (mid-channel), offset 200 m towards land; not an observed river bank',
      });
    }),
  );

  const rawEdge = src.layer<FeatureCollection<LineString>>(
    'riverfront/yangpu_huangpu_district_edge.geojson',
    {
      ...LINE_RULES,
      geometryTypes: ['LineString'],
    },
  );
  const riverEdge = collection(
    rawEdge.features.map((f) =>
      feature(f.geometry, {
        name: '黄浦江 区界 (mid-channel)',
        lengthKm: round(lineLength(f.geometry.coordinates) / 1000, 2),
        halfWidthM: RIVER_HALF_WIDTH_M,
      }),
    ),
  );

  // --- facilities -----------------------------------------------------------------
  const { facilities } = buildFacilities({ readCsv: src.readCsv, subdistricts });

  // --- context layers (OSM) -------------------------------------------------------
  const pick = (props: Record<string, unknown> | null, keys: string[]) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) if (props?.[k] !== undefined && props[k] !== null) out[k] = props[k];
    return out;
  };
  const context = (rel: string, rules: LayerRules, keys: string[]) => {
    const fc = src.layer<FeatureCollection>(rel, rules);
    return collection(fc.features.map((f) => feature(f.geometry, pick(f.properties, keys))));
  };
  const metroLines = context('osm/yangpu_osm_metro_lines.geojson', LINE_RULES, ['name', 'route']);
  const metroStations = context(
    'osm/yangpu_osm_metro_stations.geojson',
    { geometryTypes: ['Point'], bbox: DATA_BBOX },
    ['name'],
  );
  const elevated = context('osm/yangpu_osm_elevated_roads.geojson', LINE_RULES, ['name', 'class']);
  const coverage = context('osm/yangpu_osm_coverage.geojson', POLY_RULES, ['area_km2', 'area_in_yangpu_km2']);
  const residential = context('osm/yangpu_residential.geojson', POLY_RULES, ['name', 'area_m2']);
  const green = context('osm/yangpu_green.geojson', POLY_RULES, ['name', 'leisure', 'landuse']);
  const water = context(
    'osm/yangpu_water.geojson',
    {
      geometryTypes: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
      bbox: DATA_BBOX,
      checkOrientation: true,
    },
    ['name', 'waterway', 'natural'],
  );
  const walk = context(
    'osm/yangpu_walk_network.geojson',
    { geometryTypes: ['LineString'], bbox: DATA_BBOX },
    ['highway', 'name'],
  );

  // --- validate outputs and emit ---------------------------------------------------
  const facilityRules: LayerRules = {
    geometryTypes: ['Point'],
    bbox: DATA_BBOX,
    requiredProps: ['id', 'name', 'category', 'subdistrict', 'source'],
    idProp: 'id',
  };
  const outputs: [string, FeatureCollection, LayerRules][] = [
    [LAYER_FILES.district, district, { ...POLY_RULES, requiredProps: ['name'] }],
    [
      LAYER_FILES.subdistricts,
      subdistricts,
      { ...POLY_RULES, requiredProps: ['name', 'nameEn', 'code', 'population2020'], idProp: 'code' },
    ],
    [
      LAYER_FILES.circles,
      circles,
      { ...POLY_RULES, requiredProps: ['id', 'name', 'subdistrict', 'population'], idProp: 'id' },
    ],
    [LAYER_FILES.riverfront, riverfront, { ...LINE_RULES, requiredProps: ['section'] }],
    [LAYER_FILES.riverEdge, riverEdge, LINE_RULES],
    [LAYER_FILES.eldercare, collection(facilities.eldercare), facilityRules],
    [LAYER_FILES.childcare, collection(facilities.childcare), facilityRules],
    [LAYER_FILES.services, collection(facilities.services), facilityRules],
    [LAYER_FILES.metroLines, metroLines, LINE_RULES],
    [LAYER_FILES.metroStations, metroStations, { geometryTypes: ['Point'], bbox: DATA_BBOX }],
    [LAYER_FILES.elevatedRoads, elevated, LINE_RULES],
    [LAYER_FILES.osmCoverage, coverage, POLY_RULES],
    [LAYER_FILES.residential, residential, POLY_RULES],
    [LAYER_FILES.green, green, POLY_RULES],
    [
      LAYER_FILES.water,
      water,
      { ...POLY_RULES, geometryTypes: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'] },
    ],
    [LAYER_FILES.walkNetwork, walk, { geometryTypes: ['LineString'], bbox: DATA_BBOX }],
  ];
  for (const [name, fc, rules] of outputs) {
    const problems = validateFeatureCollection(fc, rules);
    if (problems.length > 0)
      throw new DataError(
        `geodata/${name}`,
        null,
        `output failed validation:\n${formatProblems(name, problems)}`,
      );
    emit(name, stringifyCollection(fc), fc.features.length);
  }
  if (circles.features.length !== CIRCLE_COUNT) {
    throw new DataError(
      `geodata/${LAYER_FILES.circles}`,
      null,
      `expected ${CIRCLE_COUNT} circles, built ${circles.features.length}`,
    );
  }
  for (const [label, t] of [
    ['subdistricts', tilingSubdistricts],
    ['circles', tilingCircles],
  ] as const) {
    if (t.gapShare >= 0.001 || t.overlapShare >= 0.001) {
      throw new DataError(
        `geodata/${label}`,
        null,
        `do not tile the district: gap ${(t.gapShare * 100).toFixed(3)}%, overlap ${(t.overlapShare * 100).toFixed(3)}%`,
      );
    }
  }
  const allFacilities: FacilityFeature[] = [
    ...facilities.eldercare,
    ...facilities.childcare,
    ...facilities.services,
  ];
  const ids = new Set<string>();
  for (const f of allFacilities) {
    if (ids.has(f.properties.id))
      throw new DataError('geodata/facilities', null, `duplicate facility id ${f.properties.id}`);
    ids.add(f.properties.id);
  }
  emit(
    LAYER_FILES.unlocated,
    `${JSON.stringify(facilities.unlocated, null, 1)}\n`,
    facilities.unlocated.length,
  );
  emit(LAYER_FILES.excluded, `${JSON.stringify(facilities.excluded, null, 1)}\n`, facilities.excluded.length);

  const report: BuildReport = {
    layers,
    facilities,
    circles: circles.features.map((f) => f.properties),
    allocation,
    tilingSubdistricts,
    tilingCircles,
    districtAreaKm2: round(districtArea, 3),
    populationCheck: { subdistrictSum: popTotal, censusTotal },
  };
  return { files, report };
}

/** Area-weighted centroid of a polygon's exterior (lon/lat), for ordering only. */
function centroidOf(g: Polygon | GeoJSON.MultiPolygon): [number, number] {
  const ring = g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i]!;
    const q = ring[i + 1]!;
    const cross = p[0]! * q[1]! - q[0]! * p[1]!;
    a += cross;
    cx += (p[0]! + q[0]!) * cross;
    cy += (p[1]! + q[1]!) * cross;
  }
  return [cx / (3 * a), cy / (3 * a)];
}
