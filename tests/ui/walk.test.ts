/**
 * Walking (best available) in the UI, at the cheapest level: ranges formatted, the distance a
 * link asks for (new default, old links kept), the exports' and the embed API's range fields,
 * the reports' figures and the method sentence. Tables are fixtures shaped as the contract
 * with h-walk says (CoverageTotals.estimate, CoverageTable.routeFactors).
 */
import { describe, expect, it } from 'vitest';
import type { CircleCoverage, CoverageTable, WalkEstimate } from '../../src/analysis/coverage/tables';
import type { RouteFactors } from '../../src/analysis/network/routeFactors';
import { beforeAfterCsv, gapsExport, tableCsv } from '../../src/ui/coverage/exporters';
import { formatRowShare, formatShareRange, shareRange } from '../../src/ui/coverage/range';
import { walkMethodSentence } from '../../src/ui/coverage/walkMethod';
import { parseEmbedMessage, selectedCirclePayload } from '../../src/ui/embed/messages';
import { nearbyDistance, nearbyDistanceText } from '../../src/ui/nearby/estimate';
import { circleHeat, circleRows, routeFactorsOf, worstGaps } from '../../src/ui/report/assemble';
import { decodeScenarios } from '../../src/ui/scenarios/codec';
import { parseUrlState, serialiseUrlState } from '../../src/ui/url';

const FACTORS: RouteFactors = {
  tiers: [
    { tierM: 300, minM: 200, maxM: 400, pairs: 800, unconnected: 3, p25: 1.18, median: 1.31, p75: 1.47 },
    { tierM: 500, minM: 400, maxM: 700, pairs: 800, unconnected: 5, p25: 1.16, median: 1.27, p75: 1.41 },
    { tierM: 1000, minM: 700, maxM: 1300, pairs: 800, unconnected: 9, p25: 1.14, median: 1.23, p75: 1.34 },
  ],
  streetKm: 212.4,
  seed: 19,
  source: 'OSM 五角场/复旦/同济 (bundled)',
};

const estimate = (over: Partial<WalkEstimate> = {}): WalkEstimate => ({
  measuredPopulation: 3000,
  measuredShare: 0.1,
  coveredPopulationLow: 4500,
  coveredPopulationHigh: 6300,
  shareLow: 0.15,
  shareHigh: 0.21,
  ...over,
});

function row(over: Partial<CircleCoverage> = {}): CircleCoverage {
  return {
    id: 'c1',
    name: '定海路-1',
    nameEn: 'Dinghai Rd-1',
    subdistrict: '定海路街道',
    subdistrictEn: 'Dinghai Road Subdistrict',
    population: 30_000,
    coveredPopulation: 5_490,
    gapPopulation: 24_510,
    populationShare: 0.183,
    landAreaM2: 1_000_000,
    coveredLandAreaM2: 400_000,
    residentialAreaM2: 900_000,
    coveredResidentialAreaM2: 300_000,
    gapAreaM2: 600_000,
    residentialAreaShare: 0.33,
    edgePopulation: 0,
    medianDistanceM: 415,
    maxDistanceM: 1234,
    worstPoint: [121.5, 31.3],
    facilitiesInside: ['A'],
    facilitiesInReach: ['A', 'B'],
    edgeEffect: false,
    target: null,
    network: null,
    estimate: estimate(),
    ...over,
  };
}

function walkTable(circles: CircleCoverage[], over: Partial<CoverageTable> = {}): CoverageTable {
  return {
    category: 'elder-canteen',
    radiusM: 300,
    targetGroup: null,
    distance: 'walk',
    network: null,
    routeFactors: FACTORS,
    circles,
    subdistricts: [],
    district: circles[0]!,
    rankingByGap: circles.map((c) => c.id),
    ...over,
  };
}

/** The measured circle: everyone in the network. */
const measured = row({
  id: 'c2',
  populationShare: 0.4,
  estimate: estimate({ measuredPopulation: 30_000, measuredShare: 1, shareLow: 0.4, shareHigh: 0.4 }),
});

