/**
 * Which access layer the map draws (none, capacity in reach, the baskets' item counts, a
 * scenario's newly covered cells or capacity change) and its legend, from the same colours
 * as the map (src/map/accessPalette.ts).
 */
import type { AccessLayer, AccessLayerKind } from '../../analysis/access/layers';
import {
  basketColours,
  CAPACITY_CHANGE_COLOURS,
  CAPACITY_COLOURS,
  DIFFERENCE_COLOURS,
} from '../../map/accessPalette';
import { downloadGeoJson } from '../coverage/exporters';
import { formatNumber, type Lang } from '../i18n';
import { s } from './strings';

const LABEL: Record<AccessLayerKind, Parameters<typeof s>[0]> = {
  capacity: 'layerCapacity',
  'basket-elder': 'layerBasketElder',
  'basket-child': 'layerBasketChild',
  difference: 'layerDifference',
  'capacity-difference': 'layerCapacityDifference',
};

export function AccessLayerPicker(p: {
  lang: Lang;
  kind: AccessLayerKind | null;
  layer: AccessLayer | null;
  /** the type has a capacity (the capacity layers can be drawn) */
  capacity: boolean;
  /** a scenario changes something (the difference layers can be drawn) */
  scenario: boolean;
  onKind(k: AccessLayerKind | null): void;
}) {
  const { lang } = p;
  const kinds = (Object.keys(LABEL) as AccessLayerKind[]).filter(
    (k) =>
      (k !== 'capacity' || p.capacity) &&
      (k !== 'difference' || p.scenario) &&
      (k !== 'capacity-difference' || (p.scenario && p.capacity)),
  );
  return (
    <fieldset class="access-layer" data-testid="access-layer">
      <legend>{s('layer', lang)}</legend>
      <label>
        <input type="radio" name="access-layer" checked={p.kind === null} onChange={() => p.onKind(null)} />
        {s('layerNone', lang)}
      </label>
      {kinds.map((k) => (
        <label key={k}>
          <input
            type="radio"
            name="access-layer"
            value={k}
            checked={p.kind === k}
            onChange={() => p.onKind(k)}
          />
          {s(LABEL[k], lang)}
        </label>
      ))}
      {p.layer && p.layer.kind === p.kind && (
        <>
          <AccessLegend lang={lang} layer={p.layer} />
          <button
            type="button"
            data-testid="export-access-layer"
            onClick={() =>
              downloadGeoJson(
                {
                  ...p.layer!.features,
                  properties: {
                    layer: p.layer!.kind,
                    breaks: p.layer!.breaks,
                    reference: p.layer!.reference,
                  },
                },
                `yangpu-access-${p.layer!.kind}.geojson`,
              )
            }
          >
            {s('exportLayer', lang)}
          </button>
        </>
      )}
    </fieldset>
  );
}

function Key(p: { colour: string; label: string }) {
  return (
    <li>
      <span class="swatch" style={{ background: p.colour }} aria-hidden="true" />
      {p.label}
    </li>
  );
}

export function AccessLegend(p: { lang: Lang; layer: AccessLayer }) {
  const { lang, layer } = p;
  const n = (v: number) => formatNumber(v, lang, 2);
  let keys: { colour: string; label: string }[] = [];
  if (layer.kind === 'capacity') {
    const [a, b, c] = layer.breaks as [number, number, number];
    keys = [
      { colour: CAPACITY_COLOURS[0], label: s('classNone', lang) },
      { colour: CAPACITY_COLOURS[1], label: `< ${n(a)}` },
      { colour: CAPACITY_COLOURS[2], label: `${n(a)}–${n(b)} (${s('districtRef', lang)} ${n(b)})` },
      { colour: CAPACITY_COLOURS[3], label: `${n(b)}–${n(c)}` },
      { colour: CAPACITY_COLOURS[4], label: `≥ ${n(c)}` },
      { colour: CAPACITY_COLOURS[5], label: s('classUnknown', lang) },
    ];
  } else if (layer.kind === 'basket-elder' || layer.kind === 'basket-child') {
    const items = layer.breaks.length;
    keys = basketColours(items).map((colour, k) => ({
      colour,
      label: `${k} / ${items} ${s('basketItems', lang)}`,
    }));
  } else if (layer.kind === 'difference') {
    keys = [
      { colour: DIFFERENCE_COLOURS.gained, label: s('gained', lang) },
      { colour: DIFFERENCE_COLOURS.lost, label: s('lost', lang) },
    ];
  } else {
    keys = [
      { colour: CAPACITY_CHANGE_COLOURS.rise, label: s('rise', lang) },
      { colour: CAPACITY_CHANGE_COLOURS.fall, label: s('fall', lang) },
    ];
  }
  return (
    <ul class="access-legend" data-testid="access-legend">
      {keys.map((k) => (
        <Key key={k.label} {...k} />
      ))}
    </ul>
  );
}
