import { describe, expect, it } from 'vitest';
import { createSlugger, githubSlug } from './githubSlug.ts';

describe('githubSlug', () => {
  // Ids GitHub gives these headings of docs/ (read off github.com's rendering of the same text).
  it.each([
    ['3. Attach it to the flow', '3-attach-it-to-the-flow'],
    [
      "(a) A mini program's logic layer, over my.connectSocket",
      'a-a-mini-programs-logic-layer-over-myconnectsocket',
    ],
    ['An H5 page in a <web-view>', 'an-h5-page-in-a-web-view'],
    ['Origin policy, login CSRF', 'origin-policy-login-csrf'],
    ['The onShow loop: ask on a tap only', 'the-onshow-loop-ask-on-a-tap-only'],
    ['auth_user and  two spaces', 'auth_user-and--two-spaces'],
    ['Über café 日本語', 'über-café-日本語'],
  ])('%s → %s', (text, slug) => {
    expect(githubSlug(text)).toBe(slug);
  });

  it('numbers a repeated heading as GitHub does', () => {
    const slug = createSlugger();
    expect(['Hosts', 'Hosts', 'Other', 'Hosts'].map(slug)).toEqual(['hosts', 'hosts-1', 'other', 'hosts-2']);
  });
});
