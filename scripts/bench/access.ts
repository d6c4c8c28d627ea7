/**
 * `npm run bench` — the access analysis (issue 20) for all 33 circles, side by side with
 * today's coverage table of the same query, each on a fresh engine with no site catchments
 * kept (what a change of type, radius or distance model costs the worker; a scenario's
 * engine then reuses today's sites' catchments), in straight-line and network
 * modes: capacity in reach (2SFCA, binary and Gaussian), fairness (Gini, Lorenz), the
 * 一老一小 basket (10 types), a scenario's difference (one proposed site: its table, the
 * cells and people gained, capacity change) and the map layers' polygons.
 * The budget: ≤ 100 ms of worker time per answer (the 0.1 s a response feels immediate).
 */
import type { Position } from 'geojson';
import { basketAccess, DEFAULT_BASKET } from '../../src/analysis/access/basket';
import { capacityAccess } from '../../src/analysis/access/capacity';
import { capacityDifference, coverageDifference } from '../../src/analysis/access/difference';
import { fairness } from '../../src/analysis/access/fairness';
import { accessLayer } from '../../src/analysis/access/layers';
import { resetSiteCache } from '../../src/analysis/access/reach';
import { accessSummary } from '../../src/analysis/access/summary';
import { CoverageEngine, type FacilityPoint } from '../../src/analysis/coverage/engine';
import type { PopulationModel } from '../../src/analysis/coverage/model';
import type { NetworkContext } from '../../src/analysis/network/context';
import type { CoverageCategory } from '../../src/core/categories';
import { type BenchResult, bench } from './harness';

/** The interactive budget of one worker answer, ms. */
export const BUDGET_MS = 100;

export function accessBench(
  model: PopulationModel,
  facilities: FacilityPoint[],
  riverfront: Position[][],
  network: NetworkContext | null,
): { rows: BenchResult[]; notes: string[] } {
  const rows: BenchResult[] = [];
  // cold: a new engine and no kept site catchments (what a change of type or radius costs)
  const fresh = () => {
    resetSiteCache();
    return new CoverageEngine(model, facilities, riverfront, { network });
  };
  const site: FacilityPoint = {
    id: 'bench',
    category: 'nursing-home',
    lonLat: [121.52, 31.3],
    capacity: 200,
  };
  const cases: [CoverageCategory, number][] = [
    ['nursing-home', 1000],
    ['health-centre', 1000],
    ['park', 500],
  ];
  const opts = { warmup: 2, runs: 7 };
  for (const distance of ['straight', 'network'] as const) {
    if (distance === 'network' && !network) continue;
    const tag = distance === 'network' ? ' [network]' : '';
    for (const [category, radiusM] of cases) {
      const q = { category, radiusM, distance };
      rows.push(
        bench(
          `${category} @ ${radiusM} m${tag}: today's table`,
          () => fresh().table(category, radiusM, distance),
          opts,
        ),
      );
      rows.push(
        bench(
          `${category} @ ${radiusM} m${tag}: capacity ratio (binary)`,
          () => capacityAccess(fresh(), q),
          opts,
        ),
      );
      rows.push(
        bench(
          `${category} @ ${radiusM} m${tag}: capacity ratio (Gaussian)`,
          () => capacityAccess(fresh(), { ...q, decay: 'gaussian' }),
          opts,
        ),
      );
      rows.push(
        bench(
          `${category} @ ${radiusM} m${tag}: fairness (distance + capacity Gini)`,
          () => {
            const e = fresh();
            fairness(e, { ...q, measure: 'distance' });
            fairness(e, { ...q, measure: 'capacity' });
          },
          opts,
        ),
      );
    }
    rows.push(
      bench(
        `one 'access' answer: nursing-home @ 1000 m${tag} (capacity + fairness + basket)`,
        () => accessSummary(fresh(), 'nursing-home', 1000, { distance }),
        opts,
      ),
    );
    rows.push(
      bench(
        `basket (10 types, both sides)${tag}`,
        () => basketAccess(fresh(), DEFAULT_BASKET, { distance }),
        opts,
      ),
    );
    const base = fresh();
    base.table('nursing-home', 1000, distance);
    capacityAccess(base, { category: 'nursing-home', radiusM: 1000, distance });
    rows.push(
      bench(
        `difference map: +1 nursing home @ 1000 m${tag} (its table, gained cells, capacity change)`,
        () => {
          const after = base.withFacilities([site]);
          after.table('nursing-home', 1000, distance);
          coverageDifference(base, after, 'nursing-home', 1000, distance);
          capacityDifference(base, after, { category: 'nursing-home', radiusM: 1000, distance });
        },
        opts,
      ),
    );
    rows.push(
      bench(
        `difference layer polygons (33 circles)${tag}`,
        () => {
          const after = base.withFacilities([site]);
          accessLayer(base, 'difference', 'nursing-home', 1000, { distance, scenario: after });
        },
        opts,
      ),
    );
    rows.push(
      bench(
        `capacity layer polygons (33 circles, cached ratio)${tag}`,
        () => accessLayer(base, 'capacity', 'nursing-home', 1000, { distance }),
        opts,
      ),
    );
  }
  const over = rows.filter((r) => r.medianMs > BUDGET_MS).map((r) => r.name);
  return {
    rows,
    notes: [
      `budget: ≤ ${BUDGET_MS} ms of worker time per answer; over it (median): ${over.length ? over.join('; ') : 'none'}`,
    ],
  };
}
