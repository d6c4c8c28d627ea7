import './scenarios.css';
import { index, lang } from '../app/state';
import { beforeAfterCsv, download, downloadGeoJson } from '../coverage/exporters';
import {
  category,
  distance,
  distanceInForce,
  network,
  onNetwork,
  radius,
  selectedCircle,
} from '../coverage/state';
import { t } from '../i18n';
import { suggestionNotes } from './clustering';
import { GatePanel } from './GatePanel';
import {
  acceptGates,
  acceptSuggestions,
  compareScenarios,
  scenarioNameFor,
  suggest,
  suggestGateSites,
} from './run';
import { ScenarioPanel } from './ScenarioPanel';
import {
  active,
  activeScenario,
  addingSite,
  comparison,
  createScenario,
  deleteActive,
  gateSuggestion,
  networkEdit,
  removeNetworkEdit,
  renameActive,
  scenarioProblems,
  scenarioResult,
  scenarios,
  suggesting,
  suggestingGates,
  suggestion,
  suggestionWhy,
  updateSites,
} from './state';

/** The scenario panel wired to the scenarios feature's state. */
export function ScenarioSection() {
  const l = lang.value;
  const sc = active.value;
  const result = scenarioResult.value;
  const stamp = () => `${category.value}-${radius.value}m`;
  const newName = () => `${t('newScenario', l)} ${scenarios.value.length + 1}`;
  return (
    <>
      <ScenarioPanel
        lang={l}
        scenarios={scenarios.value}
        active={sc}
        canAdd={category.value !== 'riverfront'}
        adding={addingSite.value}
        before={result?.before ?? null}
        after={result?.after ?? null}
        comparison={comparison.value}
        suggestion={suggestion.value}
        suggesting={suggesting.value}
        notes={suggestionNotes(
          suggestion.value && suggestionWhy.value
            ? suggestionWhy.value
            : { distance: distanceInForce.value, facts: null, leftOutBest: null },
          l,
          {
            circle: (id) => index.value?.circles.get(id)?.properties[l === 'en' ? 'nameEn' : 'name'] ?? id,
            subdistrict: (name) => index.value?.subdistrictName(name, l) ?? name,
          },
        )}
        newScenarioName={scenarioNameFor(l, category.value, radius.value)}
        selectedCircle={selectedCircle.value}
        circleName={(id) =>
          id ? (index.value?.circles.get(id)?.properties[l === 'en' ? 'nameEn' : 'name'] ?? id) : '—'
        }
        onNewScenario={() => createScenario(newName())}
        onSelectScenario={(id) => {
          activeScenario.value = id;
        }}
        onRenameScenario={renameActive}
        onDeleteScenario={deleteActive}
        onStartAdding={() => {
          networkEdit.value = null;
          addingSite.value = !addingSite.value;
        }}
        onRenameSite={(id, name) =>
          updateSites(
            (list) => list.map((x) => (x.id === id ? { ...x, name: name.slice(0, 60) } : x)),
            newName(),
          )
        }
        onSiteCapacity={(id, capacity) =>
          updateSites(
            (list) =>
              list.map((x) => {
                if (x.id !== id) return x;
                const { capacity: _old, ...rest } = x;
                return capacity === null ? rest : { ...rest, capacity };
              }),
            newName(),
          )
        }
        onRemoveSite={(id) => updateSites((list) => list.filter((x) => x.id !== id), newName())}
        onCompare={compareScenarios}
        onExportSites={() =>
          sc &&
          downloadGeoJson(
            {
              type: 'FeatureCollection',
              features: sc.sites.map((x) => ({
                type: 'Feature',
                properties: {
                  id: x.id,
                  name: x.name,
                  category: x.category,
                  scenario: sc.name,
                  proposed: true,
                },
                geometry: { type: 'Point', coordinates: x.lonLat },
              })),
            },
            'yangpu-scenario-sites.geojson',
          )
        }
        onExportBeforeAfter={() =>
          result &&
          download(
            new Blob([beforeAfterCsv(result.before, result.after)], { type: 'text/csv;charset=utf-8' }),
            `yangpu-scenario-${stamp()}.csv`,
          )
        }
        onSuggest={suggest}
        onAcceptSuggestion={acceptSuggestions}
      />
      {network.value && (
        <GatePanel
          lang={l}
          active={sc}
          networkMode={onNetwork(distanceInForce.value)}
          walkMode={distanceInForce.value === 'walk'}
          edit={networkEdit.value}
          problems={scenarioProblems.value}
          suggestion={gateSuggestion.value}
          suggesting={suggestingGates.value}
          onUseNetwork={() => {
            distance.value = 'walk';
          }}
          onEdit={(e) => {
            addingSite.value = false;
            networkEdit.value = e;
          }}
          onRemove={removeNetworkEdit}
          onSuggest={suggestGateSites}
          onAccept={acceptGates}
        />
      )}
    </>
  );
}
