/**
 * The box shown once at first start with root's generated password. Every line is padded to
 * the widest one, so the right border lines up. The text is ASCII and the border uses the
 * box-drawing block (one terminal column each), so a character count is the display width.
 */
export function rootPasswordBanner(password: string): string {
  const body = [
    'Switchboard created the administrator account.',
    '  username: root',
    `  password: ${password}`,
    'It is shown this once. Sign in and change it.',
  ];
  const inner = Math.max(...body.map((line) => line.length)) + 2; // one space of margin on each side
  return [
    '',
    `  ┌${'─'.repeat(inner)}┐`,
    ...body.map((line) => `  │ ${line.padEnd(inner - 1)}│`),
    `  └${'─'.repeat(inner)}┘`,
    '',
  ].join('\n');
}
