/**
 * Load the generated layers in the browser, checking each one before it reaches the map.
 * A failure names the file and the problem (DataError); nothing half-loaded is used.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerCollections as SourceData, UnlocatedFacility } from '../core/schema';
import { DataError } from './errors';
import { validateFeatureCollection } from './validate';

export interface LoadedData {
  layers: SourceData;
  unlocated: UnlocatedFacility[];
  /**
   * The walking graph as fetched (checked and decoded by the coverage worker), or null when
   * there is none; `walkGraphError` says why it could not be fetched. The map works without it.
   */
  walkGraph: unknown | null;
  walkGraphError: string | null;
  /** the route factors measured on the shipped graph (geodata/route-factors.json; checked by the worker), or null */
  routeFactors?: unknown | null;
  /** an imported walking network (lines) and its extent: they replace the shipped graph */
  walkLines?: FeatureCollection | null;
  networkExtent?: FeatureCollection | null;
}

async function fetchJson(url: string, name: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new DataError(name, null, `could not be fetched (${(e as Error).message})`);
  }
  if (!response.ok) throw new DataError(name, null, `HTTP ${response.status} ${response.statusText}`);
  try {
    return await response.json();
  } catch (e) {
    throw new DataError(name, null, `is not valid JSON (${(e as Error).message})`);
  }
}

export async function loadLayers(
  urls: Record<keyof SourceData, string>,
  unlocatedUrl: string,
  walkGraphUrl: string | null = null,
  routeFactorsUrl: string | null = null,
): Promise<LoadedData> {
  // the factors go with the graph; without them walking (best available) falls back to the network
  const factors = routeFactorsUrl
    ? fetchJson(routeFactorsUrl, 'route-factors').catch(() => null)
    : Promise.resolve(null);
  const graph = walkGraphUrl
    ? fetchJson(walkGraphUrl, 'walk-graph').then(
        (value) => ({ value, error: null }),
        (e: Error) => ({ value: null, error: e.message }),
      )
    : Promise.resolve({ value: null, error: null });
  const entries = await Promise.all(
    (Object.entries(urls) as [keyof SourceData, string][]).map(async ([name, url]) => {
      const fc = await fetchJson(url, name);
      // Structure and finite coordinates only: full geometry checks ran at build time.
      const problems = validateFeatureCollection(fc, {
        geometryTypes: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
        bbox: [-180, -90, 180, 90],
      }).filter((p) => !p.problem.startsWith('self-intersection'));
      if (problems.length > 0) throw new DataError(name, problems[0]!.where, problems[0]!.problem);
      return [name, fc as FeatureCollection] as const;
    }),
  );
  const unlocated = (await fetchJson(unlocatedUrl, 'unlocated')) as UnlocatedFacility[];
  const walk = await graph;
  return {
    layers: Object.fromEntries(entries) as SourceData,
    unlocated: Array.isArray(unlocated) ? unlocated : [],
    walkGraph: walk.value,
    walkGraphError: walk.error,
    routeFactors: await factors,
  };
}
