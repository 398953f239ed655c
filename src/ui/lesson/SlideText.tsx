/**
 * A slide's words: plain text with kernel names in `backticks` set as code,
 * and blank lines as paragraphs. Never HTML: the text is content, not markup.
 */
export function SlideText({ text, className = '' }: { text: string; className?: string }) {
  return (
    <div className={`space-y-2 ${className}`}>
      {text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>
          {para.split('`').map((part, j) =>
            j % 2 === 1 ? (
              <code key={j} className="rounded bg-[var(--bg)] px-1 font-mono text-[0.92em]">
                {part}
              </code>
            ) : (
              part
            ),
          )}
        </p>
      ))}
    </div>
  );
}
