import { describe, expect, it } from 'vitest';
import { stderrProgress } from '../src/progress.js';

function sink(isTTY: boolean) {
  const lines: string[] = [];
  return { isTTY, lines, write: (text: string) => lines.push(text) };
}

describe('stderrProgress', () => {
  it('writes plain lines, one per 10% step, into a file or pipe', () => {
    const s = sink(false);
    const progress = stderrProgress(0, s);
    for (let done = 0; done <= 1000; done++) progress('distances', done, 1000);
    progress('hclust', 5, 10);
    expect(s.lines.join('')).not.toMatch(/\r/);
    expect(s.lines).toEqual([...Array.from({ length: 11 }, (_, k) => `distances: ${10 * k}%\n`), 'hclust: 50%\n']);
  });

  it('updates one line in place on a terminal, ending it when done', () => {
    const s = sink(true);
    const progress = stderrProgress(0, s);
    progress('distances', 1, 4);
    progress('distances', 4, 4);
    expect(s.lines).toEqual(['\rdistances: 25%\x1b[K', '\rdistances: 100%\x1b[K\n']);
  });
});
