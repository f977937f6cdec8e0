import { Decoration, EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, type DecorationSet } from '@codemirror/view';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting, defaultHighlightStyle, HighlightStyle } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { javascript } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

/**
 * The CodeMirror 6 editor a cell swaps in for its static code once the reader can use it (loaded lazily, so
 * the lesson paints first). Shift+Enter runs; Tab indents, and Escape then Tab leaves the editor (CodeMirror's
 * rule, so the keyboard never gets trapped). Colours come from the site's CSS variables: dark mode follows.
 */
export interface EditorHandle {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
  /** Marks the reader's line of an error (1-based), or clears the mark. */
  markLine(line: number | undefined): void;
}

const darkAware = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--code-keyword, #8250df)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--code-string, #0a7d32)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--code-number, #b35900)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--code-function, #0550ae)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--bg)', color: 'var(--fg)', fontSize: '0.88rem' },
  // The static code shown before the editor loads has the same padding, so the page does not shift when it swaps.
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--fg)', padding: '0.5rem 0' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '&.cm-focused .cm-activeLine': { backgroundColor: 'var(--highlight)' },
  '.cm-error-line': { backgroundColor: 'var(--error-bg)' },
  '&.cm-focused': { outline: '2px solid var(--accent)' },
});

const setErrorLine = StateEffect.define<number | undefined>();
const errorLineMark = Decoration.line({ class: 'cm-error-line' });

/** The error's line, tinted until the code changes. */
const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLine)) continue;
      const line = effect.value;
      return line !== undefined && line <= transaction.state.doc.lines
        ? Decoration.set([errorLineMark.range(transaction.state.doc.line(line).from)])
        : Decoration.none;
    }
    return transaction.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** An editor in place of what `host` shows: swapped in one step, so the page neither grows nor scrolls meanwhile. */
export function createEditor(host: HTMLElement, code: string, label: string, onRun: () => void, onChange: (code: string) => void): EditorHandle {
  const view = new EditorView({
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        javascript({ typescript: true }),
        syntaxHighlighting(darkAware),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([{ key: 'Shift-Enter', run: () => (onRun(), true) }, ...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        theme,
        errorLineField,
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  host.replaceChildren(view.dom);
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (next) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } }),
    focus: () => view.focus(),
    markLine: (line) => view.dispatch({ effects: setErrorLine.of(line) }),
  };
}
