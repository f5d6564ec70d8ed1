// What the page offers around a playground: opening a lesson or the lesson picker. The standalone page
// provides it; an embed may not, and then no lesson controls show.
import { createContext, useContext } from "react";

export interface Course {
  openLesson(id: number, step?: number): void;
  openPicker(): void;
  closePicker(): void;
  /** Whether the picker is open (the playground shows it, inside its own theme). */
  pickerOpen: boolean;
}

export const CourseContext = createContext<Course | null>(null);
export const useCourse = (): Course | null => useContext(CourseContext);
