/**
 * Predict, then reveal: the reader answers before the step runs (a number
 * with its unit, or a choice); the lab checks the answer against the
 * engine's, says why in words, and only then plays the step. A wrong answer
 * gets a hint and another try; "Show me" reveals.
 */
import { useEffect, useState } from 'react';
import { checkAnswer } from '../../lessons/answers';
import type { ResolvedQuestion } from '../../lessons/types';
import { SlideText } from './SlideText';

interface Props {
  readonly question: ResolvedQuestion;
  readonly done: boolean;
  readonly onAnswered: () => void;
  readonly slideKey: string;
}

const UNIT_HINT = { bytes: 'bytes, or with a unit: 16 KiB', tables: 'a number of tables', pages: 'a number of pages' } as const;

export function PredictBox({ question, done, onAnswered, slideKey }: Props) {
  const [input, setInput] = useState('');
  const [feedback, setFeedback] = useState<{ ok: boolean; message: string } | null>(null);
  useEffect(() => {
    setInput('');
    setFeedback(null);
  }, [slideKey]);
  const check = (text: string): void => {
    const r = checkAnswer(question, question.value, text);
    setFeedback(r);
    if (r.ok) onAnswered();
  };
  return (
    <section className="rounded-lg border-2 border-[var(--changed)] p-3" aria-labelledby={`q-${slideKey}`} data-testid="predict">
      <h3 id={`q-${slideKey}`} className="text-sm font-semibold">
        Predict, then see
      </h3>
      <SlideText text={question.prompt} className="mt-1 text-sm" />
      {!done && (
        <form
          className="mt-2 flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            check(input);
          }}
        >
          {question.kind === 'number' ? (
            <input
              className="focus-ring w-44 rounded border border-[var(--line)] bg-[var(--panel)] px-2 py-1 font-mono text-sm"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              aria-label={`Your answer (${UNIT_HINT[question.unit]})`}
              placeholder={UNIT_HINT[question.unit]}
              data-testid="predict-input"
            />
          ) : (
            <fieldset className="flex flex-wrap gap-2">
              <legend className="sr-only">Your answer</legend>
              {question.options.map((o) => (
                <label key={o} className="flex items-center gap-1 rounded border border-[var(--line)] px-2 py-1 text-sm">
                  <input type="radio" name={`choice-${slideKey}`} value={o} checked={input === o} onChange={() => setInput(o)} />
                  {o}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" className="focus-ring rounded-md bg-[var(--shared)] px-3 py-1 text-sm font-semibold text-[var(--on-shared)]" disabled={input.trim() === ''}>
            Check
          </button>
          <button
            type="button"
            className="focus-ring rounded-md border border-[var(--line)] px-3 py-1 text-sm"
            onClick={() => {
              setFeedback({ ok: true, message: `It is ${question.answerText}.` });
              onAnswered();
            }}
          >
            Show me
          </button>
        </form>
      )}
      <div aria-live="polite" className="mt-2 text-sm" data-testid="predict-feedback">
        {feedback !== null && (
          <p className={feedback.ok ? 'font-semibold text-[var(--shared)]' : 'font-semibold text-[var(--error)]'}>
            {feedback.ok ? '✓ ' : '✗ '}
            {feedback.message}
          </p>
        )}
        {done && (
          <div className="mt-1">
            <p>
              <strong>Answer:</strong> {question.answerText}
            </p>
            <SlideText text={question.why} />
          </div>
        )}
      </div>
    </section>
  );
}
