import sharp from 'sharp';
import { AppError } from '../http/errors.js';
import type { AcceptedType } from './upload-policy.js';

/**
 * A decompression bomb is a small file that decodes to gigabytes; refuse anything above 100
 * megapixels (phone cameras stay below that) before decoding it.
 */
const MAX_INPUT_PIXELS = 100_000_000;

export interface CleanImage {
  data: Buffer;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  ext: 'jpg' | 'png' | 'webp';
}

/**
 * Decodes and re-encodes an image. Turning it upright first keeps photos the right way round
 * once the orientation tag is gone; writing it out without `keepMetadata`/`withMetadata` drops
 * every metadata block (EXIF with GPS position and camera serial, XMP, IPTC, ICC). Re-encoding
 * also throws away anything smuggled after or inside the image data (polyglot files).
 */
export async function cleanImage(input: Buffer, type: AcceptedType, maxDimension: number): Promise<CleanImage> {
  try {
    const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true });
    switch (type) {
      case 'image/png':
        return { data: await pipeline.png().toBuffer(), mime: 'image/png', ext: 'png' };
      case 'image/webp':
        return { data: await pipeline.webp({ quality: 85 }).toBuffer(), mime: 'image/webp', ext: 'webp' };
      default:
        // JPEG stays JPEG; HEIC becomes JPEG because browsers outside Safari cannot show it.
        return { data: await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer(), mime: 'image/jpeg', ext: 'jpg' };
    }
  } catch {
    throw new AppError(415, 'image_unreadable', {
      vi: 'Không đọc được ảnh: tệp bị hỏng hoặc quá lớn.',
      en: 'The image could not be read: the file is damaged or too large.',
    });
  }
}
