// markdown-it ships no types; the tests use it only to render Markdown as a GitHub comment would be.
declare module 'markdown-it' {
  export default class MarkdownIt {
    constructor(options?: { html?: boolean; linkify?: boolean });
    render(source: string): string;
  }
}
