/**
 * The resident widget (?embed=1&tab=nearby&at=lon,lat): the place (its life circle and
 * subdistrict) and, in a compact table, the nearest facility of every type with its distance,
 * minutes and whether it is within the standard distance. Distances come from the near-me
 * feature: walking along the network where it reaches the place (`walks`), else straight-line
 * (`nearest`); each row says which.
 */
import { walkingMinutes } from '../../analysis/nearest';
import { categoryLabel } from '../../core/categories';
import type { Lang } from '../../core/lang';
import { index } from '../app/state';
import { network, walkFactors } from '../coverage/state';
import { formatNumber, localName, t } from '../i18n';
import { nearbyDistance, nearbyDistanceText } from '../nearby/estimate';
import { nearbyNamesText } from '../nearby/placeText';
import { nearest, residentCircle, residentPlace, residentPoint, walks } from '../nearby/state';
import { s as nearbyStrings } from '../nearby/strings';
import { viewLink } from '../url';
import { s } from './strings';

export function NearbyWidget(p: { lang: Lang }) {
  const { lang } = p;
  const point = residentPoint.value;
  const circle = residentCircle.value;
  const idx = index.value;
  const walked = walks.value;
  const described = residentPlace.value;
  const name = (id: string) => idx?.facilities.get(id)?.properties.name ?? id;
  return (
    <section class="embed-nearby-list" aria-labelledby="embed-nearby-title">
      <h1 id="embed-nearby-title">{s('nearbyTitle', lang)}</h1>
      {point ? (
        <p class="embed-place" data-testid="embed-place">
          {circle
            ? `${localName(circle, lang)} · ${idx?.subdistrictName(circle.subdistrict, lang) ?? circle.subdistrict}`
            : s('outsideCircles', lang)}
          {described?.nearest && (
            <span class="embed-nearest-place"> · {nearbyNamesText(described, lang)}</span>
          )}{' '}
          <small>
            ({formatNumber(point[1], lang, 4)}° N, {formatNumber(point[0], lang, 4)}° E)
          </small>
        </p>
      ) : (
        <p class="embed-place">{s('pickPlace', lang)}</p>
      )}
      {point && (
        <table class="embed-nearest" data-testid="embed-nearest">
          <thead>
            <tr>
              <th scope="col">{s('colType', lang)}</th>
              <th scope="col">{s('colNearest', lang)}</th>
              <th scope="col" class="num">
                {s('colDistance', lang)}
              </th>
            </tr>
          </thead>
          <tbody>
            {nearest.value.map((r) => {
              const w = walked?.categories.find((x) => x.category === r.category);
              const n = w ? { id: w.id, distanceM: w.distanceM } : r.nearest[0];
              const d = n
                ? nearbyDistance(
                    r.category,
                    n.distanceM,
                    w ? w.distanceM : null,
                    walkFactors.value,
                    r.standardM,
                  )
                : null;
              const meets = d ? d.meets : r.meetsStandard;
              return (
                <tr key={r.category} class={meets ? 'meets' : 'misses'} data-walk={d?.kind ?? 'straight'}>
                  <th scope="row">{categoryLabel(r.category, lang)}</th>
                  <td class="embed-facility">
                    {n ? (r.category === 'riverfront' ? '—' : name(n.id)) : t('noFacilities', lang)}
                  </td>
                  <td class="num">
                    {n ? (
                      <>
                        {d ? nearbyDistanceText(d, lang) : ''} · ≈
                        {formatNumber(walkingMinutes(d?.distanceM ?? n.distanceM), lang)} {t('minutes', lang)}{' '}
                        <span class="verdict" aria-hidden="true">
                          {meets ? '✓' : '✗'}
                        </span>
                        <span class="visually-hidden">{meets ? t('meets', lang) : t('misses', lang)}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p class="note" data-testid="embed-distance-note">
        {walked
          ? nearbyStrings('walkingNote', lang)
          : point && walkFactors.value
            ? nearbyStrings('estimateNote', lang)
            : `${point && network.value ? nearbyStrings('outsideNetwork', lang) : ''}${s('straightNote', lang)}`}
      </p>
      <a href={viewLink(false)} target="_blank" rel="noopener noreferrer">
        {t('openFull', lang)} ↗
      </a>
    </section>
  );
}
