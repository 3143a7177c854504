/**
 * The window's workspace lives in the address (`?workspace=ID`): a second tab or window opened
 * with another id shows that workspace side by side, and a reload stays where it was. Ids only:
 * nothing secret or personal ever goes into the address.
 */
const PARAM = 'workspace';

export function workspaceFromAddress(): string | null {
  const value = new URL(window.location.href).searchParams.get(PARAM);
  return value && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/.test(value) ? value : null;
}

export function showWorkspaceInAddress(workspaceId: string): void {
  const url = new URL(window.location.href);
  if (url.searchParams.get(PARAM) === workspaceId) return;
  url.searchParams.set(PARAM, workspaceId);
  window.history.replaceState(window.history.state, '', url);
}

/** The app's own address for another window on this workspace (the session cookie signs it in). */
export function addressForWorkspace(workspaceId: string): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  url.searchParams.set(PARAM, workspaceId);
  return url.toString();
}
