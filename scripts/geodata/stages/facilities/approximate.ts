/**
 * Sites of different names on one point: the source placed them at a common point (a
 * building, a road, a 街道 office) rather than at each site, so their positions are
 * approximate. Flagged `locatedApproximately` (never moved); kept exact where every site of
 * the point states an address and they share a house number (a canteen inside its home).
 */
import type { FacilityFeature } from '../../../../src/core/schema';

/** One point several sites of different names share. */
export interface SharedPoint {
  /** WGS-84 [lon, lat] */
  coordinates: [number, number];
  ids: string[];
  names: string[];
  /** true: flagged approximate; false: they share a stated house number */
  approximate: boolean;
}

/** "road + house number" tokens of an address: "上海市杨浦区安图路18弄39号（延吉东路147号）" → 安图路18, 延吉东路147. */
export function addressTokens(address: string): Set<string> {
  const text = address.replace(/^上海市?/, '').replace(/^杨浦区/, '');
  return new Set(
    [...text.matchAll(/([\u4e00-\u9fff]+?(?:路|村|弄|街|巷|坊))(\d+)/g)].map((m) => m[1]! + m[2]!),
  );
}

/** Whether every site states an address and all of them share one road + house number. */
function shareAnAddress(features: FacilityFeature[]): boolean {
  if (features.some((f) => !f.properties.address)) return false;
  const [first, ...rest] = features.map((f) => addressTokens(f.properties.address!));
  return [...first!].some((token) => rest.every((set) => set.has(token)));
}

/**
 * Flag every facility: `locatedApproximately` true (and `sharedPointWith` the other ids)
 * where it shares its exact point with a site of another name and no stated house number
 * explains it; false elsewhere. Mutates the features' properties; returns every shared point.
 */
export function flagSharedPoints(features: FacilityFeature[]): SharedPoint[] {
  const byPoint = new Map<string, FacilityFeature[]>();
  for (const f of features) {
    const key = f.geometry.coordinates.join(',');
    byPoint.set(key, [...(byPoint.get(key) ?? []), f]);
    f.properties.locatedApproximately = false;
  }
  const shared: SharedPoint[] = [];
  for (const group of byPoint.values()) {
    if (new Set(group.map((f) => f.properties.name)).size < 2) continue;
    const approximate = !shareAnAddress(group);
    const ids = group.map((f) => f.properties.id).sort();
    for (const f of group) {
      if (!approximate) continue;
      f.properties.locatedApproximately = true;
      f.properties.sharedPointWith = ids.filter((id) => id !== f.properties.id);
    }
    const [lon, lat] = group[0]!.geometry.coordinates as [number, number];
    shared.push({ coordinates: [lon, lat], ids, names: group.map((f) => f.properties.name), approximate });
  }
  return shared.sort((a, b) => b.ids.length - a.ids.length || a.ids[0]!.localeCompare(b.ids[0]!));
}
