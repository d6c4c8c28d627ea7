/**
 * The handlers of the access methods (accessApi.ts), on the coverage worker's engines: the
 * base engine (today) and the scenario engine the coverage handlers keep.
 */
import { DEFAULT_BASKET, parseBasket } from '../analysis/access/basket';
import { capacityDifference, coverageDifference } from '../analysis/access/difference';
import { accessLayer } from '../analysis/access/layers';
import { type AccessOptions, accessOverview, accessSummary } from '../analysis/access/summary';
import type { CoverageEngine } from '../analysis/coverage/engine';
import type { AccessApi, AccessQuery } from './accessApi';
import type { CoverageQuery } from './coverageApi';
import type { Handlers } from './rpc';

export interface AccessHost {
  /** the base engine (throws when not initialised, or for a test hook) */
  ready(method: string): CoverageEngine;
  /** the engine with the query's sites, gates and closures */
  withSites(base: CoverageEngine, q: CoverageQuery): CoverageEngine;
}

function optionsOf(q: Omit<AccessQuery, 'category' | 'radiusM'>): AccessOptions {
  let basket = DEFAULT_BASKET;
  if (q.basket !== undefined) {
    const parsed = parseBasket(q.basket);
    if (!parsed) throw new Error(`not a basket: "${q.basket}"`);
    basket = parsed;
  }
  return { distance: q.distance, decay: q.decay, routeFactors: q.routeFactors ?? null, basket };
}

/** The engines' distance kind of a query (the coverage query's own field). */
const asCoverage = (q: AccessQuery): CoverageQuery =>
  ({ ...q, distance: q.distance === 'straight' ? 'straight' : 'network' }) as CoverageQuery;

export function createAccessHandlers(host: AccessHost): Handlers<AccessApi> {
  const timed = <T>(work: () => T): T & { ms: number } => {
    const t0 = performance.now();
    const out = work();
    return { ...out, ms: performance.now() - t0 };
  };
  return {
    access(q) {
      const e = host.withSites(host.ready('access'), asCoverage(q));
      const t0 = performance.now();
      const out = accessSummary(e, q.category, q.radiusM, optionsOf(q));
      return { ...out, total: performance.now() - t0 };
    },
    accessOverview(q) {
      const e = host.ready('accessOverview');
      return timed(() => accessOverview(e, optionsOf(q)));
    },
    difference(q) {
      const base = host.ready('difference');
      const after = host.withSites(base, asCoverage(q));
      return timed(() => {
        const { cell: _c, ...coverage } = coverageDifference(base, after, q.category, q.radiusM, q.distance);
        const cap = capacityDifference(base, after, {
          ...optionsOf(q),
          category: q.category,
          radiusM: q.radiusM,
        });
        let capacity = null;
        if (cap) {
          const { cellChange: _x, ...rest } = cap;
          capacity = rest;
        }
        return { coverage, capacity };
      });
    },
    accessLayer(q) {
      const base = host.ready('accessLayer');
      const scenario = host.withSites(base, asCoverage(q));
      const difference = q.layer === 'difference' || q.layer === 'capacity-difference';
      const ids = base.model.circles.map((c) => c.id);
      const circles = q.circles?.map((id) => ids.indexOf(id)).filter((k) => k >= 0);
      return timed(() => ({
        layer: accessLayer(difference ? base : scenario, q.layer, q.category, q.radiusM, {
          ...optionsOf(q),
          scenario: difference ? scenario : undefined,
          circles,
        }),
      }));
    },
  };
}
