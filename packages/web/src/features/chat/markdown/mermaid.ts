/**
 * Mermaid, imported on first use, one diagram at a time: `initialize` is global, so a light and a
 * dark render must not interleave. Invalid source rejects (the caller shows its own error card);
 * mermaid's own error SVG and the scratch element it leaves in <body> never reach the page.
 */
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

export function renderMermaid(source: string, dark: boolean): Promise<string> {
  const job = queue.then(() => draw(source, dark));
  queue = job.catch(() => undefined);
  return job;
}

async function draw(source: string, dark: boolean): Promise<string> {
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    theme: dark ? 'dark' : 'default',
    fontFamily: 'inherit',
  });
  await mermaid.parse(source);
  counter += 1;
  const id = `markdown-mermaid-${counter}`;
  try {
    const { svg } = await mermaid.render(id, source);
    return svg;
  } finally {
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}
