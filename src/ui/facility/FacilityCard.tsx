import './facility.css';
import { CATEGORIES } from '../../core/categories';
import type { FacilityProps } from '../../core/schema';
import { formatNumber, type Lang, type StringKey, t } from '../i18n';
import { dateText, noteText, sourceText, unitText } from './sourceText';
import { s } from './strings';

/** A facility's details. Every value is rendered as text. */
export function FacilityCard(p: {
  lang: Lang;
  facility: FacilityProps;
  /** a subdistrict's name in the language */
  subdistrictName(name: string): string;
  onClose(): void;
}) {
  const { lang, facility: f } = p;
  const category = CATEGORIES.find((c) => c.id === f.category);
  return (
    <section class="card" aria-labelledby="facility-title">
      <header class="card-header">
        <h3 id="facility-title">
          {f.name}
          {f.locatedApproximately && (
            <span class="tag approx" data-testid="facility-approximate">
              {s('approximate', lang)}
            </span>
          )}
          {f.imported && <span class="tag imported">{s('imported', lang)}</span>}
        </h3>
        <button type="button" onClick={p.onClose} aria-label={t('close', lang)}>
          ×
        </button>
      </header>
      <dl class="facts">
        <dt>{t('category', lang)}</dt>
        <dd>{category ? category[lang] : f.category}</dd>
        <dt>{t('address', lang)}</dt>
        <dd>{f.address ?? '—'}</dd>
        <dt>{t('colSubdistrict', lang)}</dt>
        <dd>
          {p.subdistrictName(f.subdistrict)}
          {f.subdistrictStated && (
            <small>
              {' '}
              ({t('statedSubdistrict', lang)}: {p.subdistrictName(f.subdistrictStated)})
            </small>
          )}
        </dd>
        {f.capacity !== null && (
          <>
            <dt>{t('capacity', lang)}</dt>
            <dd>
              {formatNumber(f.capacity, lang)} {unitText(f.capacityUnit, lang)}
              {f.capacityNote && <small> ({noteText(f.capacityNote, lang)})</small>}
            </dd>
          </>
        )}
        <dt>{t('source', lang)}</dt>
        <dd>
          {f.imported
            ? `${s('importedNote', lang)} · ${f.source.replace(/^imported: /, '')}`
            : sourceText(f, lang)}
        </dd>
        <dt>{t('sourceDate', lang)}</dt>
        <dd>{dateText(f, lang)}</dd>
        <dt>{t('locationQuality', lang)}</dt>
        <dd>
          {t(`quality.${f.locationQuality}` as StringKey, lang)}
          {f.locatedApproximately && (
            <small class="approx-note">
              {' '}
              {s('approximate', lang)}:{' '}
              {s('approximateNote', lang).replace('{n}', formatNumber(f.sharedPointWith?.length ?? 1, lang))}
            </small>
          )}
        </dd>
      </dl>
    </section>
  );
}
