/** loadAppZip's limits are measured while unpacking, never taken from what the zip's headers declare. */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MARKER } from './loaded-app.ts';
import { loadAppZip, unpackZip } from './load-zip.ts';

const MANIFEST = JSON.stringify({ id: 'zip-app', name: 'Zip App', classFile: 'ZipApp.ts' });

/** Rewrites every declared uncompressed size (local headers and central directory) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50)
      view.setUint32(i + 22, size, true); // local file header: uncompressed size
    else if (sig === 0x02014b50) view.setUint32(i + 24, size, true); // central directory: uncompressed size
  }
  return out;
}

describe('unpackZip', () => {
  it('refuses a zip whose headers declare 10 bytes for 40 MB, measured while it inflates', () => {
    const honest = zipSync({ 'app.json': strToU8(MANIFEST), 'ZipApp.js': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(honest.length).toBeLessThan(200 * 1024);
    const crafted = lieAboutSizes(honest, 10);
    // The crafted headers really lie: a reader trusting them sees 10 bytes.
    const declared: number[] = [];
    unzipSync(crafted, { filter: (f) => (declared.push(f.originalSize), false) });
    expect(declared).toEqual([10, 10]);
    expect(() => loadAppZip(crafted, 'bomb.zip')).toThrow(/package bomb\.zip: unpacks to more than 32 MB \(measured while unpacking/);
  });

  it('counts entries as they come, not from the central directory', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 2001; i++) many[`f${i}.txt`] = strToU8('x');
    expect(() => unpackZip(zipSync(many, { level: 0 }), 'package many.zip')).toThrow(/more than 2000 files/);
  });

  it('unpacks stored and deflated entries alike, directories left out', () => {
    const zip = zipSync({ 'a.txt': [strToU8('stored'), { level: 0 }], 'b/c.txt': strToU8('deflated '.repeat(1000)), 'd/': new Uint8Array(0) });
    const entries = unpackZip(zip, 'package x.zip');
    expect(Object.keys(entries).sort()).toEqual(['a.txt', 'b/c.txt']);
    expect(new TextDecoder().decode(entries['b/c.txt'])).toBe('deflated '.repeat(1000));
  });

  it('a truncated zip is named as unreadable', () => {
    const zip = zipSync({ 'app.json': strToU8(MANIFEST), 'ZipApp.js': strToU8('module.exports = 1;'.repeat(500)) });
    expect(() => loadAppZip(zip.subarray(0, 60), 't.zip')).toThrow(/package t\.zip: (not a readable zip file|there is no app\.json)/);
  });

  it('loads a package as rc-apps writes it: app.json and the bundled .js', () => {
    const app = loadAppZip(
      zipSync({ 'app.json': strToU8(MANIFEST), 'ZipApp.js': strToU8('"use strict";\nexports.ZipApp = class {};\n') }),
      'zip-app_0.1.0.zip',
    );
    expect(app.manifest.name).toBe('Zip App');
    expect(app.files[app.bundlePath]).toBe(`${BUNDLED_MARKER}"use strict";\nexports.ZipApp = class {};\n`);
  });
});
