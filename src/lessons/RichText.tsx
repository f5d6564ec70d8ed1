// A lesson's text with its two marks: `code` and **bold**, and blank lines between paragraphs. Built as
// React elements, never as HTML, so a text can hold nothing that runs.
import { Fragment, type ReactNode } from "react";

const MARK = /(`[^`]+`|\*\*[^*]+\*\*)/g;

function inline(text: string): ReactNode[] {
  return text.split(MARK).map((part, i) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1)
      return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith("**") && part.endsWith("**") && part.length > 3)
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

/** One line of marked text, inside a sentence (a question, a choice). */
export function InlineText({ text }: { text: string }) {
  return <>{inline(text)}</>;
}

export function RichText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((p, i) => (
        <p key={i}>{inline(p.trim())}</p>
      ))}
    </>
  );
}
