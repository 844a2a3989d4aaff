import { describe, expect, it } from 'vitest';
import { parseComments } from './markdown.js';

describe('the analyst comments', () => {
  it('splits at ## <question id> and renders Markdown without raw HTML or unsafe links', () => {
    const comments = parseComments('# Intro ignored\n\n## secteur_principal\nLe **sport** domine.\n<script>alert(1)</script>\n[x](javascript:alert(1))\n\n```\n## not_a_heading\n```\n## rennes.quartier\n- un\n', 'c.md');
    expect([...comments.byId.keys()]).toEqual(['secteur_principal', 'rennes.quartier']);
    const html = comments.byId.get('secteur_principal')!.markup.html;
    expect(html).toContain('<strong>sport</strong>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|href="javascript/);
    expect(html).toContain('## not_a_heading');
    expect(comments.byId.get('rennes.quartier')).toMatchObject({ line: 11 });
  });

  it('names the line of a duplicate or malformed heading', () => {
    expect(() => parseComments('## employeur\na\n## employeur\nb\n', 'c.md')).toThrow('c.md:3:4: [reports/comment-duplicate] question "employeur" already has a comment above');
    expect(() => parseComments('## Le secteur\n', 'c.md')).toThrow(/^c\.md:1:4: \[reports\/comment-heading\] "## Le secteur" is not a question id/);
  });
});
