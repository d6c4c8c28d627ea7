/**
 * Colours of the access analysis's map layers (issue 20), shared by the map and the legend:
 * capacity in reach by class relative to the district (RdYlBu, as the coverage classes; a
 * grey for "only sites of unknown capacity"), the basket's item counts (YlGnBu, light = few),
 * a scenario's newly covered / lost cells, and capacity rising / falling.
 */

/** Capacity classes 0–5 (see analysis/access/layers.ts): none, <½, ½–1, 1–2, ≥2 × district, unknown only. */
export const CAPACITY_COLOURS = ['#a50026', '#f46d43', '#fee090', '#abd9e9', '#4575b4', '#9e9e9e'] as const;

/** Basket counts 0 … n: a sequential ramp of n + 1 colours. */
export function basketColours(items: number): string[] {
  const ramp = [
    '#ffffd9',
    '#c7e9b4',
    '#7fcdbb',
    '#41b6c4',
    '#1d91c0',
    '#225ea8',
    '#253494',
    '#081d58',
    '#040c2e',
  ];
  if (items <= 0) return [ramp[0]!];
  return Array.from(
    { length: items + 1 },
    (_, k) => ramp[Math.round((k * (ramp.length - 1)) / Math.max(items, 1))]!,
  );
}

/** Difference layers: value 1 and 2. */
export const DIFFERENCE_COLOURS = { gained: '#1a9850', lost: '#d73027' } as const;
export const CAPACITY_CHANGE_COLOURS = { rise: '#2166ac', fall: '#b2182b' } as const;
