/**
 * The report's link to the live view (pure): the map as the planner had it when the report
 * was opened, with the type (`cat=`), its walking distance (`r=`, m) and the distance model
 * (`dist=`) always written out — a report on canteens at 300 m walking links to canteens at
 * 300 m walking, even where those are today's defaults (defaults change; a printed link stays).
 */
import type { DistanceKind } from '../../analysis/coverage/tables';
import type { Focus } from './requests';

export function liveViewHref(shared: string, focus: Focus, distance: DistanceKind): string {
  const url = new URL(shared);
  url.searchParams.set('cat', focus.category);
  url.searchParams.set('r', String(focus.radiusM));
  url.searchParams.set('dist', distance);
  return url.href;
}
