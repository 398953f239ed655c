/** Lesson 12 (SPEC 6, SPEC 1.5): msharefs, the 2025 successor; listed until its model exists. */
import type { Lesson } from './types';

export const msharefs: Lesson = {
  id: 'msharefs',
  title: 'What came next: msharefs',
  question: 'How does the 2025 successor share page tables: 512 GiB regions, any address, mprotect refused?',
  minutes: 5,
  scenario: '',
  slides: [],
  status: 'coming',
};
