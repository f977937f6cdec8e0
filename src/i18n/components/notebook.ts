import { defaultLocale, languageTags, locales, type Locale } from '../../lib/i18n';

/** The notebook's words: CodeCell/Exercise/Question markup, code-cell.ts, notebook-question.ts, notebook-session.ts. */
const en = {
  language: 'Language',
  badgeWaiting: 'runs in a worker when you press Run',
  codeLabel: (title: string) => `Code of cell ${title}: click or type to edit, Shift+Enter runs`,
  editorLabel: (title: string) => `Code of cell ${title} (Shift+Enter runs it)`,
  pytorchNote: 'The same in PyTorch, for comparison (read-only: it does not run here).',
  run: 'Run',
  runTitle: 'Run (Shift+Enter)',
  check: 'Check',
  stop: 'Stop',
  reset: 'Reset',
  copyLink: 'Copy link',
  linkNote: 'This code came from a link. It does not run until you press Run; Reset brings back the lesson’s code.',
  linkDamaged: 'The link meant to put code in this cell, but its code is damaged (cut short?). The cell shows your own code.',
  backToLesson: 'Back to the lesson’s code.',
  notSaved: 'Your edit could not be saved in this browser (storage full or blocked); it stays until you leave the page.',
  linkCopied: 'Link copied: it opens this page with your code in this cell.',
  linkInAddressBar: 'The address bar now holds the link with your code: copy it from there.',
  running: 'Running…',
  runningBecause: (note: string) => `Running… ${note}`,
  stopped: 'Stopped.',
  stoppedNote:
    'Stopped: the worker that ran the cells was ended, so the variables of every cell are gone. Run starts a fresh one (earlier cells run again first).',
  failedAfter: (seconds: string) => `Failed after ${seconds} s.`,
  ranIn: (seconds: string) => `Ran in ${seconds} s.`,
  line: (line: number, source: string) => `Line ${line}${source ? ` (${source})` : ''}: `,
  tensorsLeft: (left: string, count: number, total: string) =>
    `${left} tensor${count === 1 ? '' : 's'} left in memory by this run (freed when it runs again); ${total} in the worker.`,
  passed: '✓ Passed. ',
  notYet: '✗ Not yet. ',
  busy: 'Another cell is running: wait for it, or press Stop.',
  earlierFailed: 'An earlier cell failed (see its message above). Fix it, or press Run again to run this cell anyway.',
  runFirst: 'Run first, because a later cell needs it.',
  workerFailed: (reason: string) => `The notebook's worker failed (${reason}). Press Run to start a new one.`,
  workerScriptMissing: 'its script did not load',
  checkYourself: 'Check yourself',
  showSolution: 'Show a solution',
  predictThenCheck: 'Predict, then check',
  checkAnswer: 'Check answer',
  chooseFirst: 'Choose an answer first.',
  right: '✓ Right.',
  notQuite: '✗ Not quite. Read why, then try the lab.',
};

const zhCn: typeof en = {
  language: '语言',
  badgeWaiting: '按“运行”后在后台线程（worker）中运行',
  codeLabel: (title) => `单元格“${title}”的代码：点击或输入即可编辑，Shift+Enter 运行`,
  editorLabel: (title) => `单元格“${title}”的代码（Shift+Enter 运行）`,
  pytorchNote: '同样的计算，用 PyTorch 写出来，供对照（只读：不在这里运行）。',
  run: '运行',
  runTitle: '运行（Shift+Enter）',
  check: '检查',
  stop: '停止',
  reset: '还原',
  copyLink: '复制链接',
  linkNote: '这段代码来自一个链接。按“运行”之前它不会运行；“还原”会换回本课的代码。',
  linkDamaged: '这个链接本应把代码放进这个单元格，但其中的代码已损坏（可能被截断了）。单元格显示的是你自己的代码。',
  backToLesson: '已换回本课的代码。',
  notSaved: '你的修改无法保存在这个浏览器中（存储已满或被禁用）；在你离开本页之前它会一直保留。',
  linkCopied: '链接已复制：打开它会看到本页，这个单元格里是你的代码。',
  linkInAddressBar: '地址栏里现在是带有你的代码的链接：请从那里复制。',
  running: '正在运行…',
  runningBecause: (note) => `正在运行… ${note}`,
  stopped: '已停止。',
  stoppedNote: '已停止：运行单元格的后台线程已被结束，所以所有单元格的变量都没有了。“运行”会启动一个新的（先重新运行前面的单元格）。',
  failedAfter: (seconds) => `${seconds} 秒后失败。`,
  ranIn: (seconds) => `用时 ${seconds} 秒。`,
  line: (line, source) => `第 ${line} 行${source ? `（${source}）` : ''}：`,
  tensorsLeft: (left, _count, total) => `这次运行在内存中留下 ${left} 个张量（再次运行时释放）；后台线程中共有 ${total} 个。`,
  passed: '✓ 通过。',
  notYet: '✗ 还没有通过。',
  busy: '另一个单元格正在运行：请等它结束，或按“停止”。',
  earlierFailed: '前面的一个单元格失败了（见上面的消息）。修正它，或再按一次“运行”，仍然运行这个单元格。',
  runFirst: '先运行，因为后面的单元格需要它。',
  workerFailed: (reason) => `笔记本的后台线程失败了（${reason}）。按“运行”启动一个新的。`,
  workerScriptMissing: '它的脚本没有加载',
  checkYourself: '自我检查',
  showSolution: '显示参考答案',
  predictThenCheck: '先预测，再检查',
  checkAnswer: '检查答案',
  chooseFirst: '请先选择一个答案。',
  right: '✓ 正确。',
  notQuite: '✗ 不太对。读一读原因，再到实验里试一试。',
};

export type NotebookStrings = typeof en;

export const notebookStrings: Record<Locale, NotebookStrings> = { en, 'zh-cn': zhCn };

/** The words for the page the script runs on, from its `<html lang>`. */
export function notebookStringsOfPage(): NotebookStrings {
  const tag = document.documentElement.lang.toLowerCase();
  return notebookStrings[locales.find((locale) => languageTags[locale].toLowerCase() === tag) ?? defaultLocale];
}
