/**
 * Runs axe-core (node_modules/axe-core/axe.min.js, injected as a script file) in a page and
 * returns the serious and critical violations, shadow roots included (axe walks open shadow
 * roots by default).
 */
import type { Page } from 'playwright-core';
import { AXE_JS } from './olva-site.js';

/** One violation, summarised for a readable assertion message. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Serious and critical violations on the page as it is now; within the elements `within`
 * selects only, when given (a part added to a page whose rest other tests check: axe on a whole
 * questionnaire takes seconds).
 */
export async function seriousViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_JS });
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id as string, impact: String(v.impact), help: v.help as string,
      nodes: (v.nodes as any[]).slice(0, 5).map((n) => `${JSON.stringify(n.target)}: ${String(n.failureSummary).replace(/\s+/g, ' ')}`),
    }));
  }, within ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
