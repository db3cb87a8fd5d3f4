import ts from 'typescript';

/** Attributes whose text a user reads or hears. */
const textAttributes = new Set(['placeholder', 'title', 'alt', 'aria-label', 'aria-description', 'aria-valuetext', 'label']);
const hasLetters = /\p{L}/u;

export interface LiteralString {
  line: number;
  text: string;
}

/**
 * User-visible text written straight into JSX (text between tags, text attributes, a string
 * literal as a child) instead of going through t(). Class names and other attributes are code.
 */
export function literalStrings(fileName: string, source: string): LiteralString[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralString[] = [];
  const report = (node: ts.Node, text: string) => {
    if (hasLetters.test(text)) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && textAttributes.has(node.name.getText())) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text);
      if (value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)) report(value, value.expression.text);
    } else if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent) && node.expression && ts.isStringLiteralLike(node.expression)) {
      report(node, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
