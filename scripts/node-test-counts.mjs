// A node:test reporter that writes { passed, failed, skipped } for the Node-side tests (the `yidu` command),
// so scripts/test.mjs can add them to the browser tests' counts.
export default async function* counts(source) {
  const c = { passed: 0, failed: 0, skipped: 0 };
  // Subtests report before their parent: a test whose level below reported since is a parent, not counted.
  const childSeen = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const level = event.data.nesting;
    const parent = childSeen[level + 1] === true;
    childSeen[level + 1] = false;
    childSeen[level] = true;
    if (parent) continue;
    if (event.data.skip || event.data.todo) c.skipped++;
    else if (event.type === 'test:pass') c.passed++;
    else c.failed++;
  }
  yield JSON.stringify(c);
}
