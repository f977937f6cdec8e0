import { prefersChinese } from '../lib/i18n';

/**
 * The language switch and the one-time offer of the Chinese edition. A switch link keeps the page's query
 * (the labs' state) and #section; the reader's choice is remembered. The offer appears on the first visit
 * from a browser whose first language is Chinese and never again; it never redirects, so shared links
 * open what they point to.
 */
const choiceKey = 'locale';
const offerShownKey = 'locale-offer-shown';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage can be unavailable (private mode); the switch still works for this page.
  }
}

function keepPlace(link: HTMLAnchorElement): void {
  const target = new URL(link.href);
  target.search = location.search;
  target.hash = location.hash;
  link.href = target.href;
}

export function connectLocaleChoice(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-locale-link]')) {
    const choose = () => {
      keepPlace(link);
      write(choiceKey, link.dataset.localeLink ?? '');
    };
    link.addEventListener('click', choose);
    link.addEventListener('auxclick', choose);
  }
  const offer = document.querySelector<HTMLElement>('.locale-offer');
  if (!offer || read(choiceKey) || read(offerShownKey) || !prefersChinese(navigator.languages)) return;
  offer.hidden = false;
  write(offerShownKey, '1');
  offer.querySelector('.locale-offer-dismiss')?.addEventListener('click', () => {
    offer.hidden = true;
    write(choiceKey, document.documentElement.lang.toLowerCase());
  });
}
