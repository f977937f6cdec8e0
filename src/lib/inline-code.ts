/**
 * Notebook text fields (tasks, prompts, explanations) are plain text with inline `code`, so a translation can
 * replace them one by one. This splits such a text into runs for the page to render.
 */
export interface TextRun {
  text: string;
  code: boolean;
}

export function splitInlineCode(text: string): TextRun[] {
  return text
    .split(/(`[^`\n]+`)/)
    .filter((part) => part !== '')
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? { text: part.slice(1, -1), code: true } : { text: part, code: false }));
}
