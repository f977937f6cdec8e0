import type { Localized } from '../../lib/i18n';
import type { CodeReferenceId } from '../../lib/references';

/** The words around a reference list's English citations (References.astro; the records are src/lib/references.ts). */
const en = {
  /** Around the title a paper first circulated under, after its venue. */
  firstAs: { before: ' (first as “', after: '”)' },
  /** After a code repository's name: what it is. */
  describe: (about: string) => `: ${about}.`,
  /** What each code repository is. */
  code: {
    adainStyleCode: 'the authors’ Lua Torch code for the AdaIN paper',
    pytorchAdainCode: 'an unofficial PyTorch port (its function.py holds calc_mean_std)',
  } satisfies Record<CodeReferenceId, string>,
};

const zhCn: typeof en = {
  firstAs: { before: '（最初题为“', after: '”）' },
  describe: (about) => `：${about}。`,
  code: {
    adainStyleCode: 'AdaIN 论文作者的 Lua Torch 代码',
    pytorchAdainCode: '非官方的 PyTorch 移植版（其 function.py 中有 calc_mean_std）',
  },
};

export const referenceStrings: Localized<typeof en> = { en, 'zh-cn': zhCn };
