/**
 * Imported layers: kept in IndexedDB so they survive reloads, merged over the default data
 * (circles replace the derived ones; facilities join their family), removable one by one.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { clear, createStore, del, set, setMany, values } from 'idb-keyval';
import { type CategoryId, categoryInfo, isCategoryId } from '../core/categories';
import { geometryArea, pointInGeometry } from '../core/geo';
import type { CircleProps, FacilityProps } from '../core/schema';
import type { Crs } from './crs';
import type {
  ImportedCircle,
  ImportedFacility,
  ImportedNetwork,
  ImportedPopulation,
  ImportKind,
} from './importer';
import type { LoadedData } from './load';

export interface ImportedLayer {
  id: string;
  kind: ImportKind;
  /** facilities: add to their family, or replace the family's default facilities */
  mode?: 'add' | 'replace';
  fileName: string;
  crs: Crs;
  /** ISO date of the import */
  importedAt: string;
  facilities: ImportedFacility[];
  circles: ImportedCircle[];
  population?: ImportedPopulation[];
  /** a walking network: it replaces the shipped one (the newest network import wins) */
  network?: ImportedNetwork;
}

/** Imports live in IndexedDB (idb-keyval), one entry per layer keyed by its id. */
let kept: ReturnType<typeof createStore> | null = null;
const store = () => {
  kept ??= createStore('yangpu-imports-v2', 'layers');
  return kept;
};
/** The first wave's database (records keyed in-line by id), read once and moved over. */
const LEGACY_DB = 'yangpu-imports';

async function migrateLegacy(): Promise<void> {
  if (typeof indexedDB.databases === 'function') {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes(LEGACY_DB)) return;
  }
  const old = await new Promise<ImportedLayer[]>((resolve) => {
    const req = indexedDB.open(LEGACY_DB);
    req.onerror = () => resolve([]);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('layers')) {
        db.close();
        return resolve([]);
      }
      const all = db.transaction('layers', 'readonly').objectStore('layers').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as ImportedLayer[]);
      };
      all.onerror = () => {
        db.close();
        resolve([]);
      };
    };
  });
  if (old.length)
    await setMany(
      old.map((l) => [l.id, l]),
      store(),
    );
  indexedDB.deleteDatabase(LEGACY_DB);
}

/** Every kept import, oldest first ([] when IndexedDB is unavailable). */
export async function loadImports(): Promise<ImportedLayer[]> {
  try {
    await migrateLegacy();
    const all = (await values(store())) as ImportedLayer[];
    return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  } catch {
    return [];
  }
}

export const saveImport = (layer: ImportedLayer) => set(layer.id, layer, store());
export const deleteImport = (id: string) => del(id, store());
export const clearImports = () => clear(store());

/** The default data with the imports applied (a new object; the defaults are never changed). */
export function mergeImports(base: LoadedData, imports: ImportedLayer[], fallback: CategoryId): LoadedData {
  if (imports.length === 0) return base;
  const layers = { ...base.layers };
  const subdistrictOf = (p: [number, number]) =>
    String(
      base.layers.subdistricts.features.find(
        (f) => f.geometry && pointInGeometry(p, f.geometry as Polygon | MultiPolygon),
      )?.properties?.name ?? '',
    );
  const circleImport = [...imports].reverse().find((l) => l.kind === 'circles' && l.circles.length > 0);
  if (circleImport) {
    const features: Feature<Polygon | MultiPolygon, CircleProps>[] = circleImport.circles.map((c) => ({
      type: 'Feature',
      properties: {
        id: c.id,
        name: c.name,
        nameEn: c.name,
        subdistrict: c.subdistrict ?? '',
        areaKm2: Math.round(geometryArea(c.geometry) / 1e3) / 1e3,
        population: c.population ?? 0,
        derived: false,
        method: `imported from ${circleImport.fileName}`,
      },
      geometry: c.geometry,
    }));
    layers.circles = { type: 'FeatureCollection', features };
  }
  // Facility imports in "replace" mode drop the defaults of the families they cover.
  const replaced = new Set<string>();
  for (const layer of imports) {
    if (layer.kind !== 'facilities' || layer.mode !== 'replace') continue;
    for (const f of layer.facilities) {
      replaced.add(categoryInfo(isCategoryId(f.category) ? f.category : fallback).family);
    }
  }
  const keep = (fc: FeatureCollection) =>
    fc.features.filter((f) => !replaced.has(String(f.properties?.family)));
  const families = {
    eldercare: keep(layers.eldercare),
    childcare: keep(layers.childcare),
    services: keep(layers.services),
  };
  for (const layer of imports) {
    if (layer.kind !== 'facilities') continue;
    for (const f of layer.facilities) {
      const category = isCategoryId(f.category) ? f.category : fallback;
      const family = categoryInfo(category).family;
      const props: FacilityProps = {
        id: `${layer.id}:${f.id}`,
        name: f.name,
        category,
        family,
        address: f.address,
        subdistrict: subdistrictOf(f.lonLat),
        subdistrictStated: null,
        capacity: f.capacity ?? null,
        capacityUnit: null,
        capacityNote: null,
        locationQuality: 'unrated',
        sourceIds: [f.id],
        source: `imported: ${layer.fileName}`,
        sourceDate: layer.importedAt.slice(0, 10),
        crsOriginal: layer.crs,
        imported: true,
      };
      const feature: Feature<Point, FacilityProps> = {
        type: 'Feature',
        properties: props,
        geometry: { type: 'Point', coordinates: f.lonLat },
      };
      const target =
        family === 'eldercare'
          ? families.eldercare
          : family === 'childcare'
            ? families.childcare
            : families.services;
      target.push(feature as Feature);
    }
  }
  // Population: subdistrict totals replace the census figures; circle totals rescale the model.
  // Age-group counts give the local shares of the target groups (else the district's apply).
  const subPop = new Map<string, Record<string, unknown>>();
  const circlePop = new Map<string, Record<string, unknown>>();
  for (const layer of imports) {
    for (const p of layer.population ?? []) {
      const map = p.target === 'subdistrict' ? subPop : circlePop;
      const props = { ...map.get(p.key) };
      if (p.population !== null && p.population !== undefined) {
        props[p.target === 'subdistrict' ? 'population2020' : 'populationOverride'] = p.population;
      }
      if (p.ageGroups) props[p.target === 'subdistrict' ? 'ageGroups' : 'ageGroupsOverride'] = p.ageGroups;
      map.set(p.key, props);
    }
  }
  const apply = (fc: FeatureCollection, changes: Map<string, Record<string, unknown>>, key: string) => ({
    ...fc,
    features: fc.features.map((f) => {
      const v = changes.get(String(f.properties?.[key]));
      return v === undefined ? f : { ...f, properties: { ...f.properties, ...v } };
    }),
  });
  if (subPop.size) layers.subdistricts = apply(layers.subdistricts, subPop, 'name');
  if (circlePop.size) layers.circles = apply(layers.circles, circlePop, 'id');
  layers.eldercare = { type: 'FeatureCollection', features: families.eldercare } as FeatureCollection;
  layers.childcare = { type: 'FeatureCollection', features: families.childcare } as FeatureCollection;
  layers.services = { type: 'FeatureCollection', features: families.services } as FeatureCollection;
  const networkImport = [...imports].reverse().find((l) => l.kind === 'network' && l.network);
  const network = networkImport?.network
    ? {
        walkLines: networkImport.network.lines as FeatureCollection,
        networkExtent: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { file: networkImport.fileName },
              geometry: networkImport.network.extent,
            },
          ],
        } as FeatureCollection,
      }
    : {};
  return { ...base, ...network, layers };
}
