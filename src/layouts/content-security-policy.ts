/**
 * The site's Content-Security-Policy, written into every built page's <meta> by Base.astro. Everything comes
 * from the site itself. Scripts only from its files: no inline script, no eval ('wasm-unsafe-eval' lets
 * tfjs compile its WebAssembly). Workers only from its files (scripts/tfjs-wasm-worker.ts ships tfjs's
 * thread worker as one).
 *
 * Styles, our choice: 'unsafe-inline' stays in style-src. KaTeX writes hundreds of style attributes at build
 * time (strut heights, kerning) with values that vary per formula, and Observable Plot inserts a <style>
 * element into every chart and legend whose text depends on the chart's options (three templates in Plot
 * 0.6.17), so hashes would tie the policy to Plot's internals. Inline CSS cannot run script, and with
 * default-src 'self' (images, fonts, connections) it cannot send anything to another site.
 *
 * Images also from blob: URLs, which only the page itself can make: an uploaded SVG is rasterised through an
 * <img> from one (an SVG drawn as an image runs no script and loads no other file).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "img-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
