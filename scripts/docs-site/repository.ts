/**
 * The repository the docs link to (its files on GitHub, "edit this page", the API's source links),
 * read from the root package.json's `repository` field so there is one place to change it.
 */
import { readFileSync } from 'node:fs';

interface RootManifest {
  repository?: string | { url?: string };
}

const manifest = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as RootManifest;
const declared = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
const match = /github\.com[/:]([^/]+)\/([^/]+?)(?:\.git)?$/.exec(declared ?? '');
if (!match) throw new Error('the root package.json needs a `repository` on github.com');

export const repository = {
  owner: match[1]!,
  name: match[2]!,
  /** `https://github.com/<owner>/<name>` */
  url: `https://github.com/${match[1]}/${match[2]}`,
  /** The branch the docs' file links and "edit this page" point at. */
  branch: 'main',
};
