import { canvasFromPixels, decodeImageBlob, decodeImageUrl, ImageInputError } from './image-input';
import { localStrings } from './island';
import { styleLabStrings } from '../i18n/components/style-lab';
import { siteUrl } from './site-url';
import type { Size } from '../lib/image-size';
import { renderArt } from '../lib/procedural-art';
import { galleryImage, type ImageId } from '../lib/style-lab-state';

/**
 * The style lab's images by id: gallery photos (decoded once), procedural art, the reader's uploads and
 * paintings. Each has a version, bumped when the pixels behind an id change (a repainted style), so the
 * encodings cached under its key are not reused.
 */

export interface ImageSource {
  canvas: HTMLCanvasElement;
  version: number;
}

/** Paints the procedural-art thumbnails of the galleries (`canvas[data-art]`). */
export function drawArtThumbnails(root: ParentNode): void {
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-art]')) {
    const art = galleryImage(canvas.dataset.art ?? '')?.art;
    if (!art) continue;
    canvas.getContext('2d')?.putImageData(new ImageData(renderArt(art.kind, art.seed, canvas.width, canvas.height).data, canvas.width, canvas.height), 0, 0);
  }
}

export function isPainting(id: ImageId): boolean {
  return /^paint-/.test(id);
}

export class ImageSources {
  private readonly sources = new Map<ImageId, ImageSource>();
  private localCount = 0;

  /** The image if it is ready (decoded or made). */
  get(id: ImageId): ImageSource | undefined {
    return this.sources.get(id);
  }

  /** Decodes (once) a built-in image; art is painted at 512², enough for any transfer size it is used at. */
  async load(id: ImageId): Promise<ImageSource> {
    const known = this.sources.get(id);
    if (known) return known;
    const image = galleryImage(id);
    if (!image) throw new ImageInputError(localStrings(styleLabStrings).imageGone(id));
    const canvas = image.art
      ? canvasFromPixels(renderArt(image.art.kind, image.art.seed, 512, 512))
      : (await decodeImageUrl(siteUrl(`images/${image.file!}`))).canvas;
    const source = { canvas, version: 0 };
    this.sources.set(id, source);
    return source;
  }

  /** Decodes a reader's file under a new id; the notices say what was changed (e.g. scaled down). */
  async addUpload(blob: Blob): Promise<{ id: ImageId; notices: string[] }> {
    const decoded = await decodeImageBlob(blob);
    const id = `upload-${++this.localCount}`;
    this.sources.set(id, { canvas: decoded.canvas, version: 0 });
    return { id, notices: decoded.notices };
  }

  /**
   * A copy of the painting canvas: a new version of `replacing` when that is a painting already (the
   * reader keeps painting the same style), else under a new id. Returns the id.
   */
  addPainting(canvas: HTMLCanvasElement, replacing: ImageId | undefined): ImageId {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')?.drawImage(canvas, 0, 0);
    const existing = replacing && isPainting(replacing) ? this.sources.get(replacing) : undefined;
    if (replacing && existing) {
      this.sources.set(replacing, { canvas: copy, version: existing.version + 1 });
      return replacing;
    }
    const id = `paint-${++this.localCount}`;
    this.sources.set(id, { canvas: copy, version: 0 });
    return id;
  }

  /** The cache key of an image's pixels at a size: the same key means the same pixels. */
  key(id: ImageId, size: Size): string {
    return `${id}@${this.sources.get(id)?.version ?? 0}@${size.width}x${size.height}`;
  }
}
