import type { Localized } from '../../lib/i18n';
import type { BackendChoice, BackendName, BackendReason } from '../../lib/backend';
import type { ThreadsProblem } from '../../lib/wasm-threads';

/**
 * The backend badge's words (BackendBadge.astro), the backends page's table and the device-lost notice:
 * which tfjs backend runs and why the ones before it were passed over (lib/backend.ts gives the reasons).
 */
const enLabels: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'plain JavaScript (CPU)' };

function enReason(reason: BackendReason, name: BackendName): string {
  switch (reason.kind) {
    case 'not-available':
      return `the ${enLabels[name]} backend is not available here`;
    case 'no-webgpu':
      return 'this browser does not offer WebGPU (no navigator.gpu)';
    case 'webgpu-lost':
      return 'WebGPU was given up after its device was lost';
    case 'emulated':
      return `the GPU is emulated in software (${reason.renderer}), which is slower than WebAssembly`;
    case 'init-failed':
      return `${enLabels[name]} failed to initialise`;
    case 'failed':
      return `${enLabels[name]} failed: ${reason.error}`;
    case 'webgpu-adapter':
      return reason.adapter ? `WebGPU adapter: ${reason.adapter}` : 'a WebGPU adapter is available';
    case 'webgl':
      return `WebGL ${reason.version} is available`;
    case 'wasm':
      if (!reason.simd) return 'WebAssembly without SIMD';
      if (reason.threads === undefined) return 'WebAssembly with SIMD, one thread (threads need a cross-origin isolated page)';
      return `WebAssembly with SIMD and ${reason.threads} thread${reason.threads === 1 ? '' : 's'}`;
    case 'cpu':
      return 'plain JavaScript always works, slowly';
  }
}

const en = {
  labels: enLabels,
  chosenAtFirstRun: 'backend: chosen at the first run',
  starting: 'backend: starting…',
  runsOn: (label: string) => `runs on ${label}`,
  /** The badge's opened text before a backend is chosen; HTML. */
  howChosen:
    'The demo picks WebGPU, then WebGL, WebAssembly, then plain JavaScript. Add <code>?backend=wasm</code> (or webgpu, webgl, cpu) to the address to force one.',
  reason: enReason,
  /** One sentence for the reader: which backend runs and why the ones before it were passed over. */
  explain: (choice: BackendChoice): string => {
    const chosen = choice.attempts.find((a) => a.ok);
    const skipped = choice.attempts.filter((a) => !a.ok).map((a) => `${enLabels[a.backend]}: ${enReason(a.reason, a.backend)}`);
    const how = choice.forced ? 'chosen in the URL' : 'the fastest that works here';
    const head = `Running on ${enLabels[choice.backend]} (${how}; ${chosen ? enReason(chosen.reason, chosen.backend) : ''}).`;
    return skipped.length ? `${head} Passed over: ${skipped.join('; ')}.` : head;
  },
  deviceLost: (reason: string, next: BackendName) => `The GPU device was lost (${reason || 'no reason given'}); switched to ${enLabels[next]}.`,
  /** Why `?threads=` was not used as given, and what was used instead. */
  threadsNotice: ({ kind, asked, cores }: ThreadsProblem): string =>
    kind === 'below one'
      ? `?threads=${asked} is below 1: using 1 thread.`
      : kind === 'above cores'
        ? `?threads=${asked} is more than this device's ${cores} cores: using every core (${cores}).`
        : `?threads=${asked} is not a whole number: using every core (${cores}).`,
};

const zhLabels: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: '纯 JavaScript（CPU）' };

function zhReason(reason: BackendReason, name: BackendName): string {
  switch (reason.kind) {
    case 'not-available':
      return `这里没有 ${zhLabels[name]} 后端`;
    case 'no-webgpu':
      return '这个浏览器不提供 WebGPU（没有 navigator.gpu）';
    case 'webgpu-lost':
      return 'WebGPU 的设备丢失后已停用';
    case 'emulated':
      return `GPU 是用软件模拟的（${reason.renderer}），比 WebAssembly 还慢`;
    case 'init-failed':
      return `${zhLabels[name]} 初始化失败`;
    case 'failed':
      return `${zhLabels[name]} 出错：${reason.error}`;
    case 'webgpu-adapter':
      return reason.adapter ? `WebGPU 适配器：${reason.adapter}` : '有可用的 WebGPU 适配器';
    case 'webgl':
      return `WebGL ${reason.version} 可用`;
    case 'wasm':
      if (!reason.simd) return 'WebAssembly，不支持 SIMD';
      if (reason.threads === undefined) return 'WebAssembly，支持 SIMD，单线程（多线程需要页面跨源隔离）';
      return `WebAssembly，支持 SIMD，${reason.threads} 个线程`;
    case 'cpu':
      return '纯 JavaScript 总能运行，只是慢';
  }
}

const zhCn: typeof en = {
  labels: zhLabels,
  chosenAtFirstRun: '后端：首次运行时选择',
  starting: '后端：启动中…',
  runsOn: (label) => `运行于 ${label}`,
  howChosen:
    '演示依次选用 WebGPU、WebGL、WebAssembly，最后是纯 JavaScript。在地址后加上 <code>?backend=wasm</code>（或 webgpu、webgl、cpu）可以强制使用其中一个。',
  reason: zhReason,
  explain: (choice) => {
    const chosen = choice.attempts.find((a) => a.ok);
    const skipped = choice.attempts.filter((a) => !a.ok).map((a) => `${zhLabels[a.backend]}：${zhReason(a.reason, a.backend)}`);
    const how = choice.forced ? '由地址指定' : '这里能用的最快的后端';
    const head = `正在 ${zhLabels[choice.backend]} 上运行（${how}；${chosen ? zhReason(chosen.reason, chosen.backend) : ''}）。`;
    return skipped.length ? `${head}跳过了：${skipped.join('；')}。` : head;
  },
  deviceLost: (reason, next) => `GPU 设备丢失（${reason || '未给出原因'}）；已切换到 ${zhLabels[next]}。`,
  threadsNotice: ({ kind, asked, cores }) =>
    kind === 'below one'
      ? `?threads=${asked} 小于 1：使用 1 个线程。`
      : kind === 'above cores'
        ? `?threads=${asked} 超过了本设备的 ${cores} 个核心：使用全部核心（${cores} 个）。`
        : `?threads=${asked} 不是整数：使用全部核心（${cores} 个）。`,
};

export const backendStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
