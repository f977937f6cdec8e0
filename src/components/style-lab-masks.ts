import { presetMasks, type MaskPreset } from '../lib/style-lab-state';
import type { Size } from '../lib/image-size';
import { resizedPixels } from './image-input';
import { element, localStrings } from './island';
import { styleLabStrings } from '../i18n/components/style-lab';

/** Brush and swatch colours of the styles, in order; masks are read back from the overlay's channels. */
export const styleColours = ['#ff0000', '#0000ff', '#00c000'] as const;
const styleChannel = [0, 2, 1] as const;

interface MaskHost {
  styleCount(): number;
  /** Whether the reader is painting the regions now (the 'painted' mask is chosen). */
  painting(): boolean;
  /** After a painted stroke ends. */
  onPainted(): void;
}

type Point = { x: number; y: number };

/**
 * The style lab's mask painter: the overlay over the content preview shows which style paints which
 * region (a preset drawn exactly, or the reader's brush strokes, one colour per style) and gives the
 * masks back at any size.
 */
export class MaskPainter {
  /** The size the painted regions were drawn at; they follow the content preview. */
  private paintedSize: Size | undefined;
  private brush = 0;
  private readonly t = localStrings(styleLabStrings);

  constructor(
    private readonly overlay: HTMLCanvasElement,
    private readonly preview: HTMLCanvasElement,
    private readonly brushSize: HTMLInputElement,
    private readonly brushChoices: HTMLElement,
    private readonly host: MaskHost,
  ) {
    this.bindBrush();
    this.bindKeys();
  }

  clear(): void {
    this.overlay.getContext('2d')?.clearRect(0, 0, this.overlay.width, this.overlay.height);
    this.paintedSize = undefined;
  }

  /** Draws a preset's regions, e.g. as the start of a painting. */
  drawPreset(preset: Exclude<MaskPreset, 'none' | 'painted'>): void {
    const { overlay } = this;
    overlay.width = this.preview.width;
    overlay.height = this.preview.height;
    const masks = presetMasks(preset, overlay.width, overlay.height, this.host.styleCount());
    const pixels = new ImageData(overlay.width, overlay.height);
    masks.forEach((mask, k) => {
      for (let i = 0; i < mask.length; i += 1) {
        pixels.data[i * 4 + styleChannel[k]!] = Math.round(mask[i]! * 255);
        pixels.data[i * 4 + 3] = Math.max(pixels.data[i * 4 + 3]!, Math.round(mask[i]! * 255));
      }
    });
    overlay.getContext('2d')?.putImageData(pixels, 0, 0);
    this.paintedSize = { width: overlay.width, height: overlay.height };
  }

  /** Shows the regions of `mask` over the preview as it is now sized. */
  show(mask: MaskPreset): void {
    // Only a painted mask takes the keyboard brush.
    this.overlay.tabIndex = mask === 'painted' ? 0 : -1;
    if (mask === 'none') return;
    if (mask !== 'painted') {
      this.drawPreset(mask);
      return;
    }
    const { overlay, preview } = this;
    if (!this.paintedSize || this.paintedSize.width !== preview.width || this.paintedSize.height !== preview.height) {
      overlay.width = preview.width;
      overlay.height = preview.height;
      this.paintedSize = { width: overlay.width, height: overlay.height };
    }
  }

  /** One brush per style, then the eraser. */
  renderBrushChoices(): void {
    const styles = this.host.styleCount();
    this.brush = Math.min(this.brush, styles);
    const labels = [...Array.from({ length: styles }, (_, k) => this.t.brushStyle(k + 1)), this.t.eraser];
    this.brushChoices.replaceChildren(
      ...labels.map((label, k) => {
        const button = element('button', { type: 'button', textContent: label });
        if (k < styles) button.style.borderLeft = `0.8rem solid ${styleColours[k]}`;
        button.setAttribute('aria-pressed', String(k === this.brush));
        button.addEventListener('click', () => {
          this.brush = k;
          this.renderBrushChoices();
        });
        return button;
      }),
    );
  }

  /** One mask per style at `size` (the content's transfer size): exact for presets, from the overlay's colour channels when painted. */
  masksAt(mask: Exclude<MaskPreset, 'none'>, size: Size): Float32Array[] {
    const styles = this.host.styleCount();
    if (mask !== 'painted') return presetMasks(mask, size.width, size.height, styles);
    const pixels = resizedPixels(this.overlay, size);
    return Array.from({ length: styles }, (_, k) => {
      const values = new Float32Array(size.width * size.height);
      for (let i = 0; i < values.length; i += 1) values[i] = (pixels.data[i * 4 + styleChannel[k]!]! / 255) * (pixels.data[i * 4 + 3]! / 255);
      return values;
    });
  }

