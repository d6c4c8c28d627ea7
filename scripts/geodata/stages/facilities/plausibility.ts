/**
 * Is a source record plausibly a Yangpu site at its point? Two checks the data can decide:
 * the name or address names another Shanghai district (上海市崇明…, 黄浦区…), and the point
 * lies far outside the subdistrict the record itself names (殷行社区… drawn in 长海路街道).
 * Pure: names, addresses and polygons in, a bilingual reason (or null) out.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInGeometry } from '../../../../src/core/geo';
import type { Reason } from './lists';

/** Shanghai's other 15 districts, and the names of four merged since 2000 (闸北, 卢湾, 南汇, 南市). */
export const OTHER_DISTRICTS = [
  '崇明',
  '浦东',
  '黄浦',
  '虹口',
  '静安',
  '徐汇',
  '长宁',
  '普陀',
  '闵行',
  '宝山',
  '嘉定',
  '金山',
  '松江',
  '青浦',
  '奉贤',
  '闸北',
  '卢湾',
  '南汇',
  '南市',
] as const;

/**
 * The other district a name or address names, or null. A district counts only as a district:
 * "黄浦区…", "崇明县", or a name that opens with it ("上海市崇明心连心…"); a street or place that
 * merely contains the word (宝山路, 长宁路, 虹口港, 闵行路) does not, and neither does an
 * address, which opens with its road.
 */
export function otherDistrictNamed(name: string, address: string | null): string | null {
  for (const d of OTHER_DISTRICTS) {
    const asDistrict = new RegExp(`${d}(区|县)`);
    const opensName = new RegExp(`^(上海市?)?${d}(?![路街道弄巷港桥村镇口])`);
    if (asDistrict.test(name) || opensName.test(name) || asDistrict.test(address ?? '')) return d;
  }
  return null;
}

/** How far outside its named subdistrict a point may lie and still be kept (m): see FAR_REASON. */
export const NAMED_SUBDISTRICT_TOLERANCE_M = 300;

/** The subdistrict a facility's name names ("殷行社区", "长白新村街道", "延吉社区"), by its short form. */
const SUBDISTRICT_IN_NAME =
  /(定海|平凉|江浦|四平|控江|长白|延吉|殷行|大桥|五角场|新江湾城|新江湾|长海)(路|新村|城)?(街道|社区)/;

/** The full name of the subdistrict ("长白新村街道") that a name names, among `names`, or null. */
export function subdistrictNamedIn(name: string, names: string[]): string | null {
  const m = SUBDISTRICT_IN_NAME.exec(name);
  if (!m) return null;
  const short = m[1]!.replace(/^新江湾$/, '新江湾城');
  return names.find((n) => n.startsWith(short)) ?? null;
}

/** Metres from `p` to the nearest edge of `g` (local equirectangular, good to < 0.5 % in Yangpu). */
export function distanceToEdgeM(p: Position, g: Polygon | MultiPolygon): number {
  const kx = 111_320 * Math.cos((p[1]! * Math.PI) / 180);
  const ky = 110_574;
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = (ring[i]![0]! - p[0]!) * kx;
      const ay = (ring[i]![1]! - p[1]!) * ky;
      const dx = (ring[i + 1]![0]! - ring[i]![0]!) * kx;
      const dy = (ring[i + 1]![1]! - ring[i]![1]!) * ky;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

export interface NamedPlace {
  name: string;
  address: string | null;
  /** the subdistrict the source states for it ('' or null: none) */
  subdistrictStated: string | null;
  coordinates: Position;
  /** its subdistrict by point in polygon */
  subdistrict: string;
}

/**
 * Why a placed record is not shown, or null when it is plausible: it names another district,
 * or it lies more than NAMED_SUBDISTRICT_TOLERANCE_M outside the subdistrict its name (or its
 * source) states — the point then cannot be at its stated address. Within the tolerance the
 * gap is a matter of the boundary polygons (OSM-derived) and of geocoding accuracy, and the
 * record is kept.
 */
export function implausibility(
  place: NamedPlace,
  subdistricts: { name: string; geometry: Polygon | MultiPolygon }[],
): Reason | null {
  const district = otherDistrictNamed(place.name, place.address);
  if (district) return otherDistrictReason(district);
  const names = subdistricts.map((s) => s.name);
  const stated = subdistrictNamedIn(place.name, names) ?? (place.subdistrictStated || null);
  if (!stated || stated === place.subdistrict) return null;
  const polygon = subdistricts.find((s) => s.name === stated);
  if (!polygon || pointInGeometry(place.coordinates, polygon.geometry)) return null;
  const outM = distanceToEdgeM(place.coordinates, polygon.geometry);
  if (outM <= NAMED_SUBDISTRICT_TOLERANCE_M) return null;
  return farReason(stated, place.subdistrict, outM);
}

export function otherDistrictReason(district: string): Reason {
  return {
    en: `names another Shanghai district (${district}): not a Yangpu site, whatever its point`,
    zh: `名称或地址指向上海其他区（${district}），并非杨浦的设施，无论其坐标落在何处`,
  };
}

function farReason(stated: string, actual: string, outM: number): Reason {
  const m = Math.round(outM);
  return {
    en: `far from its stated address: it names ${stated}, but its point lies ${m} m outside it (in ${actual}; more than ${NAMED_SUBDISTRICT_TOLERANCE_M} m, beyond boundary and geocoding error)`,
    zh: `位置与所述地址不符：名称为${stated}，坐标却在其界外${m}米（${actual}；超过${NAMED_SUBDISTRICT_TOLERANCE_M}米，已超出边界与地理编码误差）`,
  };
}
