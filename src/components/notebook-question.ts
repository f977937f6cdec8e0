import { readProgress, recordProgress } from '../lib/notebook-storage';
import { Island, localStrings } from './island';
import { notebookStrings } from '../i18n/components/notebook';

/** A question's answer check; a right answer is stored so the home page can show the lesson's progress. */
class NotebookQuestion extends Island {
  connectedCallback(): void {
    const t = localStrings(notebookStrings);
    const form = this.find<HTMLFormElement>('form');
    const verdict = this.find('.nb-verdict');
    const explanation = this.find('.nb-explanation');
    const lesson = this.dataset.lesson ?? '';
    const id = this.dataset.question ?? '';
    const store = (() => {
      try {
        return localStorage;
      } catch {
        return undefined;
      }
    })();
    if (store && readProgress(store, lesson).questions.includes(id)) this.dataset.answeredBefore = 'true';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (!chosen) {
        verdict.textContent = t.chooseFirst;
        return;
      }
      const correct = chosen.value === this.dataset.answer;
      this.dataset.correct = String(correct);
      verdict.textContent = correct ? t.right : t.notQuite;
      explanation.hidden = false;
      if (correct && store) recordProgress(store, lesson, 'questions', id);
    });
  }
}

if (!customElements.get('notebook-question')) customElements.define('notebook-question', NotebookQuestion);
