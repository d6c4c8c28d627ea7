/**
 * The coverage worker's handlers behind the typed channel, in Node (a MessageChannel stands
 * in for the Worker): answers, errors, the test hook, and cancellation.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCoverageData, readLayer } from '../../scripts/bench/coverage-data';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import { LAYER_FILES } from '../../src/core/schema';
import type { CoverageApi, CoverageInit } from '../../src/worker/coverageApi';
import { createCoverageHandlers } from '../../src/worker/coverageHandlers';
import { type Endpoint, isAbortError, RpcClient, serve } from '../../src/worker/rpc';
import { fixturePopulationModel } from '../helpers/coverageFixture';
import { fixtureInputs } from '../helpers/golden';

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function worker(): RpcClient<CoverageApi> {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  serve<CoverageApi>(port2 as unknown as Endpoint, createCoverageHandlers());
  return new RpcClient<CoverageApi>(port1 as unknown as Endpoint);
}

/** The two-circle fixture as the app would send it. */
function init(testHooks = false): CoverageInit {
  const fc = fixtureInputs('coverage').find((f) => f.name === 'two-circles.geojson')!
    .json as FeatureCollection;
  const by = (role: string): FeatureCollection => ({
    type: 'FeatureCollection',
    features: fc.features.filter((f) => f.properties?.role === role),
  });
  return {
    layers: {
      district: by('district'),
      subdistricts: by('subdistrict'),
      circles: by('circle'),
      populationModel: { type: 'FeatureCollection', features: fixturePopulationModel(fc) },
      riverEdge: by('river-edge'),
    },
    facilities: by('facility').features.map((f) => ({
      id: String(f.properties!.id),
      category: String(f.properties!.category),
      lonLat: (f.geometry as GeoJSON.Point).coordinates,
    })),
    riverfront: [],
    testHooks,
  };
}

describe('coverage worker', () => {
  it('refuses work before init, with a message', async () => {
    const c = worker();
    await expect(c.call('table', { category: 'park', radiusM: 300 })).rejects.toThrow('not initialised');
  });

  it('answers numbers, then gaps, then a scenario with more residents covered', async () => {
    const c = worker();
    const setup = init();
    await c.call('init', setup);
    const category = setup.facilities[0]!.category as 'park';
    const { table } = await c.call('table', { category, radiusM: 300 });
    expect(table.circles.length).toBeGreaterThan(0);
    const { gaps, traced } = await c.call('gaps', { category, radiusM: 300 });
    expect(gaps.features.every((f) => f.properties.category === category)).toBe(true);
    expect(traced).toEqual([]);
    const worst = table.circles.find((x) => x.id === table.rankingByGap[0])!;
    const sites = [{ id: 'new', category, lonLat: worst.worstPoint! }];
    const { before, after } = await c.call('scenario', { category, radiusM: 300, sites });
    expect(after.district.coveredPopulation).toBeGreaterThan(before.district.coveredPopulation);
    expect(before.district.coveredPopulation).toBeCloseTo(table.district.coveredPopulation, 6);
  });

  it("answers the gaps of one circle, the same polygons as in every circle's, with Turf's properties", async () => {
    const c = worker();
    const setup = init();
    await c.call('init', setup);
    const category = setup.facilities[0]!.category as 'park';
    const { table } = await c.call('table', { category, radiusM: 300 });
    const id = table.circles[1]!.id;
    const one = (await c.call('gaps', { category, radiusM: 300, circles: [id] })).gaps;
    const all = (await c.call('gaps', { category, radiusM: 300 })).gaps;
    expect(one.features.length).toBeGreaterThan(0);
    expect(one.features.every((f) => f.properties.circleId === id)).toBe(true);
    expect(all.features.filter((f) => f.properties.circleId === id)).toEqual(one.features);
    expect(new Set(all.features.map((f) => f.properties.circleId)).size).toBe(table.circles.length);
    for (const f of all.features) {
      expect(Object.keys(f.properties).sort()).toEqual([
        'areaM2',
        'category',
        'circleId',
        'distance',
        'population',
        'radiusM',
      ]);
    }
  });

  it('network mode: the gaps are those of the walking distance and say so (real data, 五角场-4)', async () => {
    const c = worker();
    const { layers, facilities, riverfront } = loadCoverageData();
    const graph = JSON.parse(readFileSync(join(GEODATA_DIR, LAYER_FILES.walkGraph), 'utf8'));
    const { network } = await c.call('init', {
      layers,
      facilities,
      riverfront,
      graph,
      networkExtent: readLayer(LAYER_FILES.osmCoverage),
    });
    expect(network?.nodes).toBeGreaterThan(1000);
    const id = '310110019-4';
    const q = { category: 'nursing-home' as const, radiusM: 1000, circles: [id] };
    const residents = (fc: FeatureCollection) =>
      fc.features.reduce((s, f) => s + (f.properties?.population as number), 0);
    const walking = (await c.call('gaps', { ...q, distance: 'network' })).gaps;
    const straight = (await c.call('gaps', { ...q, distance: 'straight' })).gaps;
    expect(walking.features.every((f) => f.properties.distance === 'network')).toBe(true);
    expect(straight.features.every((f) => f.properties.distance === 'straight')).toBe(true);
    const row = (await c.call('table', { ...q, distance: 'network' })).table.circles.find(
      (r) => r.id === id,
    )!;
    const straightRow = (await c.call('table', { ...q, distance: 'straight' })).table.circles.find(
      (r) => r.id === id,
    )!;
    // walking leaves more residents in the gap here, and the polygons follow the walking figure
    expect(row.gapPopulation - straightRow.gapPopulation).toBeGreaterThan(0.05 * row.population);
    expect(Math.abs(residents(walking) - row.gapPopulation)).toBeLessThan(0.01 * row.population);
    expect(Math.abs(residents(straight) - straightRow.gapPopulation)).toBeLessThan(0.01 * row.population);
  }, 120_000);

  it('a cancelled gaps request rejects as cancelled and the next numbers answer', async () => {
    const c = worker();
    const setup = init();
    await c.call('init', setup);
    const category = setup.facilities[0]!.category as 'park';
    const ac = new AbortController();
    const gaps = c.call('gaps', { category, radiusM: 400 }, { signal: ac.signal });
    const next = c.call('table', { category, radiusM: 450 });
    ac.abort();
    expect(isAbortError(await gaps.catch((e: unknown) => e))).toBe(true);
    expect((await next).table.radiusM).toBe(450);
  });

  it('the test hook is refused unless init allowed it, and then fails exactly one call', async () => {
    const c = worker();
    await c.call('init', init(false));
    await expect(c.call('failNext', { method: 'table' })).rejects.toThrow('test hooks are off');
    const d = worker();
    await d.call('init', init(true));
    await d.call('failNext', { method: 'table' });
    await expect(d.call('table', { category: 'park', radiusM: 300 })).rejects.toThrow('failed on purpose');
    await expect(d.call('table', { category: 'park', radiusM: 300 })).resolves.toHaveProperty('table');
  });

  it('a superseded request rejects as cancelled and the next one answers', async () => {
    const c = worker();
    await c.call('init', init());
    const first = new AbortController();
    const a = c.call('table', { category: 'park', radiusM: 300 }, { signal: first.signal });
    first.abort();
    const b = c.call('table', { category: 'park', radiusM: 500 });
    expect(isAbortError(await a.catch((e: unknown) => e))).toBe(true);
    expect((await b).table.radiusM).toBe(500);
  });
});
