// Reading a PDF loads pdf.js, whose bundled polyfills replace JSON.stringify with a
// slower copy; the process keeps the native one, which every API response uses.
import { describe, expect, it } from 'vitest';
import { makePdf } from '@ap/testing/sample-documents';
import { LocalExtractor } from '../src/extraction/local.ts';

describe('reading a PDF', () => {
  it('leaves the native JSON.stringify in place', async () => {
    const native = JSON.stringify;
    const pdf = await makePdf([{ lines: [{ text: 'A page of text.', size: 12 }] }]);
    const extractor = new LocalExtractor();
    try {
      const layout = await extractor.extract(pdf, 'application/pdf', 'page.pdf');
      expect(layout.content).toContain('A page of text.');
    } finally {
      await extractor.close();
    }
    expect(JSON.stringify).toBe(native);
    expect(String(JSON.stringify)).toContain('[native code]');
  });
});
