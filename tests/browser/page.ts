/** Re-export for the browser test files that import './page': the page helpers live in scripts/lib (bench and shots use them too). */
export * from '../../scripts/lib/page';
