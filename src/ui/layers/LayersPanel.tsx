import { CATEGORIES, type CategoryInfo, FAMILIES } from '../../core/categories';
import type { UnlocatedFacility } from '../../core/schema';
import { CATEGORY_COLOURS, RIVERFRONT_COLOUR } from '../../map/palette';
import { POPULATION_EXTENT_COLOUR, POPULATION_METHOD_STYLE } from '../../map/populationLayers';
import { IMPORTED_RING, LAYER_GROUPS, type LayerGroup } from '../../map/style';
import { type Lang, t } from '../i18n';
import { s } from './strings';

const GROUP_ORDER = Object.keys(LAYER_GROUPS) as LayerGroup[];

function LegendRow({ info, count, lang }: { info: CategoryInfo; count: number; lang: Lang }) {
  return (
    <li class={count === 0 ? 'legend-row empty' : 'legend-row'}>
      <span
        class="swatch dot"
        style={{ background: CATEGORY_COLOURS[info.id as keyof typeof CATEGORY_COLOURS] }}
      />
      <span>{info[lang]}</span>
      <span class="count">{count}</span>
    </li>
  );
}

/** What the population-model layer's colours mean. */
function PopulationLegend({ lang }: { lang: Lang }) {
  const methods = ['building', 'buildings-area', 'landuse', 'other-building', 'land'] as const;
  return (
    <div data-testid="population-legend">
      <h3>{s('populationLegend', lang)}</h3>
      <ul class="legend">
        {methods.map((m) => (
          <li key={m} class="legend-row">
            <span
              class="swatch"
              style={{
                background: POPULATION_METHOD_STYLE[m].colour,
                opacity: POPULATION_METHOD_STYLE[m].opacity,
              }}
            />
            <span>{s(`method.${m}`, lang)}</span>
          </li>
        ))}
        <li class="legend-row">
          <span
            class="swatch"
            style={{
              background: POPULATION_METHOD_STYLE.extent.colour,
              border: `1px dashed ${POPULATION_EXTENT_COLOUR}`,
            }}
          />
          <span>{s('method.extent', lang)}</span>
        </li>
      </ul>
      <p class="note">{s('populationNote', lang)}</p>
    </div>
  );
}

/** Layer toggles, the facility legend with counts, and the official facilities with an address only. */
export function LayersPanel(p: {
  lang: Lang;
  visible: Record<LayerGroup, boolean>;
  counts: Map<string, number>;
  unlocated: UnlocatedFacility[];
  /** facilities from the planner's imports on the map */
  imported?: number;
  onToggle(group: LayerGroup): void;
}) {
  const { lang } = p;
  return (
    <>
      <section aria-labelledby="layers-title">
        <h2 id="layers-title">{t('layers', lang)}</h2>
        <ul class="toggles">
          {GROUP_ORDER.map((g) => (
            <li key={g}>
              <label>
                <input type="checkbox" checked={p.visible[g]} onChange={() => p.onToggle(g)} />
                {t(`group.${g}`, lang)}
              </label>
            </li>
          ))}
        </ul>
        {p.visible.population && <PopulationLegend lang={lang} />}
      </section>
      <section aria-labelledby="legend-title">
        <h2 id="legend-title">{t('legend', lang)}</h2>
        {FAMILIES.map((family) => (
          <div key={family.id}>
            <h3>{family[lang]}</h3>
            <ul class="legend">
              {CATEGORIES.filter((c) => c.family === family.id).map((c) => (
                <LegendRow key={c.id} info={c} count={p.counts.get(c.id) ?? 0} lang={lang} />
              ))}
            </ul>
          </div>
        ))}
        <ul class="legend">
          {(p.imported ?? 0) > 0 && (
            <li class="legend-row" data-testid="legend-imported">
              <span
                class="swatch dot"
                style={{ background: '#ffffff', border: `2.5px solid ${IMPORTED_RING}` }}
              />
              <span>{s('importedSites', lang)}</span>
              <span class="count">{p.imported}</span>
            </li>
          )}
          <li class="legend-row">
            <span class="swatch line" style={{ background: RIVERFRONT_COLOUR }} />
            <span>{t('group.riverfront', lang)}</span>
          </li>
          <li class="legend-row">
            <span class="swatch dashed" />
            <span>{t('group.circles', lang)}</span>
          </li>
        </ul>
      </section>
      <section aria-labelledby="unlocated-title">
        <h2 id="unlocated-title">{t('unlocated', lang)}</h2>
        <ul class="unlocated">
          {p.unlocated.map((u) => (
            <li key={u.id}>
              <strong>{u.name}</strong> <span class="tag">{t('addressOnly', lang)}</span>
              <br />
              <small>
                {u.address ?? '—'} · {lang === 'zh' ? (u.reasonZh ?? u.reason) : u.reason}
              </small>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
