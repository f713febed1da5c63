/**
 * How long typing must pause before a draft is saved: short enough that a
 * crash loses a word, not a page. A tap (a choice, a red-flag answer) is saved
 * at once, and closing the window saves whatever is still waiting.
 */
export const AUTOSAVE_DELAY_MS = 700
