/**
 * 睦邻门 gates (issue 22 item 11): a gate longer than MAX_GATE_M is refused with a bilingual
 * message naming its length and the limit; each placed gate's own gain, and why a gate gains +0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageData, readLayer } from '../../scripts/bench/coverage-data';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { NetworkContext } from '../../src/analysis/network/context';
import { gateEffects, gateMessage, gateReason } from '../../src/analysis/network/gateEffect';
import { MAX_GATE_M, overlayFrom } from '../../src/analysis/network/gates';
import { buildWalkGraph } from '../../src/analysis/network/graph';
import { suggestGates } from '../../src/analysis/network/suggestGates';
import { LAYER_FILES } from '../../src/core/schema';

describe('why a gate gains +0 (pure)', () => {
  it.each([
    [[Infinity, Infinity], 30, 300, 'no-site'],
    [[200, 220], 30, 300, 'no-shorter-walk'],
    [[100, 280], 30, 300, 'both-reach'],
    [[400, 900], 30, 300, 'too-far'],
    [[100, 700], 30, 300, 'no-residents'],
  ] as const)('ends %j, %d m long, %d m walk → %s', (ends, len, r, want) =>
    expect(gateReason([...ends] as [number, number], len, r)).toBe(want));

  it('says the gain and the reason in both languages', () => {
    const msg = gateMessage({ id: 'g', gain: 0, reason: 'too-far', endsM: [412.4, 900], lengthM: 30 }, 300);
    expect(msg.zh).toBe('此门单独增加 +0 人：最近的设施离门 412 米（步行），经门到另一侧也超过 300 米');
    expect(msg.en).toMatch(/^this gate alone adds \+0 residents: the nearest site is 412 m .* beyond 300 m$/);
  });
});

describe('gates on the real network', () => {
  let engine: CoverageEngine;
  let ctx: NetworkContext;
  beforeAll(() => {
    const walk = JSON.parse(
      readFileSync(join(GEODATA_DIR, 'walk-network.geojson'), 'utf8'),
    ) as FeatureCollection<LineString>;
    const { layers, facilities, riverfront } = loadCoverageData();
    const model = buildPopulationModel(inputsFromCollections(layers));
    ctx = new NetworkContext(
      model,
      buildWalkGraph(walk.features).graph,
      readLayer(LAYER_FILES.osmCoverage).features.map((f) => f.geometry as Polygon | MultiPolygon),
    );
    engine = new CoverageEngine(model, facilities, riverfront, { network: ctx });
  });
  /** two graph nodes about `m` metres apart (lon/lat) */
  const nodesApart = (m: number): [[number, number], [number, number]] => {
    const g = ctx.graph;
    for (let a = 0; a < g.x.length; a += 7)
      for (let b = a + 1; b < g.x.length; b++)
        if (Math.abs(Math.hypot(g.x[a]! - g.x[b]!, g.y[a]! - g.y[b]!) - m) < 5)
          return [
            ctx.model.grid.proj.toLonLat(g.x[a]!, g.y[a]!),
            ctx.model.grid.proj.toLonLat(g.x[b]!, g.y[b]!),
          ] as [[number, number], [number, number]];
    throw new Error(`no nodes ${m} m apart`);
  };

  it(`refuses a ~300 m diagonal (over ${MAX_GATE_M} m) and accepts a 31 m gate`, () => {
    const [a, b] = nodesApart(300);
    const long = overlayFrom(ctx, [{ id: 'long', a, b }]);
    expect(long.overlay.links).toEqual([]);
    expect(long.problems).toHaveLength(1);
    expect(long.problems[0]!.message.zh).toMatch(
      /^门长 (29\d|30\d) 米，超过 60 米的上限，未计入：睦邻门是围墙上的一道开口/,
    );
    expect(long.problems[0]!.message.en).toMatch(/is (29\d|30\d) m long, over the 60 m limit/);
    const wall = overlayFrom(ctx, [{ id: 'g', a: [121.502313, 31.299064], b: [121.502282, 31.299338] }]);
    expect(wall.problems).toEqual([]);
    expect(wall.overlay.links[0]!.lengthM).toBeLessThan(MAX_GATE_M);
  });

  it('gives a suggested gate its own gain, and a gate along one street +0 with the reason', () => {
    const [best] = suggestGates(engine, { category: 'kindergarten', radiusM: 300, count: 1 }).suggestions;
    const [a, b] = nodesApart(25);
    const effects = gateEffects(
      engine,
      [
        { id: 'best', a: best!.a, b: best!.b },
        { id: 'same', a, b },
      ],
      [],
      'kindergarten',
      300,
      'network',
    );
    expect(effects.map((e) => e.id)).toEqual(['best', 'same']);
    expect(effects[0]!.reason).toBe('gains');
    expect(effects[0]!.gain).toBeCloseTo(best!.gain, 0);
    expect(effects[0]!.message.zh).toBe(`此门单独增加 +${Math.round(best!.gain)} 人`);
    const zero = effects[1]!;
    expect(zero.gain).toBeLessThan(0.5);
    expect(zero.reason).not.toBe('gains');
    expect(zero.message.zh).toMatch(/^此门单独增加 \+0 人：/);
    // straight-line distance: gates do nothing, nothing to explain
    expect(
      gateEffects(engine, [{ id: 'best', a: best!.a, b: best!.b }], [], 'kindergarten', 300, 'straight'),
    ).toEqual([]);
  });
});
