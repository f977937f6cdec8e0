import { localStrings } from './island';
import { galleryTitle } from './pictures';
import { styleColours } from './style-lab-masks';
import { pictureStrings } from '../i18n/components/pictures';
import { styleLabStrings } from '../i18n/components/style-lab';
import { galleryImage, normalisedWeights, type ImageId, type StyleSlot } from '../lib/style-lab-state';

/**
 * The style lab's list of styles: per style a thumbnail (choosing it makes the style the one the
 * gallery changes), its mask colour, its weight with its share of the mix, and a remove button.
 */

export interface SlotActions {
  select(index: number): void;
  /** The weight's slider moved; `weight` is its new value. */
  weigh(index: number, weight: number): void;
  remove(index: number): void;
}

export interface SlotView {
  slots: readonly StyleSlot[];
  active: number;
  /** With masks each style paints its own region, so weights do not apply. */
  masked: boolean;
  thumbnail(id: ImageId): CanvasImageSource | undefined;
}

function shareText(share: number): string {
  return localStrings(styleLabStrings).weightShare(Math.round(share * 100));
}

function imageName(id: ImageId): string {
  const image = galleryImage(id);
  if (image) return galleryTitle(image, localStrings(pictureStrings));
  const t = localStrings(styleLabStrings);
  return id.startsWith('paint') ? t.yourPainting : t.yourImage;
}

export function renderStyleSlots(list: HTMLOListElement, view: SlotView, actions: SlotActions): void {
  const t = localStrings(styleLabStrings);
  const { slots, active, masked } = view;
  const weights = normalisedWeights(slots.map((slot) => slot.weight));
  list.replaceChildren(
    ...slots.map((slot, k) => {
      const item = document.createElement('li');
      item.className = `style-slot${k === active ? ' is-active' : ''}`;
      item.dataset.slot = String(k);
      const thumb = document.createElement('canvas');
      thumb.width = 48;
      thumb.height = 48;
      const source = view.thumbnail(slot.image);
      if (source) thumb.getContext('2d')?.drawImage(source, 0, 0, 48, 48);
      const select = document.createElement('button');
      select.type = 'button';
      select.className = 'select-style';
      select.setAttribute('aria-pressed', String(k === active));
      select.setAttribute('aria-label', t.selectStyle(k + 1, imageName(slot.image)));
      select.append(thumb);
      select.style.cssText = 'padding:0;border:none;background:none;cursor:pointer;line-height:0';
      select.addEventListener('click', () => actions.select(k));
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = styleColours[k]!;
      swatch.title = t.swatch(k + 1, t.regionColours[k]!);
      swatch.style.visibility = masked ? 'visible' : 'hidden';
      const weight = document.createElement('label');
      weight.textContent = slots.length > 1 && !masked ? shareText(weights[k]!) : t.weight;
      const range = document.createElement('input');
      range.type = 'range';
      range.min = '0';
      range.max = '1';
      range.step = '0.05';
      range.value = String(slot.weight);
      range.className = 'style-weight';
      range.disabled = slots.length < 2 || masked;
      range.setAttribute('aria-label', t.weightOf(k + 1));
      range.addEventListener('input', () => {
        actions.weigh(k, Number(range.value));
        const shares = normalisedWeights(slots.map((s) => s.weight));
        list.querySelectorAll('.style-slot label').forEach((label, j) => {
          label.firstChild!.textContent = shareText(shares[j]!);
        });
      });
      weight.append(range);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'remove-style';
      remove.textContent = t.remove;
      remove.disabled = slots.length < 2;
      remove.setAttribute('aria-label', t.removeStyle(k + 1));
      remove.addEventListener('click', () => actions.remove(k));
      item.append(swatch, select, weight, remove);
      return item;
    }),
  );
}
