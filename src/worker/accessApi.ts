/**
 * The coverage worker's access methods (issue 20): capacity in reach, fairness, the basket,
 * scenario differences and their map layers. Part of CoverageApi (coverageApi.ts).
 */

import type { Decay } from '../analysis/access/capacity';
import type { CapacityDifference, CoverageDifference } from '../analysis/access/difference';
import type { AccessLayer, AccessLayerKind } from '../analysis/access/layers';
import type { AccessDistance } from '../analysis/access/reach';
import type { AccessSummary, BasketSummary, OverviewRow } from '../analysis/access/summary';
import type { RouteFactors } from '../analysis/network/routeFactors';
import type { CoverageQuery } from './coverageApi';

/** A coverage query with the access analysis's options. */
export interface AccessQuery extends Omit<CoverageQuery, 'distance'> {
  distance?: AccessDistance;
  /** 2SFCA weights (default binary) */
  decay?: Decay;
  /** the basket, as a link carries it (basket.ts encodeBasket); default the 一老一小 basket */
  basket?: string;
  /** walk mode: the route factors of the estimate */
  routeFactors?: RouteFactors | null;
}

/** Difference rows without the per-cell arrays. */
export type DifferenceSummary = Omit<CoverageDifference, 'cell'>;
export type CapacityDifferenceSummary = Omit<CapacityDifference, 'cellChange'>;

export type AccessApi = {
  /** Capacity in reach, fairness and the basket for one type (today's facilities, or a scenario's). */
  access: { params: AccessQuery; result: AccessSummary & { total: number } };
  /** Every type at its standard: the district's capacity, Gini and Lorenz curves; the basket. */
  accessOverview: {
    params: Omit<AccessQuery, 'category' | 'radiusM'>;
    result: { rows: OverviewRow[]; basket: BasketSummary; ms: number };
  };
  /** A scenario (`sites`, gates, closures) against today: cells and people gained and lost; capacity change. */
  difference: {
    params: AccessQuery;
    result: { coverage: DifferenceSummary; capacity: CapacityDifferenceSummary | null; ms: number };
  };
  /** A map layer of the access analysis (difference layers need a scenario in the query). */
  accessLayer: {
    params: AccessQuery & { layer: AccessLayerKind; circles?: string[] };
    result: { layer: AccessLayer | null; ms: number };
  };
};
