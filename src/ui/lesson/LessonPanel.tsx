/**
 * The lesson beside the diagram: its title, the slide's words (numbers from
 * the engine), what the proposal leaves open, the prediction to make before
 * the step runs, and the way on (Back, Next; Esc to explore freely).
 */
import { selectLesson } from '../../store/selectors';
import { slideOf, waitsForAnswer } from '../../store/lessonState';
import { useActions, useSim } from '../common/SimProvider';
import { PredictBox } from './PredictBox';
import { SlideText } from './SlideText';

const nav = 'focus-ring rounded-md border border-[var(--line)] px-3 py-1.5 text-sm hover:bg-[var(--bg)] disabled:opacity-40';

export function LessonPanel() {
  const lesson = useSim(selectLesson);
  const { setSlide, answered, exploreLesson, closeLesson } = useActions();
  if (lesson === null) return null;
  if (lesson.resolved === null) {
    return (
      <div className="p-4 text-sm" role="status" data-testid="lesson-panel">
        {lesson.problem ?? 'Computing the lesson’s numbers in the engine…'}
        {lesson.problem !== null && (
          <button type="button" className={`${nav} mt-3 block`} onClick={closeLesson}>
            Close
          </button>
        )}
      </div>
    );
  }
  const slide = slideOf(lesson);
  const total = lesson.resolved.slides.length;
  const waiting = waitsForAnswer(lesson);
  if (slide === null) return null;
  return (
    <section className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto p-4" aria-labelledby="lesson-title" data-testid="lesson-panel">
      <header>
        <p className="text-xs font-semibold tracking-wide text-[var(--muted)] uppercase">
          Lesson · slide {lesson.slide + 1} of {total}
        </p>
        <h2 id="lesson-title" className="text-base font-semibold">
          {lesson.resolved.lesson.title}
        </h2>
      </header>
      <article aria-live="polite" className="space-y-3" data-testid="slide">
        <h3 className="text-lg font-semibold">{slide.title}</h3>
        {/* The words tell what the step does: they wait until the reader has predicted it. */}
        {waiting ? <p className="text-sm text-[var(--muted)]">Predict first; the step and its story follow.</p> : <SlideText text={slide.text} className="text-[15px] leading-relaxed" />}
        {slide.open !== undefined && (
          <p className="rounded-md border-l-4 border-[var(--changed)] bg-[var(--bg)] px-3 py-2 text-sm" data-testid="open-point">
            <strong>Open in the proposal:</strong> {slide.open}
          </p>
        )}
      </article>
      {slide.predict !== undefined && <PredictBox question={slide.predict} done={!waiting} onAnswered={answered} slideKey={`${lesson.id}-${lesson.slide}`} />}
      <nav aria-label="Slides" className="mt-auto flex flex-wrap items-center gap-2 pt-2">
        <button type="button" className={nav} disabled={lesson.slide === 0} onClick={() => setSlide(lesson.slide - 1)}>
          ← Back
        </button>
        <button type="button" className={nav} disabled={lesson.slide >= total - 1 || waiting} onClick={() => setSlide(lesson.slide + 1)} data-testid="next-slide">
          Next →
        </button>
        <button type="button" className={`${nav} ml-auto`} onClick={() => exploreLesson(true)} title="Esc">
          Explore freely (Esc)
        </button>
        <button type="button" className={nav} onClick={closeLesson}>
          Close lesson
        </button>
      </nav>
    </section>
  );
}