describe('a share with its range', () => {
  it('reads "18.3% (15–21%)" in English and "18.3%（15–21%）" in Chinese where some residents are estimated', () => {
    expect(formatRowShare(row(), 'en')).toBe('18.3% (15–21%)');
    expect(formatRowShare(row(), 'zh')).toBe('18.3%（15–21%）');
    expect(formatRowShare(row(), 'zh', 0)).toBe('18%（15–21%）');
  });

  it('has no range where the whole figure is measured, nor in the straight and network modes', () => {
    expect(formatRowShare(measured, 'en')).toBe('40.0%');
    expect(formatRowShare(row({ estimate: null }), 'zh')).toBe('18.3%');
    expect(formatRowShare(row({ estimate: undefined }), 'en')).toBe('18.3%');
    expect(shareRange(measured)).toEqual({ share: 0.4, low: null, high: null });
  });

  it('rounds the ends outwards, so the printed range always contains the printed share', () => {
    // 15.04 % would round to 15 and 20.96 % to 21 either way; 15.96 % must print 15, 20.04 % must print 21
    const r = row({ estimate: estimate({ shareLow: 0.1596, shareHigh: 0.2004 }) });
    expect(formatRowShare(r, 'en')).toBe('18.3% (15–21%)');
    // a low end above the share (counting noise) still brackets it
    expect(shareRange(row({ estimate: estimate({ shareLow: 0.19 }) })).low).toBe(0.183);
  });

  it('nobody living there is a dash, never "NaN%"', () => {
    const empty = row({
      populationShare: null,
      estimate: estimate({ measuredShare: null, shareLow: null, shareHigh: null }),
    });
    expect(formatRowShare(empty, 'en')).toBe('—');
    expect(formatShareRange({ share: null, low: null, high: null }, 'zh')).toBe('—');
  });
});

describe('the distance a link asks for', () => {
  it('a bare address (and this page’s own parameters) opens in walking (best available)', () => {
    expect(parseUrlState('').distance).toBe('walk');
    expect(parseUrlState('?test=1').distance).toBe('walk');
    expect(parseUrlState('?embed=1&basemap=none').distance).toBe('walk');
  });

  it('dist= chooses any of the three; a malformed one counts as none', () => {
    expect(parseUrlState('?dist=straight').distance).toBe('straight');
    expect(parseUrlState('?dist=network').distance).toBe('network');
    expect(parseUrlState('?dist=walk&cat=park').distance).toBe('walk');
    expect(parseUrlState('?dist=WALK').distance).toBe('walk');
    expect(parseUrlState('?dist=WALK&cat=park').distance).toBe('straight');
  });

  // Verbatim links written by main's url.ts before this change (serialiseUrlState of that version).
  const OLD_SCENARIO_LINK =
    '?cat=kindergarten&circle=wjc-1&v=13.2%2F31.29%2F121.52&sc=2.W1si5pa55qGIIDEiLFtbImtpbmRlcmdhcnRlbiIsMTEyMzAsMTAxMTAsIuaWsOW5vOWEv-WbrSJdXV1d';
  const OLD_EMBED_LINK = '?embed=1&lang=en';
  const OLD_NETWORK_LINK = '?cat=kindergarten&circle=wjc-1&v=13.2%2F31.29%2F121.52&dist=network';

  it('a share link made before walking became the default keeps showing straight-line figures', () => {
    const s = parseUrlState(OLD_SCENARIO_LINK);
    expect(s.distance).toBe('straight');
    expect(s.category).toBe('kindergarten');
    expect(s.scenarios[0]?.sites[0]?.name).toBe('新幼儿园');
    expect(parseUrlState(OLD_EMBED_LINK).distance).toBe('straight');
    expect(parseUrlState(OLD_NETWORK_LINK).distance).toBe('network');
    // the README's documented embed forms, made before this change
    expect(parseUrlState('?embed=1&cat=kindergarten').distance).toBe('straight');
    expect(parseUrlState('?embed=1&tab=nearby&at=121.52,31.28').distance).toBe('straight');
  });

  it('new links always say their distance beside any state, so reading them back gives what was shown', () => {
    const base = parseUrlState('');
    const walk = serialiseUrlState({ ...base, category: 'park' }, '');
    expect(new URLSearchParams(walk).get('dist')).toBe('walk');
    expect(parseUrlState(walk).distance).toBe('walk');
    const straight = serialiseUrlState({ ...base, category: 'park', distance: 'straight' }, '');
    expect(parseUrlState(straight).distance).toBe('straight');
    const scenarios = decodeScenarios(new URLSearchParams(OLD_SCENARIO_LINK).get('sc'));
    const withSc = serialiseUrlState({ ...base, scenarios }, '');
    expect(parseUrlState(withSc).distance).toBe('walk');
    // the default view with nothing chosen stays a bare address; a straight one says so
    expect(serialiseUrlState(base, '')).toBe('');
    expect(serialiseUrlState({ ...base, distance: 'straight' }, '')).toBe('?dist=straight');
    expect(parseUrlState(serialiseUrlState({ ...base, distance: 'network' }, '')).distance).toBe('network');
  });
});

