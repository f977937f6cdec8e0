/**
 * The papers and code the lessons cite, one entry each, so every lesson's reference list (and a translated
 * edition's) points at the same record. Titles stay in English in every locale; the words around them (what a
 * piece of code is, "first as") are in src/i18n/components/references.ts.
 */
export interface Reference {
  authors: string;
  /** Publication year; omitted for code. */
  year?: number;
  title: string;
  /** Where it was published; omitted for code. */
  venue?: string;
  /** The title a paper first circulated under, when it was renamed for publication. */
  firstTitle?: string;
  /** arXiv identifier, e.g. "1703.06868". */
  arxiv?: string;
  /** For code without a paper: the repository's address. */
  url?: string;
}

export const references = {
  ioffe2015: {
    authors: 'S. Ioffe, C. Szegedy',
    year: 2015,
    title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
    venue: 'ICML',
    arxiv: '1502.03167',
  },
  ba2016: { authors: 'J. L. Ba, J. R. Kiros, G. E. Hinton', year: 2016, title: 'Layer Normalization', arxiv: '1607.06450' },
  ulyanov2016: {
    authors: 'D. Ulyanov, A. Vedaldi, V. Lempitsky',
    year: 2016,
    title: 'Instance Normalization: The Missing Ingredient for Fast Stylization',
    arxiv: '1607.08022',
  },
  ulyanov2016texture: {
    authors: 'D. Ulyanov, V. Lebedev, A. Vedaldi, V. Lempitsky',
    year: 2016,
    title: 'Texture Networks: Feed-forward Synthesis of Textures and Stylized Images',
    venue: 'ICML',
    arxiv: '1603.03417',
  },
  ulyanov2017: {
    authors: 'D. Ulyanov, A. Vedaldi, V. Lempitsky',
    year: 2017,
    title: 'Improved Texture Networks: Maximizing Quality and Diversity in Feed-forward Stylization and Texture Synthesis',
    venue: 'CVPR',
    arxiv: '1701.02096',
  },
  wu2018: { authors: 'Y. Wu, K. He', year: 2018, title: 'Group Normalization', venue: 'ECCV', arxiv: '1803.08494' },
  dumoulin2017: {
    authors: 'V. Dumoulin, J. Shlens, M. Kudlur',
    year: 2017,
    title: 'A Learned Representation for Artistic Style',
    venue: 'ICLR',
    arxiv: '1610.07629',
  },
  huang2017: {
    authors: 'X. Huang, S. Belongie',
    year: 2017,
    title: 'Arbitrary Style Transfer in Real-time with Adaptive Instance Normalization',
    venue: 'ICCV',
    arxiv: '1703.06868',
  },
  gatys2016: {
    authors: 'L. A. Gatys, A. S. Ecker, M. Bethge',
    year: 2016,
    title: 'Image Style Transfer Using Convolutional Neural Networks',
    venue: 'CVPR',
    firstTitle: 'A Neural Algorithm of Artistic Style',
    arxiv: '1508.06576',
  },
  johnson2016: {
    authors: 'J. Johnson, A. Alahi, L. Fei-Fei',
    year: 2016,
    title: 'Perceptual Losses for Real-Time Style Transfer and Super-Resolution',
    venue: 'ECCV',
    arxiv: '1603.08155',
  },
  chen2016: {
    authors: 'T. Q. Chen, M. Schmidt',
    year: 2016,
    title: 'Fast Patch-based Style Transfer of Arbitrary Style',
    arxiv: '1612.04337',
  },
  li2016adabn: {
    authors: 'Y. Li, N. Wang, J. Shi, J. Liu, X. Hou',
    year: 2016,
    title: 'Revisiting Batch Normalization For Practical Domain Adaptation',
    arxiv: '1603.04779',
  },
  pan2018: {
    authors: 'X. Pan, P. Luo, J. Shi, X. Tang',
    year: 2018,
    title: 'Two at Once: Enhancing Learning and Generalization Capacities via IBN-Net',
    venue: 'ECCV',
    arxiv: '1807.09441',
  },
  karras2018: {
    authors: 'T. Karras, T. Aila, S. Laine, J. Lehtinen',
    year: 2018,
    title: 'Progressive Growing of GANs for Improved Quality, Stability, and Variation',
    venue: 'ICLR',
    arxiv: '1710.10196',
  },
  karras2019: {
    authors: 'T. Karras, S. Laine, T. Aila',
    year: 2019,
    title: 'A Style-Based Generator Architecture for Generative Adversarial Networks',
    venue: 'CVPR',
    arxiv: '1812.04948',
  },
  isola2017: {
    authors: 'P. Isola, J.-Y. Zhu, T. Zhou, A. A. Efros',
    year: 2017,
    title: 'Image-to-Image Translation with Conditional Adversarial Networks (pix2pix)',
    venue: 'CVPR',
    arxiv: '1611.07004',
  },
  radford2016: {
    authors: 'A. Radford, L. Metz, S. Chintala',
    year: 2016,
    title: 'Unsupervised Representation Learning with Deep Convolutional Generative Adversarial Networks (DCGAN)',
    venue: 'ICLR',
    arxiv: '1511.06434',
  },
  zhu2017: {
    authors: 'J.-Y. Zhu, T. Park, P. Isola, A. A. Efros',
    year: 2017,
    title: 'Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial Networks (CycleGAN)',
    venue: 'ICCV',
    arxiv: '1703.10593',
  },
  adainStyleCode: {
    authors: 'X. Huang',
    title: 'AdaIN-style',
    url: 'https://github.com/xunhuang1995/AdaIN-style',
  },
  pytorchAdainCode: {
    authors: 'N. Inoue',
    title: 'pytorch-AdaIN',
    url: 'https://github.com/naoto0804/pytorch-AdaIN',
  },
} as const satisfies Record<string, Reference>;

export type ReferenceId = keyof typeof references;

/** The references that are code (a repository, no paper): each is described in the reader's language. */
export type CodeReferenceId = { [K in ReferenceId]: (typeof references)[K] extends { url: string } ? K : never }[ReferenceId];

/** Where a reader can open the work: its arXiv abstract page, or the code's repository. */
export function referenceHref(reference: Reference): string {
  if (reference.arxiv) return `https://arxiv.org/abs/${reference.arxiv}`;
  if (reference.url) return reference.url;
  throw new Error(`reference “${reference.title}” has neither an arXiv id nor an address`);
}
