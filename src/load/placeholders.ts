/**
 * The text `npm run new` writes for the author to replace. An article still holding it is
 * an error, so a forgotten placeholder is never published.
 */
export const ABSTRACT_PLACEHOLDER = "Replace this line with a one-paragraph summary of the article.";
export const BODY_PLACEHOLDER =
  "Replace this paragraph with the text of the article. Separate paragraphs with a blank line.";
