import { canvasFromPixels, decodeImageUrl, resizedPixels } from './image-input';
import { modelInputSize } from '../lib/image-size';
import { renderArt } from '../lib/procedural-art';
import { galleryImage } from '../lib/style-lab-state';
import type { EncodedStyle } from '../lib/transfer';
import { errorText, Island, localStrings } from './island';
import { webcamStyleStrings } from '../i18n/components/webcam-style';

const t = localStrings(webcamStyleStrings);
import { siteUrl } from './site-url';

/** Webcam frames are stylised at this long side: small enough for several frames a second on a CPU. */
const FRAME_SIDE = 192;

type WebcamPhase = 'idle' | 'starting' | 'live' | 'stopped' | 'error';

/** Words for getUserMedia's failures. */
function cameraError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return t.denied;
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return t.noCamera;
  if (name === 'NotReadableError') return t.busy;
  return t.couldNotStart(errorText(error));
}

class WebcamStyle extends Island {
  private stream: MediaStream | undefined;
  private cachedStyle: { id: string; encoded: EncodedStyle } | undefined;
  private frameRequest = 0;

  connectedCallback(): void {
    this.button('.webcam-start').addEventListener('click', () => void this.start());
    this.button('.webcam-stop').addEventListener('click', () => void this.stop(t.stopped));
    this.listen(document, 'visibilitychange', () => {
      if (document.hidden && this.stream) void this.stop(t.stoppedHidden);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.stream) void this.stop(t.stopped);
  }

  private button(selector: string): HTMLButtonElement {
    return this.find<HTMLButtonElement>(selector);
  }

  private say(text: string, phase: WebcamPhase): void {
    this.dataset.state = phase;
    const message = this.find('.webcam-message');
    message.textContent = text;
    message.classList.toggle('message-error', phase === 'error');
    this.button('.webcam-start').disabled = phase === 'starting' || phase === 'live';
    this.button('.webcam-stop').disabled = phase !== 'live' && phase !== 'starting';
  }

  private async styleCanvas(id: string): Promise<HTMLCanvasElement> {
    const image = galleryImage(id);
    if (image?.art) return canvasFromPixels(renderArt(image.art.kind, image.art.seed, 256, 256));
    return (await decodeImageUrl(siteUrl(`images/${image?.file ?? 'brick.png'}`))).canvas;
  }

  private async start(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.say(t.noAccess, 'error');
      return;
    }
    this.say(t.starting, 'starting');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 320 }, height: { ideal: 240 } }, audio: false });
    } catch (error) {
      this.say(cameraError(error), 'error');
      return;
    }
    const video = this.find<HTMLVideoElement>('.webcam-video');
    video.srcObject = this.stream;
    this.stream.getVideoTracks()[0]?.addEventListener('ended', () => void this.stop(t.streamEnded));
    try {
      await video.play();
      const engine = await import('./style-engine');
      await engine.ready();
      const model = await engine.getModel('mobile');
      if (!this.stream) return;
      this.say(t.live, 'live');
      this.loop(engine, model, video);
    } catch (error) {
      await this.stop(t.transferStopped(errorText(error)), 'error');
    }
  }

  private loop(engine: typeof import('./style-engine'), model: Awaited<ReturnType<typeof import('./style-engine').getModel>>, video: HTMLVideoElement): void {
    const output = this.find<HTMLCanvasElement>('.webcam-output');
    const fps = this.find('.webcam-fps');
    const choice = this.find<HTMLSelectElement>('.webcam-style-choice');
    const alpha = this.find<HTMLInputElement>('.webcam-alpha');
    let average = 0;
    let frames = 0;
    let last = performance.now();
    const step = async (): Promise<void> => {
      if (!this.stream) return;
      try {
        if (this.cachedStyle?.id !== choice.value) {
          if (this.cachedStyle) engine.disposeStyle(this.cachedStyle.encoded);
          this.cachedStyle = undefined;
          const canvas = await this.styleCanvas(choice.value);
          this.cachedStyle = { id: choice.value, encoded: engine.encodeStyleForFrames(model, resizedPixels(canvas, modelInputSize(canvas, 256))) };
        }
        const style = this.cachedStyle.encoded;
        if (video.videoWidth > 0) {
          const size = modelInputSize({ width: video.videoWidth, height: video.videoHeight }, FRAME_SIDE);
          const frame = engine.stylizeFrame(model, resizedPixels(video, size), style, Number(alpha.value));
          const pixels = await engine.tensorToPixels(frame);
          frame.dispose();
          output.width = size.width;
          output.height = size.height;
          output.getContext('2d')?.putImageData(pixels, 0, 0);
          const now = performance.now();
          average = average === 0 ? now - last : 0.8 * average + 0.2 * (now - last);
          last = now;
          fps.textContent = t.framesPerSecond((1000 / average).toFixed(1), size.width, size.height);
          // Test hooks: frames drawn, and the live tensor count after each (it must stay flat).
          this.dataset.frames = String(++frames);
          this.dataset.numTensors = String(engine.tf.memory().numTensors);
        }
        this.frameRequest = requestAnimationFrame(() => void step());
      } catch (error) {
        await this.stop(t.transferStopped(errorText(error)), 'error');
      }
    };
    void step();
  }

  private async stop(text: string, phase: WebcamPhase = 'stopped'): Promise<void> {
    cancelAnimationFrame(this.frameRequest);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
    if (this.cachedStyle) {
      const engine = await import('./style-engine');
      engine.disposeStyle(this.cachedStyle.encoded);
      this.cachedStyle = undefined;
    }
    this.say(text, phase);
  }
}

if (!customElements.get('webcam-style')) customElements.define('webcam-style', WebcamStyle);