  /** Paints from one point to another (overlay pixels) with the chosen brush. */
  private stroke(from: Point, to: Point): void {
    const { overlay } = this;
    const context = overlay.getContext('2d')!;
    const erasing = this.brush >= this.host.styleCount();
    // Each stroke replaces what was under it, so a pixel belongs to one style at a time.
    context.globalCompositeOperation = erasing ? 'destination-out' : 'source-over';
    context.strokeStyle = erasing ? '#000' : styleColours[this.brush]!;
    context.lineWidth = (Number(this.brushSize.value) / overlay.getBoundingClientRect().width) * overlay.width;
    context.lineCap = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    context.globalCompositeOperation = 'source-over';
  }

  private brushName(): string {
    return this.brush >= this.host.styleCount() ? this.t.theEraser : this.t.brushStyle(this.brush + 1);
  }

  /**
   * Painting without a pointer: with the overlay focused, the arrow keys move a visible brush ring, Space
   * puts the brush down (painting as it moves) or lifts it (which ends the stroke, as a pointer-up does),
   * 1–3 choose a style's brush and E the eraser. A status line says what the brush does.
   */
  private bindKeys(): void {
    const { overlay } = this;
    const stage = overlay.parentElement!;
    const cursor = stage.querySelector<HTMLElement>('.mask-cursor');
    const status = stage.parentElement?.querySelector<HTMLElement>('.mask-status');
    if (!cursor || !status) return;
    // The brush position as fractions of the overlay, which is resized with the content preview.
    const at: Point = { x: 0.5, y: 0.5 };
    const pixels = (point: Point): Point => ({ x: point.x * overlay.width, y: point.y * overlay.height });
    let down = false;
    let painted = false;
    const place = (): void => {
      const box = overlay.getBoundingClientRect();
      const side = Number(this.brushSize.value);
      Object.assign(cursor.style, {
        left: `${at.x * 100}%`,
        top: `${at.y * 100}%`,
        width: `${side}px`,
        height: `${side}px`,
      });
      cursor.classList.toggle('is-down', down);
      cursor.hidden = document.activeElement !== overlay || box.width === 0;
    };
    const where = (): string => this.t.brushWhere(Math.round(at.x * 100), Math.round(at.y * 100));
    const lift = (): void => {
      down = false;
      place();
      if (painted) this.host.onPainted();
      painted = false;
    };
    overlay.addEventListener('focus', () => {
      place();
      status.textContent = this.t.brushFocused(this.brushName(), where());
    });
    overlay.addEventListener('blur', () => {
      if (down) lift();
      place();
    });
    overlay.addEventListener('keydown', (event) => {
      if (!this.host.painting()) return;
      const step = event.shiftKey ? 1 / 8 : 1 / 32;
      const moves: Record<string, Point> = {
        ArrowLeft: { x: -step, y: 0 },
        ArrowRight: { x: step, y: 0 },
        ArrowUp: { x: 0, y: -step },
        ArrowDown: { x: 0, y: step },
      };
      const move = moves[event.key];
      const styles = this.host.styleCount();
      const choice = event.key.toLowerCase() === 'e' ? styles : /^[1-9]$/.test(event.key) && Number(event.key) <= styles ? Number(event.key) - 1 : undefined;
      if (move) {
        const from = { ...at };
        at.x = Math.min(1, Math.max(0, at.x + move.x));
        at.y = Math.min(1, Math.max(0, at.y + move.y));
        if (down) {
          this.stroke(pixels(from), pixels(at));
          painted = true;
        }
      } else if (event.key === ' ' || event.key === 'Enter') {
        if (down) {
          lift();
          status.textContent = this.t.brushLiftedAt(where());
        } else {
          down = true;
          this.stroke(pixels(at), pixels(at));
          painted = true;
          status.textContent = this.t.brushPainting(this.brushName(), where());
        }
      } else if (event.key === 'Escape' && down) {
        lift();
        status.textContent = this.t.brushLifted;
      } else if (choice !== undefined) {
        this.brush = choice;
        this.renderBrushChoices();
        status.textContent = this.t.brushChosen(this.brushName());
      } else {
        return;
      }
      event.preventDefault();
      place();
    });
  }

  private bindBrush(): void {
    const { overlay } = this;
    let last: Point | undefined;
    const point = (event: PointerEvent): Point => {
      const box = overlay.getBoundingClientRect();
      return { x: ((event.clientX - box.left) / box.width) * overlay.width, y: ((event.clientY - box.top) / box.height) * overlay.height };
    };
    overlay.addEventListener('pointerdown', (event) => {
      if (!this.host.painting()) return;
      overlay.setPointerCapture(event.pointerId);
      last = point(event);
      this.stroke(last, last);
    });
    overlay.addEventListener('pointermove', (event) => {
      if (!last) return;
      const next = point(event);
      this.stroke(last, next);
      last = next;
    });
    const finish = (): void => {
      if (!last) return;
      last = undefined;
      this.host.onPainted();
    };
    overlay.addEventListener('pointerup', finish);
    overlay.addEventListener('pointercancel', finish);
  }
}