describe('exports in walk mode', () => {
  const cells = (line: string) => line.split(',').map((c) => c.replace(/^"|"$/g, ''));
  const parse = (csv: string) => {
    const [h, ...rows] = csv.slice(1).split('\r\n').filter(Boolean).map(cells);
    return rows.map((r) => Object.fromEntries(h!.map((k, i) => [k, r[i]])));
  };

  it('the circle CSV carries the distance, the share’s low/high ends and measured vs estimated residents', () => {
    const [a, b] = parse(tableCsv(walkTable([row(), measured])));
    expect(a).toMatchObject({
      distance: 'walk',
      covered_share: '0.183',
      covered_share_low: '0.15',
      covered_share_high: '0.21',
      measured_share: '0.1',
      estimated_share: '0.9',
    });
    expect(b).toMatchObject({ measured_share: '1', estimated_share: '0', covered_share_low: '0.4' });
  });

  it('in straight-line mode those cells are empty, not zero', () => {
    const [a] = parse(
      tableCsv(walkTable([row({ estimate: null })], { distance: 'straight', routeFactors: null })),
    );
    expect(a).toMatchObject({
      distance: 'straight',
      covered_share_low: '',
      measured_share: '',
      estimated_share: '',
    });
  });

  it('before/after gives both ends before and after', () => {
    const after = walkTable([
      row({ populationShare: 0.3, estimate: estimate({ shareLow: 0.26, shareHigh: 0.33 }) }),
    ]);
    const [a] = parse(beforeAfterCsv(walkTable([row()]), after));
    expect(a).toMatchObject({
      share_before_low: '0.15',
      share_before_high: '0.21',
      share_after_low: '0.26',
      share_after_high: '0.33',
      measured_share: '0.1',
    });
  });

  it('each exported gap carries its circle’s share, range and measured share', () => {
    const gaps = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: {
            circleId: 'c1',
            category: 'elder-canteen',
            radiusM: 300,
            distance: 'walk' as const,
            areaM2: 1,
            population: 2,
          },
          geometry: { type: 'Polygon' as const, coordinates: [] },
        },
      ],
    };
    const out = gapsExport(gaps, walkTable([row()]));
    expect(out.features[0]!.properties).toMatchObject({
      circleId: 'c1',
      population: 2,
      circle_covered_share: 0.183,
      circle_covered_share_low: 0.15,
      circle_covered_share_high: 0.21,
      circle_measured_share: 0.1,
      circle_estimated_share: 0.9,
    });
    expect(gapsExport(gaps, null).features[0]!.properties.circle_covered_share).toBeNull();
  });
});

