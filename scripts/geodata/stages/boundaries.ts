/**
 * Stage: the district outline and its 12 subdistricts (raw boundaries/), joined with the
 * census population, and the check that the subdistricts tile the district.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { geometryArea } from '../../../src/core/geo';
import {
  type DistrictLayer,
  type DistrictProps,
  LAYER_FILES,
  type SubdistrictLayer,
  type SubdistrictProps,
} from '../../../src/core/schema';
import { DataError } from '../../../src/data/errors';
import { checkTiling, type TilingReport } from '../../../src/data/tiling';
import { collection, feature, round } from '../geojson';
import type { SourceReader } from '../source-reader';
import { type OutputLayer, POLY_RULES } from '../stage';
import { DISTRICT_CODE, type PopulationOutput } from './population';

const SUBDISTRICTS_FILE = 'boundaries/yangpu_subdistricts.geojson';
const DISTRICT_FILE = 'boundaries/yangpu_district.geojson';
/** How many subdistricts (街道) Yangpu has. */
export const SUBDISTRICT_COUNT = 12;
/** The district's official area (km²), used when the raw outline does not state it. */
const OFFICIAL_AREA_KM2 = 60.73;

export interface BoundariesInput {
  /** the raw package */
  src: SourceReader;
  population: PopulationOutput;
}

export interface BoundariesOutput {
  /** one feature; areaKm2 is the outline's area (km², 3 decimals), population2020 the census total */
  district: DistrictLayer;
  /** sorted by code; areaKm2 in km², population2020 in residents, density in residents/km² */
  subdistricts: SubdistrictLayer;
  /** gap and overlap shares of the subdistricts against the district outline (0–1) */
  tiling: TilingReport;
  /** residents: the sum over the subdistricts and the census district total */
  populationCheck: { subdistrictSum: number; censusTotal: number };
  /** district.geojson and subdistricts.geojson */
  layers: OutputLayer[];
}

function subdistrictFeature(f: Feature<Polygon>, i: number, population: PopulationOutput) {
  const p = f.properties as Record<string, string>;
  const residents = population.bySubdistrict.get(p.name!);
  if (residents === undefined) {
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
    population2020: residents,
    density: Math.round(residents / areaKm2),
  };
  return feature(f.geometry, props);
}

function readSubdistricts(src: SourceReader, population: PopulationOutput): SubdistrictLayer {
  const raw = src.layer<FeatureCollection<Polygon>>(SUBDISTRICTS_FILE, {
    ...POLY_RULES,
    geometryTypes: ['Polygon'],
    requiredProps: ['name', 'name_en', 'code'],
    idProp: 'code',
  });
  if (raw.features.length !== SUBDISTRICT_COUNT) {
    throw new DataError(
      SUBDISTRICTS_FILE,
      null,
      `expected ${SUBDISTRICT_COUNT} subdistricts, found ${raw.features.length}`,
    );
  }
  return collection(
    [...raw.features]
      .sort((a, b) => String(a.properties!.code).localeCompare(String(b.properties!.code)))
      .map((f, i) => subdistrictFeature(f, i, population)),
  );
}

function readDistrict(src: SourceReader, population: PopulationOutput): DistrictLayer {
  const raw = src.layer<FeatureCollection<Polygon>>(DISTRICT_FILE, {
    ...POLY_RULES,
    geometryTypes: ['Polygon'],
  });
  const d0 = raw.features[0]!;
  return collection([
    feature<Polygon, DistrictProps>(d0.geometry, {
      name: '杨浦区',
      nameEn: 'Yangpu District',
      code: DISTRICT_CODE,
      areaKm2: round(geometryArea(d0.geometry) / 1e6, 3),
      officialAreaKm2: Number(d0.properties?.official_area_km2 ?? OFFICIAL_AREA_KM2),
      population2020: population.censusTotal,
      ageGroups2020: population.ageGroups,
      ageGroupsNote: population.ageGroupsNote,
    }),
  ]);
}

/**
 * Build the boundary layers.
 *
 * Input: the raw package and the census population (residents). Output: the district (area
 * km²) and the 12 subdistricts (area km², population residents, density residents/km²), their
 * tiling of the district, and the population check (residents). Stops when the raw layers are
 * invalid, there are not 12 subdistricts, or a subdistrict has no census row.
 */
export function buildBoundaries({ src, population }: BoundariesInput): BoundariesOutput {
  const subdistricts = readSubdistricts(src, population);
  const district = readDistrict(src, population);
  const tiling = checkTiling(
    district.features[0]!.geometry,
    subdistricts.features.map((f) => f.geometry),
  );
  const subdistrictSum = subdistricts.features.reduce((s, f) => s + f.properties.population2020, 0);
  return {
    district,
    subdistricts,
    tiling,
    populationCheck: { subdistrictSum, censusTotal: population.censusTotal },
    layers: [
      { file: LAYER_FILES.district, collection: district, rules: { ...POLY_RULES, requiredProps: ['name'] } },
      {
        file: LAYER_FILES.subdistricts,
        collection: subdistricts,
        rules: { ...POLY_RULES, requiredProps: ['name', 'nameEn', 'code', 'population2020'], idProp: 'code' },
      },
    ],
  };
}
