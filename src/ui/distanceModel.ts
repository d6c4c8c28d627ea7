/**
 * The one place that names a distance model in words, for every note, legend and caption
 * (the coverage panel, the legend, the suggestions, the reports). A model the engine does
 * not know yet is named here too ('walk': walking, best available), so a new model only
 * plugs in: every text that names the model in force follows.
 */
import type { DistanceKind } from '../analysis/coverage/engine';
import type { Lang } from '../core/lang';

/** The distance models named: the engine's kinds (straight, network, walking (best available)). */
export type DistanceModel = DistanceKind;

/**
 * How much is said: `short` for a label, a legend or a fact box ("直线距离"); `full` for a
 * note or a caveat (with how it is measured).
 */
export type DistanceWording = 'short' | 'full';

const NAMES: Record<DistanceModel, Record<DistanceWording, Record<Lang, string>>> = {
  straight: {
    short: { zh: '直线距离', en: 'straight line' },
    full: {
      zh: '直线距离（标准所述的服务半径）',
      en: 'straight line (the service radii the standards state)',
    },
  },
  network: {
    short: { zh: '步行网络距离（网络外按直线）', en: 'walking network (straight line outside it)' },
    full: {
      zh: '步行网络距离：步行网络内的居民按沿街步行距离，其余居民及滨江可达按直线距离',
      en: 'walking along the street network for residents in the network, straight line for the others and for the riverfront',
    },
  },
  walk: {
    short: { zh: '步行距离（最佳可得）', en: 'walking (best available)' },
    full: {
      zh: '步行距离（最佳可得）：步行网络内的居民按实测沿街步行距离，其余居民按直线距离×实测非直线系数估算（带区间），滨江可达按直线距离',
      en: 'walking (best available): a measured walk along the street network for residents in the network, an estimate (straight line × a measured route factor, with its range) for the others, straight line for the riverfront',
    },
  },
};

/** The distance model in words ("直线距离" / "straight line"); unknown models are named by their id. */
export function distanceModelName(
  model: DistanceModel,
  lang: Lang,
  wording: DistanceWording = 'short',
): string {
  return NAMES[model]?.[wording][lang] ?? model;
}

/** The name with a capital first letter (English labels at the start of a line; Chinese unchanged). */
export function distanceModelLabel(
  model: DistanceModel,
  lang: Lang,
  wording: DistanceWording = 'short',
): string {
  const name = distanceModelName(model, lang, wording);
  return lang === 'en' ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}
