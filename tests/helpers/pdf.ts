/** Re-export for the test files that import '../helpers/pdf': the PDF reader lives in scripts/lib. */
export * from '../../scripts/lib/pdf';
