/** Flips between light and dark, starting from what the page shows now, and remembers the choice. */
export function toggleTheme(): void {
  const root = document.documentElement;
  const current = root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const next = current === 'dark' ? 'light' : 'dark';
  root.dataset.theme = next;
  try {
    localStorage.setItem('theme', next);
  } catch {
    // Storage can be unavailable (private mode); the theme still applies for this page.
  }
}
