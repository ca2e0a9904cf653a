import type { LocalImageService } from 'astro';
import { baseService } from 'astro/assets';
import sharpService from 'astro/assets/services/sharp';
import { withJpegXmp } from './images';

/**
 * Astro's sharp image service, plus photo rights in the files (issue 15):
 * a JPEG rendition asked for with an `xmp` option (an XMP packet, from
 * `photoXmp`) gets it as an APP1 segment, without re-encoding. JPEG is what
 * feed readers, aggregators and structured data take; the AVIF and WebP
 * renditions pages show carry no metadata (sharp writes none unless asked,
 * so GPS positions and camera data of the original never reach a reader).
 * `xmp` is one of the properties hashed into the file name, so a changed
 * credit makes a new file.
 */
const service: LocalImageService = {
  ...sharpService,
  // Astro's sharp service hashes the base service's properties (src, size,
  // format, quality, fit, position, background); `xmp` joins them.
  propertiesToHash: [
    ...(sharpService.propertiesToHash ?? baseService.propertiesToHash ?? []),
    'xmp',
  ],
  async transform(buffer, options, config, logger) {
    const result = await sharpService.transform(buffer, options, config, logger);
    const xmp = options['xmp'];
    if (typeof xmp !== 'string' || xmp === '' || !['jpeg', 'jpg'].includes(result.format)) {
      return result;
    }
    return { ...result, data: withJpegXmp(result.data, xmp) };
  },
};

export default service;
