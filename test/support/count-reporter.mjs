// A node:test reporter that only counts: test/run.ts prints its figures as the suite's
// last line, `N passed, N failed` (the line CI reads).
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    // Suites pass or fail with their tests; count the tests alone.
    if (data.details?.type === 'suite') continue;
    if (event.type === 'test:fail') {
      counts.failed++;
      counts.failures.push(`${data.file ?? ''} › ${data.name}`);
    } else if (data.skip || data.todo) counts.skipped++;
    else counts.passed++;
  }
  yield `${JSON.stringify(counts)}\n`;
}
