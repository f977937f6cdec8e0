import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openPage, useSite, waitForLabs } from './harness';
import { allPages } from './site-pages';

/**
 * axe-core audits every page, English and Chinese, in light and dark, after its labs have run once (so the
 * tensors, charts and pictures they draw are audited too). Any serious or critical violation fails the test.
 *
 * The page keeps its strict Content-Security-Policy during the audit: axe's source is evaluated through the
 * DevTools protocol (page.evaluate), which the policy does not govern, where page.addScriptTag would add an
 * inline <script> that the policy blocks.
 */
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const site = useSite();

interface Finding {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

async function audit(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: (node.failureSummary ?? '').replace(/\s+/g, ' ') })),
      }));
  });
}

function describeFindings(where: string, findings: Finding[]): string[] {
  return findings.flatMap((finding) =>
    finding.nodes.map((node) => `${where}: ${finding.impact} ${finding.rule} (${finding.help}) at ${node.target}: ${node.summary}`),
  );
}

describe('accessibility (axe-core)', () => {
  test.each(allPages)('%s has no serious or critical violation, light and dark, after its labs ran', async (path) => {
    const { page } = await openPage(site.context, site.origin, `${path}?backend=wasm`);
    await waitForLabs(page);
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      problems.push(...describeFindings(`${path} ${scheme}`, await audit(page)));
    }
    if (problems.length > 0) console.log(problems.join('\n'));
    expect(problems, path).toEqual([]);
    await page.close();
  });
});
