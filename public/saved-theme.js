// Applies the saved theme before first paint so the page does not flash (a classic script in <head>, a file
// because the Content-Security-Policy allows no inline script). theme.ts saves the choice.
try {
  const saved = localStorage.getItem('theme');
  if (saved === 'dark' || saved === 'light') document.documentElement.dataset.theme = saved;
} catch {
  // Storage can be unavailable (private mode); the system theme applies.
}
