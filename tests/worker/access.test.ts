/**
 * The access methods through the coverage worker's typed channel (Node, a MessageChannel for
 * the Worker), on the bundled data: capacity, fairness and basket answers; the difference of
 * a scenario equals its table gains; layers; bad input rejects with a message.
 */
import { MessageChannel } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageData } from '../../scripts/bench/coverage-data';
import type { CoverageApi } from '../../src/worker/coverageApi';
import { createCoverageHandlers } from '../../src/worker/coverageHandlers';
import { type Endpoint, RpcClient, serve } from '../../src/worker/rpc';

let c: RpcClient<CoverageApi>;
beforeAll(async () => {
  const { port1, port2 } = new MessageChannel();
  serve<CoverageApi>(port2 as unknown as Endpoint, createCoverageHandlers());
  c = new RpcClient<CoverageApi>(port1 as unknown as Endpoint);
  const { layers, facilities, riverfront } = loadCoverageData();
  await c.call('init', { layers, facilities, riverfront });
  return () => {
    port1.close();
    port2.close();
  };
});

describe('access methods of the coverage worker', () => {
  it('answers capacity, fairness and the basket for nursing homes, with times', async () => {
    const a = await c.call('access', { category: 'nursing-home', radiusM: 1000 });
    expect(a.capacity && 'unit' in a.capacity && a.capacity.unit).toBe('beds');
    if (!a.capacity || !('unit' in a.capacity)) throw new Error('no capacity');
    expect(a.capacity.district.ratio).toBeGreaterThan(1);
    expect(a.capacity.unknownSites.length).toBe(16);
    expect(a.capacity.circles.length).toBe(33);
    expect(a.fairness.distance?.gini).toBeGreaterThan(0);
    expect(a.fairness.capacity?.gini).toBeGreaterThan(0);
    expect(a.basket.sides.elder.circles.length).toBe(33);
    expect(a.total).toBeGreaterThanOrEqual(0);
    // plain data: no per-cell arrays cross the channel
    expect(JSON.stringify(a).length).toBeLessThan(200_000);
  });

  it('a scenario’s difference equals its table gains; its layer draws the gained cells', async () => {
    const sites = [{ id: 'P1', category: 'nursing-home', lonLat: [121.52, 31.3], capacity: 200 }];
    const q = { category: 'nursing-home' as const, radiusM: 1000, sites };
    const d = await c.call('difference', q);
    const s = await c.call('scenario', q);
    const gain = s.after.district.coveredPopulation - s.before.district.coveredPopulation;
    expect(Math.abs(d.coverage.district.residentsGained - gain)).toBeLessThan(1e-6);
    expect(d.capacity?.district.change).toBeGreaterThan(0);
    const layer = (await c.call('accessLayer', { ...q, layer: 'difference' })).layer!;
    const drawn = layer.features.features.reduce((sum, f) => sum + f.properties.population, 0);
    expect(Math.abs(drawn - gain)).toBeLessThanOrEqual(layer.features.features.length);
    expect(layer.features.features.every((f) => f.properties.value === 1)).toBe(true);
  });

  it('layers of capacity and the basket; an overview of every type', async () => {
    const cap = (await c.call('accessLayer', { category: 'nursing-home', radiusM: 1000, layer: 'capacity' }))
      .layer!;
    expect(cap.reference).toBeGreaterThan(0);
    expect(cap.breaks.length).toBe(3);
    const values = new Set(cap.features.features.map((f) => f.properties.value));
    expect(values.has(0) || values.has(1)).toBe(true);
    expect(values.has(4)).toBe(true);
    const basket = (
      await c.call('accessLayer', {
        category: 'nursing-home',
        radiusM: 1000,
        layer: 'basket-child',
        circles: ['310110019-1'],
      })
    ).layer!;
    expect(new Set(basket.features.features.map((f) => f.properties.circleId))).toEqual(
      new Set(['310110019-1']),
    );
    const o = await c.call('accessOverview', {});
    expect(o.rows.length).toBe(18);
    expect(o.rows.find((r) => r.category === 'nursing-home')?.capacity?.district.ratio).toBeGreaterThan(1);
  });

  it('rejects a bad basket with its text', async () => {
    await expect(c.call('access', { category: 'park', radiusM: 500, basket: 'o:nope' })).rejects.toThrow(
      /o:nope/,
    );
  });
});
