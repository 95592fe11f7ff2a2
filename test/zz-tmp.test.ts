import { it } from 'vitest';
import { checkLayout } from './readers/pdf-layout.js';
it('x', () => {
  for (const f of (process.env.PDFS ?? '').split(' ')) console.log('RESULT', f, JSON.stringify(checkLayout(f), null, 0));
});
