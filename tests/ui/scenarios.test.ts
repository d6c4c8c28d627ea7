import { describe, expect, it } from 'vitest';
import { decodeScenarios, encodeScenarios, type Scenario } from '../../src/ui/scenarios/codec';

const sample: Scenario[] = [
  {
    id: 'a',
    name: '方案一 <b>',
    sites: [
      { id: 'p1', name: '新食堂', category: 'elder-canteen', lonLat: [121.52345, 31.28761] },
      { id: 'p2', name: '宝宝屋', category: 'baby-room', lonLat: [121.5, 31.3] },
    ],
  },
  { id: 'b', name: 'Plan B', sites: [] },
];

describe('scenario encoding', () => {
  it('round-trips names, categories and coordinates (1e-5°) compactly', () => {
    const text = encodeScenarios(sample);
    expect(text).toMatch(/^2\.[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(200);
    const back = decodeScenarios(text);
    expect(back.map((s) => s.name)).toEqual(['方案一 <b>', 'Plan B']);
    expect(back[0]!.sites.map((p) => [p.name, p.category, p.lonLat])).toEqual([
      ['新食堂', 'elder-canteen', [121.52345, 31.28761]],
      ['宝宝屋', 'baby-room', [121.5, 31.3]],
    ]);
  });

  it('gives no scenarios for malformed input', () => {
    for (const bad of ['', 'not base64!', 'eyJhIjoxfQ', encodeScenarios(sample).slice(3), '2.', '2.%%%']) {
      expect(decodeScenarios(bad), bad).toEqual([]);
    }
    expect(decodeScenarios('W10')).toEqual([]); // an empty list
  });

  it('drops sites of a version-1 link with an unknown category or a coordinate outside the area', () => {
    const packed = btoa(
      JSON.stringify([
        [
          'x',
          [
            [999, 12000, 8000, 'a'],
            [4, 9999999, 8000, 'b'],
            [4, 12000, 8000, 'ok'],
          ],
        ],
      ]),
    );
    const [s] = decodeScenarios(packed);
    expect(s!.sites.map((p) => p.name)).toEqual(['ok']);
  });
});

describe('scenario encoding: walking-network changes', () => {
  it('round-trips gates and closures at 1e-5°', () => {
    const list: Scenario[] = [
      {
        id: 'a',
        name: '睦邻门',
        sites: [],
        gates: [{ id: 'g', a: [121.50231, 31.29906], b: [121.50228, 31.29934] }],
        closures: [{ id: 'x', at: [121.5025, 31.2992] }],
      },
    ];
    const back = decodeScenarios(encodeScenarios(list))[0]!;
    expect(back.gates!.map((g) => [g.a, g.b])).toEqual([
      [
        [121.50231, 31.29906],
        [121.50228, 31.29934],
      ],
    ]);
    expect(back.closures!.map((c) => c.at)).toEqual([[121.5025, 31.2992]]);
  });

  it('drops malformed gates and closures', () => {
    const packed = `2.${btoa(
      JSON.stringify([
        [
          'x',
          [],
          [
            [1, 2, 'a', 4],
            [1, 2],
          ],
          [['q'], [9e9, 0]],
        ],
      ]),
    )}`;
    const [s] = decodeScenarios(packed);
    expect(s!.gates).toBeUndefined();
    expect(s!.closures).toBeUndefined();
  });
});
