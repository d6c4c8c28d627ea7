import './coverage.css';
import { batch } from '@preact/signals';
import { useLayoutEffect } from 'preact/hooks';
import { AccessPanel } from '../access/AccessPanel';
import { CircleAccess } from '../access/CircleAccess';
import { accessColumns, accessViewLabel } from '../access/columns';
import { accessSummary, setWalkTime, walkTime } from '../access/state';
import { WalkTimePicker } from '../access/WalkTimePicker';
import { chooseCircle, chooseFacility, flyTo } from '../app/actions';
import { data, flags, index, lang } from '../app/state';
import { recordShown } from '../app/testHooks';
import { EmbedThisView } from '../embed/EmbedThisView';
import { t } from '../i18n';
import { ScenarioSection } from '../scenarios/ScenarioSection';
import { AnalysisError } from './AnalysisError';
import { CircleDetail } from './CircleDetail';
import { CoveragePanel } from './CoveragePanel';
import { Dashboard } from './Dashboard';
import { ExportButtons } from './ExportButtons';
import { DistanceChoice, NetworkComparison } from './NetworkPanel';
import { retryAnalysis } from './run';
import {
  analysisError,
  busy,
  category,
  defaultTables,
  distance,
  distanceInForce,
  network,
  networkError,
  radius,
  radiusM,
  selectedCircle,
  table,
  workerMs,
} from './state';

/** The planner's tab: category and distance, the district summary, circles, scenarios. */
export function CoverageTab() {
  const l = lang.value;
  const tb = table.value;
  const idx = index.value;
  // Numbers first: stamp (for the tests) when a new table is in the DOM, before paint.
  useLayoutEffect(() => recordShown(tb), [tb]);
  const circle = selectedCircle.value ? idx?.circles.get(selectedCircle.value)?.properties : undefined;
  const facilityName = (id: string) => idx?.facilityLabel(id, lang.value) ?? id;
  return (
    <>
      <p class="derived" data-testid="circles-origin">
        {data.value?.layers.circles.features[0]?.properties?.derived === false
          ? t('officialCircles', l)
          : t('derivedNotice', l)}
      </p>
      {analysisError.value && (
        <AnalysisError lang={l} message={analysisError.value} onRetry={retryAnalysis} />
      )}
      {circle && (
        <CircleDetail
          lang={l}
          circle={circle}
          subdistrict={idx?.subdistrictName(circle.subdistrict, l) ?? circle.subdistrict}
          category={tb?.category ?? category.value}
          row={tb?.circles.find((c) => c.id === circle.id) ?? null}
          defaults={defaultTables.value}
          facilityName={facilityName}
          onFacility={chooseFacility}
          onPoint={(p) => flyTo(p, 15)}
          onClose={() => {
            selectedCircle.value = null;
          }}
        >
          <CircleAccess lang={l} circleId={circle.id} summary={accessSummary.value} />
        </CircleDetail>
      )}
      <CoveragePanel
        lang={l}
        category={category.value}
        radiusM={radius.value}
        table={tb}
        busy={busy.value}
        workerMs={workerMs.value}
        distance={distanceInForce.value}
        debug={flags.debug}
        facilityCount={idx?.counts.get(category.value) ?? 0}
        onCategory={(c) =>
          batch(() => {
            category.value = c;
            radiusM.value = null;
          })
        }
        onRadius={(r) => {
          radiusM.value = r;
        }}
        onCircle={(id) => chooseCircle(id)}
        threshold={<WalkTimePicker lang={l} walkTime={walkTime.value} onWalkTime={setWalkTime} />}
      />
      <DistanceChoice
        lang={l}
        distance={distanceInForce.value}
        network={network.value}
        error={networkError.value}
        onDistance={(d) => {
          distance.value = d;
        }}
      />
      {tb && (
        <NetworkComparison
          lang={l}
          table={tb}
          circleName={(id) => idx?.circles.get(id)?.properties[l === 'en' ? 'nameEn' : 'name'] ?? id}
        />
      )}
      <ExportButtons />
      <EmbedThisView lang={l} />
      <ScenarioSection />
      <AccessPanel />
      {tb && (
        <Dashboard
          lang={l}
          table={tb}
          selected={selectedCircle.value}
          onSelect={(id) => chooseCircle(id)}
          extra={{
            label: accessViewLabel(l),
            columns: accessColumns(accessSummary.value, tb.category, tb.radiusM, l),
          }}
        />
      )}
    </>
  );
}
