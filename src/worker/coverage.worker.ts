/// <reference lib="webworker" />
/** The coverage engine in a Web Worker: the main thread never runs the analysis. */
import type { CoverageApi } from './coverageApi';
import { createCoverageHandlers } from './coverageHandlers';
import { serve } from './rpc';

serve<CoverageApi>(self as unknown as DedicatedWorkerGlobalScope, createCoverageHandlers());
