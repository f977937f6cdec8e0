import { describe, expect, test } from 'vitest';
import { openPage, useSite } from './harness';

/**
 * A self-hoster who forgot `npm run prepare-models`, or whose host mangled a weight file, must see what is
 * wrong and what to do; the lab must keep working with the model that is intact.
 */
const site = useSite();

const labPath = '/lessons/style-transfer/?backend=wasm&content=chelsea&styles=art-swirl-3:1&alpha=1&model=vgg&size=128&color=none&mask=none';

describe('style lab with broken weights', () => {
  test.each([
    ['missing', '', 404, 'could not be downloaded (HTTP 404)', 'prepare-models'],
    ['corrupted', '', 200, 'is damaged (SHA-256 mismatch)', 'prepare-models -- --force'],
    // On a Chinese page the reader's words are Chinese; the technical detail goes to the console with the advice.
    ['corrupted', '/zh-cn', 200, '已损坏', 'is damaged (SHA-256 mismatch). If you host this site'],
  ] as const)(
    'a %s VGG weight file (page "%s") gives a reader a message, the host the fix in the console, and the mobile model still runs',
    async (_kind, edition, status, reason, advice) => {
      const { page, foreignRequests } = await openPage(site.context, site.origin, '/');
      const consoleWarnings: string[] = [];
      page.on('console', (entry) => {
        if (entry.type() === 'warning') consoleWarnings.push(entry.text());
      });
      await page.route('**/models/adain-vgg19/encoder.bin', async (route) => {
        if (status === 404) return route.fulfill({ status: 404, body: 'not found' });
        const response = await route.fetch();
        const bytes = Buffer.from(await response.body());
        bytes[1000] = (bytes[1000]! + 1) % 256;
        return route.fulfill({ response, body: bytes });
      });
      await page.goto(`${site.origin}${edition}${labPath}`);
      await page.locator('style-lab .run').click();
      await page.waitForSelector('style-lab[data-state="error"]', { timeout: 120_000 });
      const message = (await page.locator('style-lab .message-error').last().textContent()) ?? '';
      expect(message).toContain('encoder.bin');
      expect(message).toContain(reason);
      expect(message).not.toContain('npm');
      expect(consoleWarnings.some((text) => text.includes(advice))).toBe(true);

      await page.locator('style-lab select.model').selectOption('mobile');
      await page.locator('style-lab .run').click();
      await page.waitForSelector('style-lab[data-state="done"]', { timeout: 120_000 });
      expect(Number(await page.locator('style-lab').getAttribute('data-output-width'))).toBe(128);
      expect(foreignRequests).toEqual([]);
      await page.close();
    },
  );
});
