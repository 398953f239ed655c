/** While a reader explores a lesson's scenario freely: which lesson, and the way back to its slide. */
import { selectLesson } from '../../store/selectors';
import { useActions, useSim } from '../common/SimProvider';

export function ExploringBar() {
  const lesson = useSim(selectLesson);
  const { exploreLesson } = useActions();
  if (lesson === null || !lesson.exploring || lesson.resolved === null) return null;
  return (
    <div className="flex items-center gap-3 border-b border-[var(--line)] bg-[var(--bg)] px-4 py-1.5 text-sm" role="status" data-testid="exploring">
      <span className="flex-1">
        Exploring “{lesson.resolved.lesson.title}” freely: edit, step, inspect.
      </span>
      <button type="button" className="focus-ring rounded-md border border-[var(--line)] px-3 py-1 text-sm" onClick={() => exploreLesson(false)}>
        Back to the lesson (slide {lesson.slide + 1})
      </button>
    </div>
  );
}
