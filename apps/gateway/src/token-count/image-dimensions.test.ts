import { describe, expect, it } from 'vitest';
import { imageDimensions } from './image-dimensions';

import { gif, jpeg, png, webpExtended } from './image-headers.fixture';

describe('imageDimensions', () => {
  it.each([
    ['PNG', png(1024, 768)],
    ['JPEG', jpeg(1024, 768)],
    ['GIF', gif(1024, 768)],
    ['WebP', webpExtended(1024, 768)],
  ])('reads the size of a %s', (_format, bytes) => {
    expect(imageDimensions(bytes)).toEqual({ width: 1024, height: 768 });
  });

  it('gives nothing for bytes that are no image', () => {
    expect(imageDimensions(Buffer.from('hello world, not an image at all'))).toBeUndefined();
  });
});
