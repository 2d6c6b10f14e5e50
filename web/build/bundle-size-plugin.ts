import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Prints one line with the total size of the JavaScript and CSS the browser downloads. */
export function bundleSizeReport(): Plugin {
  return {
    name: 'storefront-bundle-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      let raw = 0;
      let gzip = 0;
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css)$/.test(file.fileName)) continue;
        const content = file.type === 'chunk' ? file.code : file.source;
        raw += Buffer.byteLength(content);
        gzip += gzipSync(content).byteLength;
      }
      const kB = (bytes: number) => (bytes / 1024).toFixed(1);
      this.info(`storefront bundle: ${kB(raw)} kB of JS and CSS, ${kB(gzip)} kB gzipped`);
    },
  };
}
