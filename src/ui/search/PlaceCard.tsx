/**
 * A street or crossing the search chose: "places on 控江路" with the facilities whose address
 * names it (each opens its card), those with an address only, and where the street's position
 * comes from (an OSM line, or none: then only the facilities' points are shown).
 */
import { categoryLabel } from '../../core/categories';
import type { Lang } from '../../core/lang';
import type { DataIndex } from '../app/dataIndex';
import { t } from '../i18n';
import type { Place } from './place';
import { s } from './strings';

function StreetPlaces(p: {
  lang: Lang;
  name: string;
  index: DataIndex;
  unlocatedName(id: string): string;
  onFacility(id: string): void;
}) {
  const { lang } = p;
  const street = p.index.streets.get(p.name);
  if (!street) return null;
  return (
    <div data-testid="place-street">
      <h4>
        {lang === 'zh' ? `${street.name}${s('placesOn', lang)}` : `${s('placesOn', lang)}${street.name}`}
      </h4>
      {street.facilities.length + street.unlocated.length === 0 && <p class="note">{s('noPlaces', lang)}</p>}
      <ul class="place-list">
        {street.facilities.map((f) => {
          const props = p.index.facilities.get(f.id)?.properties;
          return (
            <li key={f.id}>
              <button type="button" class="link" onClick={() => p.onFacility(f.id)}>
                {props?.name ?? f.id}
              </button>{' '}
              <small>
                {props ? categoryLabel(props.category, lang) : ''} · {props?.address ?? ''}
              </small>
            </li>
          );
        })}
        {street.unlocated.map((id) => (
          <li key={id} data-unlocated="">
            {p.unlocatedName(id)} <small>· {s('addressOnly', lang)}</small>
          </li>
        ))}
      </ul>
      <p class="note">{street.lines.length > 0 ? s('lineShown', lang) : s('noLineShown', lang)}</p>
    </div>
  );
}

export function PlaceCard(p: {
  lang: Lang;
  place: Place;
  index: DataIndex;
  unlocatedName(id: string): string;
  onFacility(id: string): void;
  onClose(): void;
}) {
  const { lang, place } = p;
  const title = place.kind === 'street' ? place.name : `${place.names.join(' × ')} ${s('crossing', lang)}`;
  const names = place.kind === 'street' ? [place.name] : place.names;
  return (
    <section class="card" aria-labelledby="place-title" data-testid="place-card">
      <header class="card-header">
        <h3 id="place-title">{title}</h3>
        <button type="button" onClick={p.onClose} aria-label={t('close', lang)}>
          ×
        </button>
      </header>
      {place.kind === 'crossing' && <p class="note">{s('crossingFromOsm', lang)}</p>}
      {names.map((name) => (
        <StreetPlaces
          key={name}
          lang={lang}
          name={name}
          index={p.index}
          unlocatedName={p.unlocatedName}
          onFacility={p.onFacility}
        />
      ))}
      <p class="note">{s('streetSource', lang)}</p>
    </section>
  );
}
