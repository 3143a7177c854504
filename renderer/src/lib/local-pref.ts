import { useCallback, useState } from 'react';

const PREFIX = 'hangar.ui.';

/**
 * A UI preference kept in localStorage (column choice, panel open or closed). Only ever non-secret
 * view settings: nothing typed into a form, nothing from the cloud. Invalid or unreadable values
 * fall back to the default, so a stale preference never breaks the view.
 */
export function useLocalPref<T>(
  key: string,
  fallback: T,
  isValid: (value: unknown) => value is T,
): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => readPref(key, fallback, isValid));
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the preference lasts for this window only.
      }
    },
    [key],
  );
  return [value, update];
}

function readPref<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T {
  try {
    const text = window.localStorage.getItem(PREFIX + key);
    if (text === null) return fallback;
    const parsed: unknown = JSON.parse(text);
    return isValid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
