/** The event an <image-drop> fires when the reader gives it a file (kept apart so listeners need no DOM code of the zone). */
export const imageChosenEvent = 'image-chosen';

export interface ImageChosenDetail {
  /** Which zone it came from (the `target` prop). */
  target: string;
  blob: Blob;
}
