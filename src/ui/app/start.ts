/**
 * Start the app's machinery before the first render: the data in use (defaults plus
 * imports), the URL, the coverage worker and every feature's effects. Returns a stop
 * function (tests, hot reload).
 */
import { effect } from '@preact/signals';
import { mergeImports } from '../../data/imports';
import type { LoadedData } from '../../data/load';
import { startAccessMap } from '../access/mapBinding';
import { startAccess } from '../access/run';
import { startWalkTimeGuard } from '../access/state';
import { startCoverage, startDefaults, startNetworkLines } from '../coverage/run';
import { startEmbedApi } from '../embed/api';
import { imports, restoreImports } from '../import/state';
import { startNearby } from '../nearby/run';
import { startReports } from '../report/state';
import { startScenarios } from '../scenarios/run';
import { startUrlSync } from '../url';
import { startEngine } from './engine';
import { baseData, data } from './state';
import { exposeTestApi } from './testHooks';

export function start(base: LoadedData): () => void {
  baseData.value = base;
  const stops = [
    // Imported facilities of a category outside our list go to the 宝宝屋 type (no list exists yet).
    effect(() => {
      const b = baseData.value;
      if (b) data.value = mergeImports(b, imports.value, 'baby-room');
    }),
    startUrlSync(),
    startEngine(),
    startCoverage(),
    startDefaults(),
    startNetworkLines(),
    startScenarios(),
    startEmbedApi(),
    startNearby(),
    startReports(),
    startAccess(),
    startAccessMap(),
    startWalkTimeGuard(),
  ];
  void restoreImports();
  exposeTestApi();
  return () => {
    for (const stop of stops) stop();
  };
}
