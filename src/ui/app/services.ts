/**
 * The app's connections to what lies outside the UI: the map (MapLibre), the coverage worker
 * and the import worker. The app uses the real ones; the headless test harness
 * (tests/harness) replaces them before it starts the app, with a fake map and the workers'
 * handlers run in-process behind the same typed channel.
 */
import { MapController } from '../../map/MapController';
import type { MapViewFactory } from '../../map/MapView';
import { startCoverageWorker } from '../../worker/coverageClient';
import { parseInWorker } from '../../worker/importClient';

export interface Services {
  makeMap: MapViewFactory;
  startCoverage: typeof startCoverageWorker;
  parseImport: typeof parseInWorker;
}

export const services: Services = {
  makeMap: (options) => new MapController(options),
  startCoverage: startCoverageWorker,
  parseImport: parseInWorker,
};
