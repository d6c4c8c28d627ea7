/**
 * The shape of every layer in geodata/ (documented for people in geodata/README.md).
 * All coordinates are WGS84 lon/lat with 6 decimals; polygon exteriors are counter-clockwise.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { AgeGroupCounts } from './ageGroups';
import type { CategoryId, Family } from './categories';

export interface DistrictProps {
  name: string;
  nameEn: string;
  code: string;
  /** area of the polygon, km² */
  areaKm2: number;
  officialAreaKm2: number;
  population2020: number;
  /**
   * residents per age group, 2020 census (district level; the under-3 and 3–5 figures are
   * estimates derived from the census 5-year groups, see ageGroupsNote)
   */
  ageGroups2020?: AgeGroupCounts;
  /** where each age figure comes from */
  ageGroupsNote?: string;
}

export interface SubdistrictProps {
  name: string;
  nameEn: string;
  code: string;
  /** km² */
  areaKm2: number;
  /** 2020 census resident population (rounded to 100 by the source) */
  population2020: number;
  /** residents per km² */
  density: number;
  /** residents per age group when known for the subdistrict (a planner's import); else district shares apply */
  ageGroups?: AgeGroupCounts;
}

/** A 15-minute life circle. The same schema serves derived and official boundaries. */
export interface CircleProps {
  id: string;
  name: string;
  nameEn: string;
  subdistrict: string;
  /** km² */
  areaKm2: number;
  /**
   * residents (2020): for derived circles, the population model's count of the circle (the
   * coverage engine's number, rounded so that each subdistrict's circles sum to its census total)
   */
  population: number;
  derived: boolean;
  method: string;
}

export type LocationQuality = 'high' | 'medium' | 'low' | 'unrated';

export interface FacilityProps {
  id: string;
  name: string;
  category: CategoryId;
  family: Family;
  address: string | null;
  /** subdistrict by point-in-polygon (zh name) */
  subdistrict: string;
  /** the subdistrict the source states, when it differs from the point-in-polygon one */
  subdistrictStated: string | null;
  capacity: number | null;
  capacityUnit: string | null;
  capacityNote: string | null;
  locationQuality: LocationQuality;
  /** ids of every source record merged into this place, e.g. ["EI013", "S4-0100"] */
  sourceIds: string[];
  source: string;
  sourceDate: string;
  crsOriginal: string;
  /**
   * true when the site shares its exact point with sites of other names and no stated house
   * number explains it: the source put them at a common point, so the position is approximate
   * (约略位置; shown, never moved). Written by the pipeline for every site.
   */
  locatedApproximately?: boolean;
  /** ids of the other sites on the same point, when locatedApproximately */
  sharedPointWith?: string[];
  /** true for a site from a planner's import (drawn with a ring, said in the legend) */
  imported?: boolean;
}

export interface RiverfrontProps {
  name: string;
  section: 'south' | 'north';
  /** derived length, km */
  lengthKm: number;
  nominalLengthKm: number;
  derived: true;
  /** ± metres against the real bank */
  accuracyM: number;
  method: string;
}

/** How the population model places residents on a feature of population-model.geojson. */
export type PopulationMethod =
  /** a residential building: residents by floor area (footprint × floors) */
  | 'building'
  /** a building holding no homes in the model (see `reason`) */
  | 'other-building'
  /** residential land whose buildings are mapped: its residents are in its buildings */
  | 'buildings-area'
  /** residential land without mapped buildings: residents spread over the area */
  | 'landuse'
  /** where OSM detail is complete: elsewhere residents are spread over land */
  | 'extent'
  /** district land beyond the OSM detail: residents spread over land */
  | 'land';

/** A feature of the derived population-model layer. */
export interface PopulationModelProps {
  method: PopulationMethod;
  /** residential floor area the feature carries, m² (0 when it carries none) */
  weightM2: number;
  /** OSM `building` value (buildings only) */
  building?: string;
  /** floors used (buildings only) */
  levels?: number;
  /** where the floor count came from: the levels tag, the height tag or the default */
  levelsFrom?: 'levels' | 'height' | 'default';
  /** why a building holds no homes (other-building) */
  reason?: string;
  name?: string;
}

/** A facility that an official list names but that cannot be placed honestly. */
export interface UnlocatedFacility {
  id: string;
  name: string;
  category: CategoryId;
  address: string | null;
  subdistrictStated: string | null;
  /** why it cannot be placed (English) */
  reason: string;
  /** the same in Chinese */
  reasonZh: string;
  source: string;
  sourceDate: string;
}

/** A source record left out of the map layers, with the reason. */
export interface ExcludedRecord {
  id: string;
  name: string;
  /** why it is left out (English) */
  reason: string;
  /** the same in Chinese */
  reasonZh: string;
}

export type DistrictLayer = FeatureCollection<Polygon, DistrictProps>;
export type SubdistrictLayer = FeatureCollection<Polygon, SubdistrictProps>;
export type CircleLayer = FeatureCollection<Polygon | MultiPolygon, CircleProps>;
export type FacilityLayer = FeatureCollection<Point, FacilityProps>;
export type FacilityFeature = Feature<Point, FacilityProps>;
export type RiverfrontLayer = FeatureCollection<LineString, RiverfrontProps>;
export type PopulationModelLayer = FeatureCollection<Polygon | MultiPolygon, PopulationModelProps>;

/** Files the app loads from geodata/ (relative names). */
export const LAYER_FILES = {
  district: 'district.geojson',
  subdistricts: 'subdistricts.geojson',
  circles: 'circles.geojson',
  riverfront: 'riverfront.geojson',
  riverEdge: 'river-edge.geojson',
  eldercare: 'eldercare.geojson',
  childcare: 'childcare.geojson',
  services: 'services.geojson',
  metroLines: 'metro-lines.geojson',
  metroStations: 'metro-stations.geojson',
  elevatedRoads: 'elevated-roads.geojson',
  osmCoverage: 'osm-coverage.geojson',
  populationModel: 'population-model.geojson',
  residential: 'residential.geojson',
  green: 'green.geojson',
  water: 'water.geojson',
  walkNetwork: 'walk-network.geojson',
  /** only with an OSM extract (npm run data -- --osm FILE): building footprints */
  buildings: 'buildings.geojson',
  /** the pedestrian graph built from walk-network (compact JSON, see src/analysis/network/encode.ts) */
  walkGraph: 'walk-graph.json',
  /** route factors measured on the walk graph (walk ÷ straight per distance tier) */
  routeFactors: 'route-factors.json',
  unlocated: 'unlocated.json',
  excluded: 'excluded.json',
} as const;

/** The layers the app loads and draws (every file of LAYER_FILES but the walk graph, buildings and the lists). */
export type LayerName =
  | 'district'
  | 'subdistricts'
  | 'circles'
  | 'riverfront'
  | 'riverEdge'
  | 'eldercare'
  | 'childcare'
  | 'services'
  | 'metroLines'
  | 'metroStations'
  | 'elevatedRoads'
  | 'residential'
  | 'green'
  | 'water'
  | 'walkNetwork'
  | 'osmCoverage'
  | 'populationModel';

/** The loaded layers by name, each a FeatureCollection from geodata/. */
export type LayerCollections = Record<LayerName, FeatureCollection>;
