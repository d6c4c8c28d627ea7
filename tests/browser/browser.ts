/** Re-export for the browser test files that import './browser': the launcher lives in scripts/lib. */
export { CHROMIUM_PATH, launchBrowser } from '../../scripts/lib/browser';
