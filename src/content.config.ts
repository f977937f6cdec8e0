import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

// Lessons live under src/lessons/<locale>/NN-slug.mdx, so a zh-CN translation is a sibling folder.
const lessons = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './src/lessons' }),
  schema: z.object({
    title: z.string(),
    summary: z.string(),
    order: z.number().int().positive(),
  }),
});

export const collections = { lessons };
