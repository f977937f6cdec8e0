import type { Localized } from '../../lib/i18n';

/** WebcamStyle.astro and webcam-style.ts. */
const en = {
  title: 'Live camera',
  style: 'Style',
  start: 'Start camera',
  stop: 'Stop',
  camera: 'Camera',
  output: 'Stylised camera image',
  idle: 'Your camera stays off until you press Start; frames never leave this page.',
  denied: 'Camera access was denied. Allow the camera for this site in your browser’s address bar, then press Start again.',
  noCamera: 'No camera was found on this device.',
  busy: 'The camera is busy in another application, or the system blocked it.',
  couldNotStart: (error: string) => `The camera could not be started: ${error}`,
  stopped: 'Camera stopped.',
  stoppedHidden: 'Camera stopped while the page was hidden.',
  noAccess: 'This browser offers no camera access here (it needs a secure https:// page).',
  starting: 'Starting the camera and loading the mobile model…',
  streamEnded: 'The camera stream ended.',
  live: 'Live. Change the style or α at any time.',
  transferStopped: (error: string) => `The live transfer stopped: ${error}`,
  framesPerSecond: (fps: string, width: number, height: number) => `${fps} frames/s at ${width}×${height}`,
};

const zhCn: typeof en = {
  title: '实时摄像头',
  style: '风格',
  start: '打开摄像头',
  stop: '停止',
  camera: '摄像头',
  output: '风格化后的摄像头画面',
  idle: '在你按下“打开摄像头”之前，摄像头一直是关闭的；画面不会离开本页。',
  denied: '摄像头权限被拒绝。请在浏览器地址栏中允许本站使用摄像头，然后再按一次“打开摄像头”。',
  noCamera: '这台设备上没有找到摄像头。',
  busy: '摄像头正被其他应用占用，或被系统阻止。',
  couldNotStart: (error) => `无法打开摄像头：${error}`,
  stopped: '摄像头已停止。',
  stoppedHidden: '页面被隐藏，摄像头已停止。',
  noAccess: '这个浏览器在这里不提供摄像头访问（需要安全的 https:// 页面）。',
  starting: '正在打开摄像头并加载 mobile 模型…',
  streamEnded: '摄像头的视频流已结束。',
  live: '实时运行中。随时可以更换风格或调整 α。',
  transferStopped: (error) => `实时风格迁移已停止：${error}`,
  framesPerSecond: (fps, width, height) => `${fps} 帧/秒，${width}×${height}`,
};

export const webcamStyleStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
