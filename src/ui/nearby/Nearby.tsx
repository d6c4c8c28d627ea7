import type { NearestResult } from '../../analysis/nearest';
import { walkingMinutes } from '../../analysis/nearest';
import type { WalksFrom } from '../../analysis/network/nearest';
import type { RouteFactors } from '../../analysis/network/routeFactors';
import { CATEGORIES, FAMILIES } from '../../core/categories';
import { formatNumber, type Lang, t } from '../i18n';
import { nearbyDistance, nearbyDistanceText } from './estimate';
import { s } from './strings';

/** The resident's view: the nearest facility of each type from a chosen point. */
export function Nearby(p: {
  lang: Lang;
  point: [number, number] | null;
  /** where the point is, in words (subdistrict, circle, nearest named place) */
  placeText: string | null;
  /** the facility picked in the list (its line is highlighted on the map) */
  picked: string | null;
  results: NearestResult[];
  /** walks along the network (null outside it); `hasNetwork` says whether one exists at all */
  walks: WalksFrom | null;
  hasNetwork: boolean;
  /** walking (best available): the route factors that estimate walks outside the network; null otherwise */
  factors?: RouteFactors | null;
  facilityName(id: string): string;
  onFacility(id: string): void;
  onUseLocation(): void;
  onClear(): void;
  message: string | null;
}) {
  const { lang } = p;
  const label = (id: string) =>
    id === 'riverfront' ? t('riverfrontAccess', lang) : (CATEGORIES.find((c) => c.id === id)?.[lang] ?? id);
  const groups = [
    ...FAMILIES.map((f) => ({
      title: f[lang],
      rows: p.results.filter((r) => CATEGORIES.find((c) => c.id === r.category)?.family === f.id),
    })),
    { title: t('riverfrontAccess', lang), rows: p.results.filter((r) => r.category === 'riverfront') },
  ].filter((g) => g.rows.length > 0);
  return (
    <section aria-labelledby="nearby-title">
      <h2 id="nearby-title">{t('tabNearby', lang)}</h2>
      <p class="note">{t('nearbyHelp', lang)}</p>
      <div class="buttons">
        <button type="button" onClick={p.onUseLocation}>
          {t('useLocation', lang)}
        </button>
        {p.point && (
          <button type="button" onClick={p.onClear}>
            {t('clearPoint', lang)}
          </button>
        )}
      </div>
      {p.message && (
        <p class="notice" role="status">
          {p.message}
        </p>
      )}
      {p.point && (
        <>
          <p class="nearby-place" data-testid="nearby-point">
            {p.placeText}{' '}
            <small>
              ({formatNumber(p.point[1], lang, 5)}° N, {formatNumber(p.point[0], lang, 5)}° E)
            </small>
          </p>
          {groups.map((g) => (
            <div key={g.title}>
              <h3>{g.title}</h3>
              <ul class="nearby">
                {g.rows.map((r) => {
                  const w = p.walks?.categories.find((x) => x.category === r.category);
                  const n = w ? { id: w.id, distanceM: w.distanceM } : r.nearest[0];
                  const d = n
                    ? nearbyDistance(
                        r.category,
                        n.distanceM,
                        w ? w.distanceM : null,
                        p.factors ?? null,
                        r.standardM,
                      )
                    : null;
                  const meets = d ? d.meets : r.meetsStandard;
                  return (
                    <li
                      key={r.category}
                      class={`${meets ? 'meets' : 'misses'}${n && n.id === p.picked ? ' picked' : ''}`}
                      aria-current={n && n.id === p.picked ? 'true' : undefined}
                      data-walk={d?.kind ?? 'straight'}
                    >
                      <span class="nearby-cat">{label(r.category)}</span>
                      {n ? (
                        <span>
                          {r.category === 'riverfront' ? (
                            label(r.category)
                          ) : (
                            <button type="button" class="link" onClick={() => p.onFacility(n.id)}>
                              {p.facilityName(n.id)}
                            </button>
                          )}{' '}
                          {d && d.kind !== 'straight'
                            ? nearbyDistanceText(d, lang)
                            : `${formatNumber(n.distanceM, lang)} ${t('metres', lang)}`}{' '}
                          · ≈{formatNumber(walkingMinutes(d?.distanceM ?? n.distanceM), lang)}{' '}
                          {t('minutes', lang)}
                        </span>
                      ) : (
                        <span>{t('noFacilities', lang)}</span>
                      )}
                      <span class="verdict">
                        {meets ? '✓' : '✗'} {meets ? t('meets', lang) : t('misses', lang)} (
                        {formatNumber(r.standardM, lang)} {t('metres', lang)})
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
          <p class="note" data-testid="nearby-distance-note">
            {p.walks
              ? s('walkingNote', lang)
              : p.factors
                ? s('estimateNote', lang)
                : `${p.hasNetwork ? s('outsideNetwork', lang) : ''} ${t('straightLine', lang)} ${t('walkEstimate', lang)}`}
          </p>
        </>
      )}
    </section>
  );
}