describe('the embed API in walk mode', () => {
  it('a selected circle reports its share’s range and how much of it is measured', () => {
    const p = selectedCirclePayload(
      { id: 'c1', name: '定海路-1', nameEn: '' },
      row(),
      'walk',
      'elder-canteen',
      300,
    );
    expect(p).toEqual({
      id: 'c1',
      name: '定海路-1',
      nameEn: '定海路-1',
      coveredShare: 0.183,
      coveredShareLow: 0.15,
      coveredShareHigh: 0.21,
      measuredShare: 0.1,
      distance: 'walk',
      category: 'elder-canteen',
      radiusM: 300,
      access: null,
    });
    const m = selectedCirclePayload({ id: 'c2', name: 'x', nameEn: 'x' }, measured, 'walk', 'park', 500);
    expect([m.coveredShareLow, m.coveredShareHigh, m.measuredShare]).toEqual([null, null, 1]);
  });

  it('a host may set the distance, only to one of the three kinds', () => {
    expect(parseEmbedMessage({ type: 'yangpu:set', distance: 'straight' })).toEqual({
      type: 'yangpu:set',
      distance: 'straight',
    });
    expect(parseEmbedMessage({ type: 'yangpu:set', distance: 'walking' })).toBeNull();
  });
});

describe('reports in walk mode', () => {
  it('carry each figure’s range to the tables and heat cells', () => {
    const tables = [walkTable([row(), measured])];
    const [r] = circleRows(tables, 'c1', new Map([['elder-canteen', 3]]));
    expect([r!.share, r!.low, r!.high]).toEqual([0.183, 0.15, 0.21]);
    const heat = circleHeat(tables, ['c1', 'c2'], ['elder-canteen']);
    expect(heat.map((h) => [h.lows, h.highs])).toEqual([
      [[0.15], [0.21]],
      [undefined, undefined], // measured throughout: no range
    ]);
    expect(worstGaps(tables, ['c1'], new Map([['elder-canteen', 3]]))[0]).toMatchObject({
      low: 0.15,
      high: 0.21,
    });
    expect(routeFactorsOf(tables)).toBe(FACTORS);
  });

  it('the method sentence names the km of mapped streets, the factors and the district-wide extract', () => {
    const en = walkMethodSentence(FACTORS, 'en');
    expect(en).toContain('212.4 km of mapped OSM streets');
    expect(en).toContain('×1.31 at 300 m');
    expect(en).toContain('a district-wide OSM extract replaces the estimate with measured walks');
    const zh = walkMethodSentence(FACTORS, 'zh');
    expect(zh).toContain('212.4 公里');
    expect(zh).toContain('全区 OSM');
    expect(walkMethodSentence(null, 'en')).toContain('district-wide OSM extract');
  });
});

describe('near me in walk mode', () => {
  it('outside the mapped network: the estimated walk with its range, judged by the estimate', () => {
    const d = nearbyDistance('elder-canteen', 250, null, FACTORS, 300);
    expect(d.kind).toBe('estimate');
    expect(d.distanceM).toBeCloseTo(250 * 1.31, 6);
    expect([d.lowM, d.highM].map((v) => Math.round(v!))).toEqual([295, 368]);
    expect(d.meets).toBe(false); // 250 m straight meets 300 m; the estimated 328 m walk does not
    expect(nearbyDistanceText(d, 'en')).toBe('est. walk 330 m (290–370 m)');
    expect(nearbyDistanceText(d, 'zh')).toBe('估算步行 330 米（290–370 米）');
  });

  it('a measured walk wins; the riverfront and the other modes stay straight', () => {
    expect(nearbyDistance('park', 250, 410, FACTORS, 500)).toMatchObject({
      kind: 'network',
      distanceM: 410,
      lowM: null,
      meets: true,
    });
    expect(nearbyDistance('riverfront', 250, null, FACTORS, 1000).kind).toBe('straight');
    expect(nearbyDistance('park', 250, null, null, 500)).toMatchObject({
      kind: 'straight',
      distanceM: 250,
      meets: true,
    });
  });
});
