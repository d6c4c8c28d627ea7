/**
 * The shell: the map, the panel with its header, search, notices, the facility card and
 * the tabs; each tab is a feature (coverage, near me, layers & data) with its own state.
 * With ?report= a printable report is shown instead (the map is made again on the way back).
 */
import { useEffect, useRef } from 'preact/hooks';
import { CoverageTab } from '../coverage/CoverageTab';
import { EmbedView } from '../embed/EmbedView';
import { FacilityCard } from '../facility/FacilityCard';
import { selectedFacility } from '../facility/state';
import { t } from '../i18n';
import { LayersTab } from '../layers/LayersTab';
import { NearbyTab } from '../nearby/NearbyTab';
import { ReportView } from '../report/ReportView';
import { report } from '../report/state';
import { PlaceCard } from '../search/PlaceCard';
import { crossingResults, place } from '../search/place';
import { Search } from '../search/Search';
import { chooseFacility, chooseSearchItem } from './actions';
import { LanguageButton } from './LanguageButton';
import { attachMap } from './mapBinding';
import { data, flags, index, lang, notice, panelOpen, type Tab, tab } from './state';
import { Tabs } from './Tabs';

const PANELS: Record<Tab, () => preact.JSX.Element> = {
  coverage: CoverageTab,
  nearby: NearbyTab,
  layers: LayersTab,
};

export function App() {
  return report.value && !flags.embed ? <ReportView /> : <MapApp />;
}

function MapApp() {
  const mapEl = useRef<HTMLElement>(null);
  useEffect(() => (mapEl.current ? attachMap(mapEl.current) : undefined), []);
  const l = lang.value;
  if (flags.embed) return <EmbedView lang={l} mapRef={mapEl} />;
  const facility = selectedFacility.value
    ? index.value?.facilities.get(selectedFacility.value)?.properties
    : undefined;
  const Panel = PANELS[tab.value];
  return (
    <main class={panelOpen.value ? 'layout' : 'layout collapsed'}>
      <section ref={mapEl} class="map" aria-label={t('title', l)} />
      <aside class="panel" aria-label={t('title', l)}>
        <header class="panel-header">
          <div>
            <h1>{t('title', l)}</h1>
            <p class="subtitle">{t('subtitle', l)}</p>
          </div>
          <LanguageButton class="lang" />
        </header>
        <Search
          lang={l}
          items={index.value?.search(l) ?? []}
          onChoose={chooseSearchItem}
          extra={(q) =>
            index.value ? crossingResults(q, index.value.streets, l) : { items: [], note: null }
          }
        />
        {notice.value && (
          <p class="notice" role="status">
            {notice.value}
          </p>
        )}
        {place.value && index.value && (
          <PlaceCard
            lang={l}
            place={place.value}
            index={index.value}
            unlocatedName={(id) => data.value?.unlocated.find((u) => u.id === id)?.name ?? id}
            onFacility={chooseFacility}
            onClose={() => {
              place.value = null;
            }}
          />
        )}
        {facility && (
          <FacilityCard
            lang={l}
            facility={facility}
            subdistrictName={(name) => index.value?.subdistrictName(name, l) ?? name}
            onClose={() => {
              selectedFacility.value = null;
            }}
          />
        )}
        <Tabs
          lang={l}
          current={tab.value}
          onChoose={(next) => {
            tab.value = next;
          }}
        />
        <div role="tabpanel" id={`panel-${tab.value}`} aria-labelledby={`tab-${tab.value}`} class="tabpanel">
          <Panel />
        </div>
      </aside>
      <button
        type="button"
        class="panel-toggle"
        onClick={() => {
          panelOpen.value = !panelOpen.value;
        }}
        aria-expanded={panelOpen.value}
      >
        {panelOpen.value ? t('hidePanel', l) : t('showPanel', l)}
      </button>
    </main>
  );
}
