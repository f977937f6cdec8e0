/**
 * A path under the site's base URL (`base` in astro.config.mjs), so a copy served from a subfolder still
 * finds its images and weights: siteUrl('models/') → '/sub/models/'. No DOM: page frontmatter may use it.
 */
export function siteUrl(path = ''): string {
  const base = import.meta.env.BASE_URL;
  return `${base.endsWith('/') ? base : `${base}/`}${path}`;
}
