import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, REPO_ROOT } from './config-files';

/**
 * The README and the pages under docs/ link to each other and to their headings: every relative link must lead to a
 * file that exists and, when it names a heading, to a heading (or an explicit id) that page has. Headings are turned
 * into anchors the way GitHub does: the rendered text, lower case, punctuation dropped, spaces as dashes.
 */
const pages = [
  'README.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.posix.join('docs', file.split(path.sep).join('/'))),
];

interface Link {
  page: string;
  target: string;
  image: boolean;
}

/** The text a reader sees: no code blocks, no inline code, no HTML comments (placeholders filled at merge). */
function prose(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
    .replace(/`[^`\n]*`/g, '');
}

function linksOf(page: string): Link[] {
  const text = prose(readRepoFile(page));
  const links: Link[] = [];
  for (const [, bang, target = ''] of text.matchAll(/(!?)\[(?:[^\]]|\n)*?\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    links.push({ page, target, image: bang === '!' });
  for (const [, target = ''] of text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm))
    links.push({ page, target, image: false });
  for (const [, target = ''] of text.matchAll(/<img\s[^>]*src="([^"]+)"/g)) links.push({ page, target, image: true });
  return links.filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link.target));
}

/** GitHub's anchors for a page's headings (duplicates get -1, -2, …), plus any explicit `id`/`name`. */
function anchorsOf(page: string): Set<string> {
  const raw = readRepoFile(page);
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading = ''] of raw.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/`/g, '');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const [, id = ''] of raw.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

/** What is wrong with a link, or undefined when it resolves. */
function problem(link: Link): string | undefined {
  const [file, anchor] = decodeURI(link.target).split('#', 2) as [string, string | undefined];
  const resolved = file === '' ? link.page : path.posix.normalize(path.posix.join(path.posix.dirname(link.page), file));
  if (resolved.startsWith('..')) return 'leads outside the repository';
  const full = path.join(REPO_ROOT, resolved);
  if (!existsSync(full)) return `${resolved} does not exist`;
  if (anchor === undefined || anchor === '') return undefined;
  if (statSync(full).isDirectory() || !resolved.endsWith('.md')) return `#${anchor} on a file that has no headings`;
  return anchorsOf(resolved).has(anchor) ? undefined : `${resolved} has no heading #${anchor}`;
}

const broken = (links: Link[]): string[] =>
  links.flatMap((link) => {
    const why = problem(link);
    return why ? [`${link.page}: (${link.target}) ${why}`] : [];
  });

describe('links in the README and docs/', () => {
  const links = pages.flatMap(linksOf);

  it('finds the pages and their links', () => {
    expect(pages).toContain('docs/README.md');
    expect(links.filter((link) => link.page === 'README.md').length).toBeGreaterThan(5);
  });

  it('every relative link leads to a file that exists, and to a heading that page has', () => {
    expect(broken(links.filter((link) => !link.image))).toEqual([]);
  });

  it('every picture the pages show exists', () => {
    expect(broken(links.filter((link) => link.image))).toEqual([]);
  });

  it('turns headings into anchors the way GitHub does', () => {
    expect(anchorsOf('docs/integrator.md')).toContain('checking-a-controller-before-go-live-npm-run-conformance');
    expect(anchorsOf('docs/integrator.md')).toContain('when-opscoms-answer-is-unclear');
  });
});
