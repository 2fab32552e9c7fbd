import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * Fails the run when a project ran no tests or skipped any: a test glob that matches nothing
 * must not pass silently. Ends with a plain "N passed, N failed" line for CI.
 */
export default class RequireTestsReporter implements Reporter {
  private projects: string[] = [];

  onInit(vitest: Vitest): void {
    this.projects = vitest.projects.map((project) => project.name);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map(this.projects.map((name) => [name, { passed: 0, failed: 0, skipped: 0 }]));
    for (const testModule of testModules) {
      const count = counts.get(testModule.project.name);
      if (!count) continue;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
      }
    }
    const problems: string[] = [];
    let passed = 0;
    let failed = 0;
    for (const [name, count] of counts) {
      passed += count.passed;
      failed += count.failed;
      process.stdout.write(
        `  ${name}: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
      );
      if (count.passed + count.failed === 0) problems.push(`project "${name}" ran no tests`);
      if (count.skipped > 0) problems.push(`project "${name}" skipped ${count.skipped} test(s)`);
    }
    for (const problem of problems) process.stderr.write(`require-tests: ${problem}\n`);
    if (problems.length > 0) process.exitCode = 1;
    process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
  }
}
