/**
 * Renders an admin's consent statement (short Markdown) to HTML that is safe to inline: raw HTML is never
 * allowed (`html: false` escapes it), links are auto-detected, markdown-it's link validation drops
 * `javascript:`/`vbscript:`/`file:` URLs, and every link opens with rel="noopener noreferrer".
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  token.attrSet('rel', 'noopener noreferrer');
  token.attrSet('target', '_blank');
  return self.renderToken(tokens, idx, options);
};

export function renderConsentMarkdown(markdown: string): string {
  return md.render(markdown);
}
