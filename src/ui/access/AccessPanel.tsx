/**
 * The coverage tab's access section (issue 20): capacity in reach for the shown type, the
 * fairness of its access with a Lorenz plot, the 一老一小 basket, the map layer, and with an
 * active scenario its difference against today. Reads the access state; the worker's
 * answers arrive after today's table (numbers first).
 */
import './access.css';
import { flags, index, lang } from '../app/state';
import { category } from '../coverage/state';
import { localName, t } from '../i18n';
import { AccessLayerPicker } from './AccessLayerPicker';
import { BasketSection } from './BasketSection';
import { CapacitySummary } from './CapacitySummary';
import { DifferenceSummary } from './DifferenceSummary';
import { FairnessSummary } from './FairnessSummary';
import { accessLayer, accessLayerKind, accessMs, accessSummary, basket, decay, difference } from './state';
import { s } from './strings';

export function AccessPanel() {
  const l = lang.value;
  const a = accessSummary.value;
  const idx = index.value;
  const current = a && a.category === category.value ? a : null;
  const capacity = current?.capacity && 'unit' in current.capacity ? current.capacity : null;
  const facilityName = (id: string) => idx?.facilities.get(id)?.properties.name ?? id;
  const circleName = (id: string) => {
    const c = idx?.circles.get(id)?.properties;
    return c ? localName(c, l) : id;
  };
  const diff = difference.value;
  return (
    <section class="access-panel" aria-labelledby="access-title" data-testid="access-panel">
      <h2 id="access-title">{s('access', l)}</h2>
      {!current && <p class="note">…</p>}
      {capacity && (
        <CapacitySummary
          lang={l}
          capacity={capacity}
          decay={decay.value}
          facilityName={facilityName}
          onDecay={(d) => {
            decay.value = d;
          }}
        />
      )}
      {diff && <DifferenceSummary lang={l} coverage={diff.coverage} capacity={diff.capacity} />}
      {current && (
        <FairnessSummary
          lang={l}
          distance={current.fairness.distance}
          capacity={current.fairness.capacity}
          circleName={circleName}
        />
      )}
      <BasketSection
        lang={l}
        basket={basket.value}
        summary={current?.basket ?? null}
        onBasket={(b) => {
          basket.value = b;
        }}
      />
      <AccessLayerPicker
        lang={l}
        kind={accessLayerKind.value}
        layer={accessLayer.value}
        capacity={capacity !== null}
        scenario={diff !== null}
        onKind={(k) => {
          accessLayerKind.value = k;
        }}
      />
      {/* developer figures only (?debug=1), as the coverage panel's */}
      {flags.debug && accessMs.value !== null && (
        <small class="timing">
          {t('computedIn', l)} {Math.round(accessMs.value)} ms
        </small>
      )}
    </section>
  );
}
